import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentYear, SCENARIO_YEAR } from '../../../test/clock-fixtures.js';
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

describe('searchLearners: the name read as a registrar reads it, and where each result is enrolled (issue 21)', () => {
  const surname = uniqueWord();
  const birthDate = '2016-02-14';
  const ids: Record<string, string> = {};
  const enrolledQuery = `query ($name: String, $birthDate: String, $schoolYear: String) {
    searchLearners(name: $name, birthDate: $birthDate, schoolYear: $schoolYear) {
      learnerId reasons likelyDuplicate inScope
      enrolledThisYear { schoolYear schoolId schoolName preRegistered status } } }`;
  type Found = {
    learnerId: string;
    reasons: string[];
    likelyDuplicate: boolean;
    inScope: boolean;
    enrolledThisYear: {
      schoolYear: string;
      schoolId: string;
      schoolName: string;
      preRegistered: boolean;
      status: string | null;
    } | null;
  };
  const search = async (token: string, variables: Record<string, unknown>) => {
    const { data, errors } = await server.graphql<{ searchLearners: Found[] }>(
      enrolledQuery,
      variables,
      token,
    );
    expect(errors).toBeUndefined();
    return new Map(data!.searchLearners.map((c) => [c.learnerId, c]));
  };
  /** As the owner: what is under test is the search, not enrolling. */
  const enrol = (learnerId: string, schoolYear: string, status: string) =>
    dataSource.query(
      `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status,
                               registered_on, created_by)
       VALUES ($1, 500743, $2, 'GRADE_1', $3, $4, (SELECT id FROM account LIMIT 1))`,
      [learnerId, schoolYear, status, `${schoolYear.slice(0, 4)}-02-01`],
    );

  beforeAll(async () => {
    const person = { lastName: `Dela ${surname}`, firstName: 'Juan', birthDate, sex: 'MALE' };
    for (const [key, middleName] of [
      ['temporary', 'Santos'],
      ['early', 'Reyes'],
      ['none', 'Bautista'],
    ] as const) {
      const { data, errors } = await create(registrarA, {
        ...person,
        middleName,
        confirmNoDuplicate: true,
      });
      expect(errors, key).toBeUndefined();
      ids[key] = data!.createLearner.id;
    }
    await enrol(ids.temporary!, SCENARIO_YEAR, 'TEMPORARILY_ENROLLED');
    await enrol(ids.early!, currentYear(), 'PRE_REGISTERED');
  });

  it('"Juan Dela Cruz" with the exact birth date: each Juan Dela Cruz flagged, the middle name left out', async () => {
    const found = await search(registrarA, { name: `Juan Dela ${surname}`, birthDate });
    expect(found.size).toBe(3);
    for (const candidate of found.values()) {
      expect(candidate.likelyDuplicate).toBe(true);
      expect(candidate.reasons).toEqual(['SAME_FIRST_AND_LAST_NAME', 'SAME_BIRTH_DATE']);
    }
  });

  it('says where a learner is enrolled in the school year asked about, with the status in place', async () => {
    const found = await search(registrarA, {
      name: `Juan Dela ${surname}`,
      birthDate,
      schoolYear: SCENARIO_YEAR,
    });
    expect(found.get(ids.temporary!)!.enrolledThisYear).toEqual({
      schoolYear: SCENARIO_YEAR,
      schoolId: '500743',
      schoolName: 'La Paz Integrated School',
      preRegistered: false,
      status: 'TEMPORARILY_ENROLLED',
    });
    expect(found.get(ids.early!)!.enrolledThisYear).toBeNull();
    expect(found.get(ids.none!)!.enrolledThisYear).toBeNull();
  });

  it('the current school year unless one is named', async () => {
    const found = await search(registrarA, { name: `Juan Dela ${surname}`, birthDate });
    expect(found.get(ids.early!)!.enrolledThisYear).toMatchObject({
      schoolYear: currentYear(),
      schoolId: '500743',
      preRegistered: true,
      status: 'PRE_REGISTERED',
    });
    expect(found.get(ids.temporary!)!.enrolledThisYear).toBeNull();
  });

  it('another school is told the school only, and the search records that it was', async () => {
    const name = `Juan Dela ${surname}`;
    const found = await search(registrarB, { name, birthDate, schoolYear: SCENARIO_YEAR });
    expect(found.get(ids.temporary!)).toMatchObject({
      inScope: false,
      enrolledThisYear: {
        schoolId: '500743',
        schoolName: 'La Paz Integrated School',
        preRegistered: false,
        status: null,
      },
    });
    const [audit] = await dataSource.query<{ after: Record<string, unknown> }[]>(
      `SELECT after FROM audit_event WHERE action = 'LEARNER_SEARCHED' AND after->>'name' = $1
       AND after->>'schoolYear' = $2 ORDER BY id DESC LIMIT 1`,
      [name, SCENARIO_YEAR],
    );
    expect(audit!.after).toMatchObject({ enrollmentsOutsideShown: 1, inScope: 0 });
    // A name alone shows another school none of them, nor where they are enrolled.
    expect((await search(registrarB, { name, schoolYear: SCENARIO_YEAR })).size).toBe(0);
  });

  it('refuses a school year that is not one, naming the field and rule', async () => {
    const { errors } = await server.graphql(
      enrolledQuery,
      { name: `Juan Dela ${surname}`, schoolYear: '2026' },
      registrarA,
    );
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'schoolYear',
      rule: 'SCHOOL_YEAR_INVALID',
    });
  });
});
