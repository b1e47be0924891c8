import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer } from '../../../test/harness.js';
import {
  closeLearnerScenario,
  createAs,
  type LearnerScenario,
  openLearnerScenario,
  uniqueWord,
} from '../../../test/learner-scenario.js';

/** searchLearners: finding a learner by LRN or by name variants, and what each scope sees (§VI). */

let scenario: LearnerScenario;
let dataSource: DataSource;
let server: TestServer;
let registrarA: string;
let registrarB: string;
let divisionA: string;

beforeAll(async () => {
  scenario = await openLearnerScenario();
  ({ dataSource, server, registrarA, registrarB, divisionA } = scenario);
});
afterAll(() => closeLearnerScenario(scenario));

const create = (token: string, input: Record<string, unknown>) => createAs(server, token, input);

const searchQuery = `query ($lrn: String, $name: String, $birthDate: String) {
  searchLearners(lrn: $lrn, name: $name, birthDate: $birthDate) {
    learnerId lastName firstName middleName birthDate score reasons likelyDuplicate inScope lastSchoolId
    learner { id guardianName } } }`;

type Candidate = {
  learnerId: string;
  firstName: string;
  score: number;
  reasons: string[];
  likelyDuplicate: boolean;
  inScope: boolean;
  lastSchoolId: string;
  learner: { id: string; guardianName: string | null } | null;
};

