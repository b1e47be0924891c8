import { Role } from '@repo/domain/access';
import { getIntrospectionQuery } from 'graphql';
import { type DataSource, getMetadataArgsStorage } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  placeFor,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { newProfile } from '../../../test/enrollment-fixtures.js';
import { LearnerEntity } from '../learner/learner.entity.js';
import { textLimits } from './input-text.js';

// Issue 19, finding 2: a client's mistakes answered as client errors (HTTP 4xx with a code, a
// field and a rule), never as a server fault. Each was a 200 with INTERNAL_SERVER_ERROR, or a 500.

const LA_PAZ = 500743;
let dataSource: DataSource;
let server: TestServer;
let registrar: string;
let analyst: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  registrar = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ }))
    .token;
  analyst = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

/** One request over HTTP: its status and first error's extensions. */
async function send(query: string, variables: Record<string, unknown>, token?: string) {
  const { status, body } = await server.post(query, variables, { token });
  return {
    status,
    extensions: body.errors?.[0]?.extensions ?? null,
    message: body.errors?.[0]?.message ?? null,
  };
}

const nul = 'Ma\u0000ria';

describe('a client’s mistakes are client errors (issue 19)', () => {
  it.each<[string, string, Record<string, unknown>, () => string | undefined, string]>([
    [
      'searchLearners.name',
      'query($name: String) { searchLearners(name: $name) { learnerId } }',
      { name: nul },
      () => registrar,
      'name',
    ],
    [
      'classList.filter.search',
      'query($f: ClassListFilter) { classList(schoolId: "500743", schoolYear: "2026-2027", filter: $f) { total } }',
      { f: { search: nul } },
      () => registrar,
      'f.search',
    ],
    [
      'Division.schools.search',
      'query($s: String) { division(id: "1") { schools(search: $s) { totalCount } } }',
      { s: nul },
      () => undefined,
      's',
    ],
    [
      'schoolCalendar',
      'query($y: String!) { schoolCalendar(schoolYear: $y) { schoolYear } }',
      { y: `2026-2027${'\u0000'}` },
      () => undefined,
      'y',
    ],
    [
      'login.username',
      'mutation($u: String!) { login(username: $u, password: "x") { token } }',
      { u: `registrar${'\u0000'}` },
      () => undefined,
      'u',
    ],
    [
      'createLearner.input.firstName',
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: newProfile('2016-03-01', { firstName: nul }) },
      () => registrar,
      'input.firstName',
    ],
    [
      'proposeLearnerMerge.reason (inline)',
      `mutation { proposeLearnerMerge(learnerId: "1", duplicateId: "2", reason: "same\\u0000child") { id } }`,
      {},
      () => registrar,
      'reason',
    ],
  ])(
    'a NUL in %s: 400 CONTROL_CHARACTER naming the field',
    async (_, query, variables, token, field) => {
      const answer = await send(query, variables, token());
      expect(answer.status).toBe(400);
      expect(answer.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        rule: 'CONTROL_CHARACTER',
      });
    },
  );

  it('a street of 10,000 characters: 400 TOO_LONG with the limit', async () => {
    const answer = await send(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: newProfile('2016-03-01', { addressStreet: 'x'.repeat(10_000) }) },
      registrar,
    );
    expect(answer.status).toBe(400);
    expect(answer.extensions).toMatchObject({ field: 'input.addressStreet', rule: 'TOO_LONG' });
    expect(answer.message).toMatch('at most 200');
    // One past the column's 200: refused too (it was a server fault at any length past 200).
    const justOver = await send(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: newProfile('2016-03-01', { addressStreet: 'x'.repeat(201) }) },
      registrar,
    );
    expect(justOver).toMatchObject({ status: 400, extensions: { rule: 'TOO_LONG' } });
  });

  it('limits each profile field as its column does', () => {
    const columns = getMetadataArgsStorage().columns.filter(
      (c) => c.target === LearnerEntity && typeof c.options.length === 'number',
    );
    const profileFields = Object.keys(textLimits.fields).filter((f) => f !== 'contentBase64');
    for (const field of profileFields) {
      const column = columns.find((c) => c.propertyName === field);
      expect(column, field).toBeDefined();
      expect(textLimits.fields[field], field).toBe(column!.options.length);
    }
  });

  it('a division that does not exist: 400 naming the field, for a national and a school account', async () => {
    for (const token of [analyst, registrar]) {
      const answer = await send(
        'query($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: [DIVISION]) { learners } }',
        { f: { divisionIds: ['99999'] } },
        token,
      );
      expect(answer).toMatchObject({
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.divisionIds', rule: 'PLACE_UNKNOWN' },
      });
    }
  });

  it('a resolver’s refusal is a 4xx by its code; an answer with data stays 200', async () => {
    const eligibility = (asOf: string) =>
      `{ checkEligibility(input: { schoolYear: "2025-2026", gradeLevel: GRADE_1, basis: KINDER_COMPLETED_ACCREDITED, birthDate: "2019-03-01", firstTimeEnrollee: false, asOf: "${asOf}" }) { eligible } }`;
    for (const asOf of ['2024-13-01', '2023-02-29', '0001-01-01'])
      expect(await send(eligibility(asOf), {})).toMatchObject({
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', field: 'input.asOf', rule: 'DATE_INVALID' },
      });
    // Another school's place: 403.
    const outside = await send(
      'query($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: [SCHOOL]) { learners } }',
      { f: { schoolIds: ['136453'] } },
      registrar,
    );
    expect(outside).toMatchObject({ status: 403, extensions: { code: 'OUTSIDE_SCOPE' } });
    // A transfer that is not there: 404.
    const places = await resolveTestPlaces(dataSource);
    const monitor = await createTestAccount(
      dataSource,
      Role.DIVISION_MONITOR,
      placeFor(Role.DIVISION_MONITOR, places),
    );
    const missing = await send(
      'mutation { reverseTransfer(input: { id: "987654321", reason: "Recorded in error" }) { id } }',
      {},
      monitor.token,
    );
    expect(missing).toMatchObject({ status: 404, extensions: { code: 'NOT_FOUND' } });
  });

  it('a query over the token limit and one of 300 aliases: 400', async () => {
    const tokens = await send(`{ ${'clock { today } '.repeat(150)} }`, {});
    expect(tokens.status).toBe(400);
    expect(tokens.extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED|BAD_REQUEST/);
    const aliases = await send(
      `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: clock { today }`).join(' ')} }`,
      {},
    );
    expect(aliases.status).toBe(400);
  });

  it('refuses a 40-deep introspection query and serves the standard one (demo mode)', async () => {
    let deep = 'name';
    for (let i = 0; i < 40; i++) deep = `ofType { ${deep} }`;
    const refused = await send(`{ __schema { types { fields { type { ${deep} } } } } }`, {});
    expect(refused.status).toBe(400);
    const standard = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    expect(standard.status).toBe(200);
  });
});
