import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, type TestServer } from '../../../test/harness.js';
import { importCsv } from '../../../test/import-fixtures.js';
import {
  closeLearnerScenario,
  type LearnerScenario,
  openLearnerScenario,
  uniqueWord,
} from '../../../test/learner-scenario.js';

/**
 * Issue 18, finding 2: a school in Ilocos Norte (registrar B) looks up learners of La Paz, Abra.
 * Before, a name alone listed learners nationwide with LRN and school, and a 500-row import
 * preview returned LRNs and last schools for every match, unlimited.
 */

let scenario: LearnerScenario;
let dataSource: DataSource;
let server: TestServer;
const SY = '2026-2027';
const LA_PAZ = 500743;
const ADAMS = 300001;
const surname = uniqueWord();
/**
 * 500 learners of La Paz, each with an LRN: more than one school's daily quota (300). Each has a
 * birth date of its own (a day from 2013) and a first name of two syllables of its own.
 */
const syllables =
  'ba be bi bo bu da de di do du ga ge gi go gu ka ke ki ko ku la le li lo lu'.split(' ');
const stranger = (i: number) => ({
  firstName: `Mar${syllables[i % 25]}${syllables[Math.floor(i / 25)]}`.replace(/^./, (c) =>
    c.toUpperCase(),
  ),
  birthDate: new Date(Date.UTC(2013, 0, 1 + i)).toISOString().slice(0, 10),
});
let lrns: Map<string, string>;

beforeAll(async () => {
  scenario = await openLearnerScenario();
  ({ dataSource, server } = scenario);
  const rows = await dataSource.query<{ id: string; first_name: string; lrn: string }[]>(
    `WITH made AS (
       INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, lrn, created_by)
       SELECT $1::text, f.first_name, lower($1::text || ' ' || f.first_name), f.birth_date::date, 'FEMALE',
              lpad(nextval('lrn_seq')::text, 12, '0'), a.id
       FROM unnest($2::text[], $3::text[]) AS f(first_name, birth_date),
            (SELECT id FROM account LIMIT 1) a
       RETURNING id, first_name, lrn),
     linked AS (INSERT INTO learner_school (learner_id, school_id, reason)
                SELECT id, $4, 'TEST' FROM made)
     SELECT id::text, first_name, lrn FROM made`,
    [
      surname,
      Array.from({ length: 500 }, (_, i) => stranger(i).firstName),
      Array.from({ length: 500 }, (_, i) => stranger(i).birthDate),
      LA_PAZ,
    ],
  );
  lrns = new Map(rows.map((r) => [r.first_name, r.lrn]));
});
afterAll(() => closeLearnerScenario(scenario));

/** A fresh registrar at Adams NHS (Ilocos Norte): its own count for the day. */
const outsiderAccount = () =>
  createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: ADAMS });
const outsider = async () => (await outsiderAccount()).token;

const searchQuery = `query ($lrn: String, $name: String, $birthDate: String, $limit: Int) {
  searchLearners(lrn: $lrn, name: $name, birthDate: $birthDate, limit: $limit) {
    learnerId lrn lastName firstName birthDate sex lastSchoolId lastSchoolName reasons inScope
    learner { id motherMaidenName address { street } } } }`;

type Candidate = {
  learnerId: string;
  lrn: string | null;
  firstName: string;
  sex: string;
  lastSchoolId: string | null;
  lastSchoolName: string | null;
  reasons: string[];
  inScope: boolean;
  learner: unknown;
};

const search = (token: string, variables: Record<string, unknown>) =>
  server.graphql<{ searchLearners: Candidate[] }>(searchQuery, variables, token);

const left = async (token: string) =>
  (await server.graphql<{ lookupsLeftToday: number }>('{ lookupsLeftToday }', {}, token)).data!
    .lookupsLeftToday;

