// The battery's client mistakes (issue 19): the requests that were answered as server faults (a
// NUL byte in a name or a search, a 10,000-character street, a division id past any, a query over
// the token limit, 300 aliases, a 40-deep introspection, an impossible date). Each must be refused
// with its code (most as HTTP 400), or answered; none a server fault.
import { isServerError } from './battery-support.js';
import { type BatteryWorld } from './battery-world.js';

interface Mistake {
  what: string;
  query: string;
  variables?: Record<string, unknown>;
  signedIn?: boolean;
  /** A refusal with a code is due; else any answer but a fault (no such division: nothing). */
  clientError: boolean;
}

const nul = 'Ma\u0000ria';
const profile = (overrides: Record<string, unknown>) => ({
  lastName: 'Mistake',
  firstName: 'Maria',
  birthDate: '2016-03-01',
  sex: 'FEMALE',
  confirmNoDuplicate: true,
  ...overrides,
});

const createLearner =
  'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }';

function textMistakes(): Mistake[] {
  return [
    {
      what: 'a NUL in searchLearners.name',
      query: 'query($n: String) { searchLearners(name: $n) { learnerId } }',
      variables: { n: nul },
      signedIn: true,
      clientError: true,
    },
    {
      what: 'a NUL in classList.filter.search',
      query:
        'query($f: ClassListFilter) { classList(schoolId: "500743", schoolYear: "2026-2027", filter: $f) { total } }',
      variables: { f: { search: nul } },
      signedIn: true,
      clientError: true,
    },
    {
      what: 'a NUL in Division.schools.search',
      query: 'query($s: String) { division(id: "1") { schools(search: $s) { totalCount } } }',
      variables: { s: nul },
      clientError: true,
    },
    {
      what: 'a NUL in schoolCalendar',
      query: 'query($y: String!) { schoolCalendar(schoolYear: $y) { schoolYear } }',
      variables: { y: '2026-2027\u0000' },
      clientError: true,
    },
    {
      what: 'a NUL in login.username',
      query: 'mutation($u: String!) { login(username: $u, password: "x") { token } }',
      variables: { u: 'registrar\u0000' },
      clientError: true,
    },
    {
      what: 'a NUL in createLearner.firstName',
      query: createLearner,
      variables: { input: profile({ firstName: nul }) },
      signedIn: true,
      clientError: true,
    },
    {
      what: 'a NUL in a merge reason (inline)',
      query:
        'mutation { proposeLearnerMerge(learnerId: "1", duplicateId: "2", reason: "same\\u0000child") { id } }',
      signedIn: true,
      clientError: true,
    },
  ];
}

function otherMistakes(): Mistake[] {
  let deep = 'name';
  for (let i = 0; i < 40; i++) deep = `ofType { ${deep} }`;
  return [
    {
      what: 'a street of 10,000 characters',
      query: createLearner,
      variables: { input: profile({ addressStreet: 'x'.repeat(10_000) }) },
      signedIn: true,
      clientError: true,
    },
    {
      what: 'divisionIds ["99999"]',
      query:
        'query($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: [DIVISION]) { learners } }',
      variables: { f: { divisionIds: ['99999'] } },
      signedIn: true,
      clientError: true,
    },
    {
      what: 'a query over the token limit',
      query: `{ ${'clock { today } '.repeat(150)} }`,
      clientError: true,
    },
    {
      what: '300 aliases',
      query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: clock { today }`).join(' ')} }`,
      clientError: true,
    },
    {
      what: 'a 40-deep introspection',
      query: `{ __schema { types { fields { type { ${deep} } } } } }`,
      clientError: true,
    },
    {
      what: 'checkEligibility(asOf: "2024-13-01")',
      query:
        '{ checkEligibility(input: { schoolYear: "2025-2026", gradeLevel: GRADE_1, basis: KINDER_COMPLETED_ACCREDITED, birthDate: "2019-03-01", firstTimeEnrollee: false, asOf: "2024-13-01" }) { eligible } }',
      clientError: true,
    },
  ];
}

export async function partMistakes(world: BatteryWorld) {
  const part = 'client mistakes';
  const list = [...textMistakes(), ...otherMistakes()];
  let faults = 0;
  let notRefused = 0;
  let answered4xx = 0;
  for (const mistake of list) {
    const answer = await world.http.graphql(
      mistake.query,
      mistake.variables ?? {},
      mistake.signedIn ? world.registrarA : undefined,
    );
    const code = answer.errors[0]?.extensions?.code;
    if (answer.status >= 400 && answer.status < 500) answered4xx++;
    if (isServerError(answer) || answer.status === 0) {
      faults++;
      world.say(`  server fault: ${mistake.what} (HTTP ${answer.status})`);
    } else if (mistake.clientError && typeof code !== 'string') {
      notRefused++;
      world.say(`  not refused: ${mistake.what} (HTTP ${answer.status})`);
    }
  }
  world.figure(part, `the findings' requests sent`, list.length);
  world.figure(part, 'answered as server faults', faults, 0);
  world.figure(part, 'mistakes not refused with a code', notRefused, 0);
  // A resolver's refusal too (checkEligibility's date, a division that does not exist):
  // error-status.ts gives a request that got nothing its refusal's 4xx.
  world.figure(part, 'of them answered HTTP 4xx', answered4xx, list.length);
}