describe('searchLearners: ranking over name variants (DO 03 s. 2018 §VI)', () => {
  const surname = uniqueWord();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const learners = {
      target: {
        lastName: `Dela ${surname}`,
        firstName: 'Maria Cristina',
        middleName: 'Santos',
        birthDate: '2015-03-07',
      },
      sibling: {
        lastName: `Dela ${surname}`,
        firstName: 'Ana Liza',
        middleName: 'Santos',
        birthDate: '2015-03-07',
      },
      otherBirth: {
        lastName: `Dela ${surname}`,
        firstName: 'Maria Cristina',
        middleName: 'Santos',
        birthDate: '2012-11-25',
      },
      cousin: {
        lastName: surname,
        firstName: 'Cristina',
        middleName: 'Reyes',
        birthDate: '2015-03-07',
      },
      nino: {
        lastName: `${surname}o`,
        firstName: 'Niño',
        middleName: 'Bautista',
        birthDate: '2016-05-02',
        sex: 'MALE',
      },
      junior: {
        lastName: `${surname}a`,
        firstName: 'Jose',
        extensionName: 'Jr.',
        middleName: 'Lim',
        birthDate: '2014-08-09',
        sex: 'MALE',
      },
    };
    for (const [key, input] of Object.entries(learners)) {
      const { data, errors } = await create(registrarA, { ...input, confirmNoDuplicate: true });
      expect(errors, key).toBeUndefined();
      ids[key] = data!.createLearner.id;
    }
  });

  it.each([
    [
      'Ma. for Maria, with birth date',
      () => ({ name: `Ma. Cristina Dela ${surname}`, birthDate: '2015-03-07' }),
      'target',
    ],
    [
      'De la for Dela',
      () => ({ name: `Maria Cristina Santos De la ${surname}`, birthDate: '2015-03-07' }),
      'target',
    ],
    [
      'last name first, with a comma',
      () => ({ name: `DELA ${surname.toUpperCase()}, MARIA CRISTINA`, birthDate: '2015-03-07' }),
      'target',
    ],
    [
      'first and middle names swapped',
      () => ({ name: `Santos Maria Cristina Dela ${surname}`, birthDate: '2015-03-07' }),
      'target',
    ],
    [
      'birth day and month swapped',
      () => ({ name: `Maria Cristina Santos Dela ${surname}`, birthDate: '2015-07-03' }),
      'target',
    ],
    [
      'a misspelling',
      () => ({ name: `Maria Christina Santos Dela ${surname}`, birthDate: '2015-03-07' }),
      'target',
    ],
    ['Nino for Niño', () => ({ name: `Nino Bautista ${surname}o` }), 'nino'],
    ['Jr. typed in the name', () => ({ name: `Jose Lim ${surname}a Jr.` }), 'junior'],
    // Without a birth date the target and `otherBirth` (the same name) score alike: the older
    // record comes first, and the target was made first.
    [
      'a misspelt name without a birth date',
      () => ({ name: `Maria Cristina Santos Dela ${surname}x` }),
      'target',
    ],
  ])('%s: the true match comes first', async (_, variables, expected) => {
    const { data, errors } = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      variables(),
      registrarA,
    );
    expect(errors).toBeUndefined();
    expect(data!.searchLearners[0]!.learnerId).toBe(ids[expected]);
    expect(data!.searchLearners[0]!.likelyDuplicate).toBe(true);
  });

  it('explains each candidate, and ranks the sibling and the other birth date below', async () => {
    const { data } = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      { name: `Maria Cristina Santos Dela ${surname}`, birthDate: '2015-03-07' },
      registrarA,
    );
    const byId = new Map(data!.searchLearners.map((c) => [c.learnerId, c]));
    expect(byId.get(ids.target!)!.reasons).toEqual(
      expect.arrayContaining(['SAME_NAME', 'SAME_BIRTH_DATE']),
    );
    expect(byId.get(ids.target!)!.score).toBeGreaterThan(byId.get(ids.sibling!)?.score ?? 0);
    expect(byId.get(ids.otherBirth!)?.reasons ?? ['DIFFERENT_BIRTH_DATE']).toContain(
      'DIFFERENT_BIRTH_DATE',
    );
  });

  it('finds by LRN exactly', async () => {
    await dataSource.query(
      `UPDATE learner SET lrn = lpad(nextval('lrn_seq')::text, 12, '0') WHERE id = $1`,
      [ids.cousin],
    );
    const [row] = await dataSource.query<{ lrn: string }[]>(
      'SELECT lrn FROM learner WHERE id = $1',
      [ids.cousin],
    );
    const { data } = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      { lrn: row!.lrn },
      registrarB,
    );
    expect(data!.searchLearners.map((c) => c.learnerId)).toEqual([ids.cousin]);
    expect(data!.searchLearners[0]!.reasons).toEqual(['SAME_LRN']);
  });

  it('shows another school only what establishes uniqueness, and the owning school the profile', async () => {
    const variables = { name: `Maria Cristina Santos Dela ${surname}`, birthDate: '2015-03-07' };
    const outside = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      variables,
      registrarB,
    );
    const inside = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      variables,
      registrarA,
    );
    const division = await server.graphql<{ searchLearners: Candidate[] }>(
      searchQuery,
      variables,
      divisionA,
    );
    expect(outside.data!.searchLearners[0]).toMatchObject({
      learnerId: ids.target,
      inScope: false,
      learner: null,
      lastSchoolId: '500743',
    });
    expect(inside.data!.searchLearners[0]).toMatchObject({
      inScope: true,
      learner: { id: ids.target },
    });
    expect(division.data!.searchLearners[0]).toMatchObject({ inScope: true });
  });

  it('records every search', async () => {
    // This search's own records: other files search at the same time (seen on 2028-04-01).
    const count = () =>
      dataSource.query<{ n: string }[]>(
        `SELECT count(*) n FROM audit_event WHERE action = 'LEARNER_SEARCHED' AND after->>'name' = $1`,
        [`Dela ${surname}`],
      );
    const before = await count();
    await server.graphql(searchQuery, { name: `Dela ${surname}` }, registrarB);
    const after = await count();
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
  });

  it('records the name exactly as typed, quotes and backslashes included, and runs nothing of it', async () => {
    const name = `O'Brien \\'); DELETE FROM learner; -- ${surname}`;
    const response = await server.graphql(searchQuery, { name }, registrarB);
    expect(response.errors).toBeUndefined();
    const recorded = await dataSource.query<unknown[]>(
      `SELECT 1 FROM audit_event WHERE action = 'LEARNER_SEARCHED' AND after->>'name' = $1`,
      [name],
    );
    expect(recorded).toHaveLength(1);
    const [{ n }] = (await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM learner',
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });

  it.each([
    [{ lrn: '12345' }, 'lrn', 'LRN_INVALID'],
    [{}, 'name', 'SEARCH_TOO_BROAD'],
    [{ birthDate: '2015-03-07' }, 'name', 'SEARCH_TOO_BROAD'],
    [{ name: 'A' }, 'name', 'NAME_TOO_SHORT'],
    [{ name: 'Maria Cruz', birthDate: '2015-02-30' }, 'birthDate', 'DATE_INVALID'],
  ])('refuses %j naming the field and rule', async (variables, field, rule) => {
    const { errors } = await server.graphql(searchQuery, variables, registrarA);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});