/** A learner list of rows 0..n-1 of the strangers, by name and birth date only (no LRN). */
function listOf(from: number, count: number): string {
  const rows = Array.from({ length: count }, (_, k) => {
    const { firstName, birthDate } = stranger(from + k);
    return [
      '',
      surname,
      firstName,
      '',
      birthDate,
      'F',
      'Grade 8',
      'CONTINUING',
      'SF9',
      '2026-06-08',
      '2026-06-15',
    ];
  });
  return Buffer.from(importCsv(rows)).toString('base64');
}

const previewQuery = `mutation($input: LearnerImportInput!) { previewLearnerImport(input: $input) {
  id rows { rowNumber outcome errors { field rule } candidates { learnerId lrn firstName sex lastSchoolId lastSchoolName inScope } } } }`;

type Preview = {
  id: string;
  rows: { outcome: string; candidates: (Omit<Candidate, 'learner' | 'reasons'> & object)[] }[];
};

const preview = (token: string, contentBase64: string) =>
  server.graphql<{ previewLearnerImport: Preview }>(
    previewQuery,
    { input: { fileName: 'list.csv', contentBase64, schoolYear: SY } },
    token,
  );

describe('searchLearners outside the place (issue 18, finding 2)', () => {
  it('a name alone shows no learner outside the place; the owning school sees its own', async () => {
    const token = await outsider();
    const found = await search(token, { name: surname, limit: 50 });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchLearners).toEqual([]);
    const own = await search(scenario.registrarA, { name: surname, limit: 50 });
    expect(own.data!.searchLearners.length).toBeGreaterThan(0);
    expect(own.data!.searchLearners.every((c) => c.inScope && c.lrn !== null)).toBe(true);
    expect(await left(token)).toBe(300);
  });

  it('a name with a birth date: name, birth date, sex, last school and reasons; no LRN, no profile', async () => {
    const account = await outsiderAccount();
    const { firstName, birthDate } = stranger(7);
    const found = await search(account.token, { name: `${surname} ${firstName}`, birthDate });
    const match = found.data!.searchLearners.find((c) => c.firstName === firstName)!;
    const outside = found.data!.searchLearners.filter((c) => !c.inScope);
    expect(outside).toEqual(found.data!.searchLearners);
    expect(match).toMatchObject({
      firstName,
      lrn: null,
      sex: 'FEMALE',
      lastSchoolId: String(LA_PAZ),
      inScope: false,
      learner: null,
    });
    expect(match.lastSchoolName).toMatch(/La Paz/i);
    expect(match.reasons.length).toBeGreaterThan(0);
    expect(await left(account.token)).toBe(300 - outside.length);
    const audited = await dataSource.query<{ entity_id: string; source: string }[]>(
      `SELECT entity_id, after->>'source' AS source FROM audit_event
       WHERE action = 'LEARNER_SHOWN_OUTSIDE_PLACE' AND account_id = $1`,
      [account.id],
    );
    expect(audited).toHaveLength(outside.length);
    expect(audited).toContainEqual({ entity_id: match.learnerId, source: 'SEARCH' });
  });

  it('by LRN: only the LRN the query gave', async () => {
    const token = await outsider();
    const { firstName } = stranger(11);
    const lrn = lrns.get(firstName)!;
    const found = await search(token, { lrn });
    expect(found.data!.searchLearners).toHaveLength(1);
    expect(found.data!.searchLearners[0]).toMatchObject({ lrn, firstName, inScope: false });
    expect(found.data!.searchLearners[0]!.learner).toBeNull();
  });
});

