import { randomUUID } from 'node:crypto';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../../test/clock-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

let dataSource: DataSource;
let server: TestServer;
let registrarA: string; // La Paz Integrated School, Abra
let registrarB: string; // Adams NHS, Ilocos Norte
let divisionA: string;
let regionA: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  registrarA = (
    await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: places.schoolId })
  ).token;
  registrarB = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 300001 }))
    .token;
  divisionA = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: places.divisionId })
  ).token;
  regionA = (
    await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: places.regionId })
  ).token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

/**
 * A surname no other test uses, so nationwide searches see only this test's learners: seven of a
 * random UUID's hex digits, each as a consonant (names take letters only).
 */
const uniqueWord = () =>
  [...randomUUID().replace(/-/g, '').slice(0, 7)]
    .map((digit) => 'bcdfghjklmnpqrst'[parseInt(digit, 16)]!)
    .join('')
    .replace(/^./, (c) => c.toUpperCase());

const createMutation = `mutation ($input: CreateLearnerInput!) {
  createLearner(input: $input) { id lrn lastName firstName middleName birthDate sex version } }`;
const searchQuery = `query ($lrn: String, $name: String, $birthDate: String) {
  searchLearners(lrn: $lrn, name: $name, birthDate: $birthDate) {
    learnerId lastName firstName middleName birthDate score reasons likelyDuplicate inScope lastSchoolId
    learner { id guardianName } } }`;

type Created = { createLearner: { id: string; version: number } };
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

async function countByLastName(lastName: string): Promise<string> {
  const [row] = await dataSource.query<{ n: string }[]>(
    'SELECT count(*) n FROM learner WHERE last_name = $1',
    [lastName],
  );
  return row!.n;
}

async function create(token: string, input: Record<string, unknown>) {
  const result = await server.graphql<Created>(
    createMutation,
    { input: { sex: 'FEMALE', ...input } },
    token,
  );
  return result;
}

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
    const before = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) n FROM audit_event WHERE action = 'LEARNER_SEARCHED'`,
    );
    await server.graphql(searchQuery, { name: `Dela ${surname}` }, registrarB);
    const after = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) n FROM audit_event WHERE action = 'LEARNER_SEARCHED'`,
    );
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