describe('the daily quota of learners outside the place (issue 18)', () => {
  it('a 500-row preview shows no LRN, and the quota stops a bulk look-up, saving nothing', async () => {
    const { token, id } = await outsiderAccount();
    // This account's imports: other files preview imports of their own at the same time.
    const imports = async () =>
      (
        await dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM learner_import WHERE created_by = $1',
          [id],
        )
      )[0]!.n;
    const before = await imports();

    // 500 strangers named in one file: past the day's 300, refused whole.
    const bulk = await preview(token, listOf(0, 500));
    expect(bulk.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      rule: 'LOOKUPS_PER_DAY',
    });
    // Refused at the row that passed the quota, not after matching all 500.
    expect(bulk.errors?.[0]?.message).toMatch(/at least 301 learner/);
    expect(bulk.data).toBeNull();
    expect(await imports()).toBe(before);
    expect(await left(token)).toBe(300);

    // 250 of them: each row's candidates show name, sex and school, never an LRN.
    const staged = await preview(token, listOf(0, 250));
    expect(staged.errors).toBeUndefined();
    const { rows } = staged.data!.previewLearnerImport;
    expect(rows.map((r) => r.outcome)).toEqual(Array(250).fill('SUSPECTED_DUPLICATE'));
    expect(rows.map((r) => r.candidates.map((c) => c.firstName))).toEqual(
      Array.from({ length: 250 }, (_, i) => [stranger(i).firstName]),
    );
    const candidates = rows.flatMap((r) => r.candidates);
    expect(candidates.every((c) => c.lrn === null && !c.inScope)).toBe(true);
    expect(candidates.every((c) => c.lastSchoolId === String(LA_PAZ) && c.sex === 'FEMALE')).toBe(
      true,
    );
    expect(await left(token)).toBe(50);
    const stored = await dataSource.query<{ lrns: number }[]>(
      `SELECT count(*)::int AS lrns FROM learner_import i, jsonb_array_elements(i.rows) r,
              jsonb_array_elements(r->'candidates') c
       WHERE i.id = $1 AND c->>'lrn' IS NOT NULL`,
      [staged.data!.previewLearnerImport.id],
    );
    expect(stored[0]!.lrns).toBe(0);

    // The next 60 would pass the quota: refused, nothing staged; a search past it too.
    const more = await preview(token, listOf(250, 60));
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await imports()).toBe(before + 1);
    expect(await left(token)).toBe(50);
    // Within what is left, a search still answers; then one file of 50 more is refused.
    const { firstName, birthDate } = stranger(300);
    const next = await search(token, { name: `${surname} ${firstName}`, birthDate });
    const found = next.data!.searchLearners.length;
    expect(found).toBeGreaterThan(0);
    expect(await left(token)).toBe(50 - found);
    const last = await preview(token, listOf(250, 50));
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });

    // Another account of the same school has its own allowance.
    expect(await left(await outsider())).toBe(300);
  });

  it("the division sees each school account's count; another division sees none of it", async () => {
    const token = await outsider();
    const { firstName, birthDate } = stranger(20);
    await search(token, { name: `${surname} ${firstName}`, birthDate });
    const used = 300 - (await left(token));
    expect(used).toBeGreaterThan(0);
    const [adams] = await dataSource.query<{ division_id: number }[]>(
      'SELECT division_id FROM school WHERE id = $1',
      [ADAMS],
    );
    const monitor = (
      await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
        divisionId: adams!.division_id,
      })
    ).token;
    const today = (await server.graphql<{ clock: { today: string } }>('{ clock { today } }')).data!
      .clock.today;
    const query = `query($d: String!) { outsideLookups(from: $d, to: $d) {
      day username role schoolId schoolName lookups } }`;
    type Row = { username: string; schoolId: string; lookups: number };
    const seen = await server.graphql<{ outsideLookups: Row[] }>(query, { d: today }, monitor);
    expect(seen.errors).toBeUndefined();
    const rows = seen.data!.outsideLookups;
    expect(rows.some((r) => r.lookups === used && r.schoolId === String(ADAMS))).toBe(true);
    const other = await server.graphql<{ outsideLookups: Row[] }>(
      query,
      { d: today },
      scenario.divisionA,
    );
    expect(other.data!.outsideLookups.some((r) => r.schoolId === String(ADAMS))).toBe(false);
    const school = await server.graphql(query, { d: today }, token);
    expect(school.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