describe('createLearner: uniqueness first (§VI; the ALS guide, step 3a)', () => {
  it('refuses a likely duplicate with the candidates, then creates on confirmation and records it', async () => {
    const surname = uniqueWord();
    const first = await create(registrarA, {
      lastName: surname,
      firstName: 'Juan',
      middleName: 'Reyes',
      birthDate: '2017-01-15',
      sex: 'MALE',
    });
    expect(first.errors).toBeUndefined();

    const again = {
      lastName: surname,
      firstName: 'Juan',
      middleName: 'Reyes',
      birthDate: '2017-01-15',
      sex: 'MALE',
    };
    const refused = await create(registrarB, again);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DUPLICATE_SUSPECTED' });
    const candidates = refused.errors![0]!.extensions!.candidates as {
      learnerId: string;
      reasons: string[];
    }[];
    expect(candidates[0]).toMatchObject({
      learnerId: first.data!.createLearner.id,
      reasons: expect.arrayContaining(['SAME_NAME', 'SAME_BIRTH_DATE']),
    });
    const n = await countByLastName(surname);
    expect(n).toBe('1');

    const confirmed = await create(registrarB, { ...again, confirmNoDuplicate: true });
    expect(confirmed.errors).toBeUndefined();
    const [record] = await dataSource.query<
      { after: { confirmedBy: string; candidates: { learnerId: string }[] } }[]
    >(
      `SELECT after FROM audit_event WHERE action = 'DUPLICATE_CHECK_CONFIRMED' AND entity_id = $1`,
      [confirmed.data!.createLearner.id],
    );
    expect(record!.after.candidates.map((c) => c.learnerId)).toEqual([
      first.data!.createLearner.id,
    ]);
    expect(record!.after.confirmedBy).toMatch(/^t_school_registrar_/);
  });

  it('creates a learner with no LRN yet (§V.A: issued at first attendance)', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Ana',
      birthDate: '2019-06-01',
    });
    expect(data!.createLearner).toMatchObject({ lrn: null, version: 1 });
  });

  it('lets only one of two simultaneous identical registrations through unconfirmed', async () => {
    const input = {
      lastName: uniqueWord(),
      firstName: 'Pedro',
      birthDate: '2018-04-04',
      sex: 'MALE',
    };
    const results = await Promise.all([create(registrarA, input), create(registrarB, input)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(
      results.filter((r) => r.errors?.[0]?.extensions?.code === 'DUPLICATE_SUSPECTED'),
    ).toHaveLength(1);
  });

  it.each([
    [{ lastName: '' }, 'input.lastName', 'REQUIRED'],
    [{ birthDate: daysFromToday(1) }, 'input.birthDate', 'DATE_IN_FUTURE'],
    [{ birthDate: '2019-02-29' }, 'input.birthDate', 'DATE_INVALID'],
    [{ firstName: 'J0hn' }, 'input.firstName', 'NAME_CHARACTERS'],
    [{ extensionName: 'Esq' }, 'input.extensionName', 'EXTENSION_UNKNOWN'],
    [{ sex: null }, 'input.sex', 'REQUIRED'],
  ])('refuses %j, naming the field and rule, and saves nothing', async (change, field, rule) => {
    const lastName = uniqueWord();
    const { errors } = await create(registrarA, {
      lastName,
      firstName: 'Ana',
      birthDate: '2019-06-01',
      ...change,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    const n = await countByLastName(lastName);
    expect(n).toBe('0');
  });
});

describe('learner, updateLearner and learnerHistory', () => {
  const viewQuery = `query ($id: ID!) { learner(id: $id) { id lastName guardianName version } }`;
  const updateMutation = `mutation ($id: ID!, $version: Int!, $input: UpdateLearnerInput!) {
    updateLearner(id: $id, version: $version, input: $input) { id guardianName version } }`;

  it('shows the profile to its school and division, and to no one else', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Lito',
      birthDate: '2016-02-02',
      sex: 'MALE',
    });
    const id = data!.createLearner.id;
    for (const [token, visible] of [
      [registrarA, true],
      [divisionA, true],
      [registrarB, false],
    ] as const) {
      const result = await server.graphql<{ learner: { id: string } | null }>(
        viewQuery,
        { id },
        token,
      );
      expect(result.data?.learner?.id ?? null).toBe(visible ? id : null);
    }
    const region = await server.graphql(viewQuery, { id }, regionA);
    expect(region.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates with the version it read; a stale update changes nothing', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Rosa',
      birthDate: '2016-02-02',
    });
    const id = data!.createLearner.id;
    const first = await server.graphql<{ updateLearner: { version: number } }>(
      updateMutation,
      { id, version: 1, input: { guardianName: 'Lola Basyang' } },
      registrarA,
    );
    expect(first.data!.updateLearner.version).toBe(2);
    const stale = await server.graphql(
      updateMutation,
      { id, version: 1, input: { guardianName: 'Overwritten' } },
      registrarA,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'STALE_UPDATE',
      currentVersion: 2,
    });
    const now = await server.graphql<{ learner: { guardianName: string; version: number } }>(
      viewQuery,
      { id },
      registrarA,
    );
    expect(now.data!.learner).toMatchObject({ guardianName: 'Lola Basyang', version: 2 });
  });

  it('keeps the birth document once on file (§V.A)', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Tess',
      birthDate: '2016-02-02',
      birthDocumentType: 'PSA_BIRTH_CERTIFICATE',
      birthDocumentReceivedOn: '2024-01-10',
    });
    const change = await server.graphql(
      updateMutation,
      {
        id: data!.createLearner.id,
        version: 1,
        input: { birthDocumentType: 'BARANGAY_CERTIFICATION' },
      },
      registrarA,
    );
    expect(change.errors?.[0]?.extensions).toMatchObject({
      rule: 'BIRTH_DOCUMENT_ALREADY_ON_FILE',
    });
  });

  it('cannot be updated by another school or a division', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Nena',
      birthDate: '2016-02-02',
    });
    const other = await server.graphql(
      updateMutation,
      { id: data!.createLearner.id, version: 1, input: { guardianName: 'X' } },
      registrarB,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const division = await server.graphql(
      updateMutation,
      { id: data!.createLearner.id, version: 1, input: { guardianName: 'X' } },
      divisionA,
    );
    expect(division.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a history of who created, viewed and changed the learner, with before and after', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Ben',
      birthDate: '2016-02-02',
      sex: 'MALE',
    });
    const id = data!.createLearner.id;
    await server.graphql(viewQuery, { id }, divisionA);
    await server.graphql(
      updateMutation,
      { id, version: 1, input: { motherTongue: 'Ilocano' } },
      registrarA,
    );
    const history = await server.graphql<{
      learnerHistory: {
        action: string;
        username: string;
        before: string | null;
        after: string | null;
      }[];
    }>(
      `query ($id: ID!) { learnerHistory(learnerId: $id) { action username before after } }`,
      { id },
      divisionA,
    );
    const entries = history.data!.learnerHistory;
    expect(entries.map((e) => e.action)).toEqual([
      'LEARNER_CREATED',
      'LEARNER_VIEWED',
      'LEARNER_UPDATED',
    ]);
    expect(JSON.parse(entries[2]!.before!)).toEqual({ motherTongue: null });
    expect(JSON.parse(entries[2]!.after!)).toEqual({ motherTongue: 'Ilocano' });
    const outside = await server.graphql(
      `query ($id: ID!) { learnerHistory(learnerId: $id) { action } }`,
      { id },
      registrarB,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
