import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClockDuring, SCENARIO_YEAR, seededCalendar } from '../../../test/clock-fixtures.js';
import { createLearner, mutate } from '../../../test/enrollment-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// The division's follow-up of documents (issue 21; DO 03 s. 2018 §V.C): three learners
// temporarily enrolled on SY 2026-2027's opening day at two schools of Abra, read on days before
// and after the deadline (31 August 2026). Other files enrol in Abra too: every check looks at
// this file's learners only.
const SY = SCENARIO_YEAR;
const LA_PAZ = 500743; // district La Paz
const ANANAAO = 500518; // district Tayum
const ADAMS = 300001; // Ilocos Norte: another division

let dataSource: DataSource;
let server: TestServer;
let abra: number;
const learners: Record<'eccd' | 'sf9' | 'tayum', string> = { eccd: '', sf9: '', tayum: '' };

interface Row {
  learnerId: string;
  lrn: string | null;
  lastName: string;
  gradeLevel: string;
  school: { schoolId: string; district: { name: string } | null };
  missingDocuments: string[];
  documentsDueBy: string;
  daysLeft: number;
  dueState: string;
}
const rowFields = `learnerId lrn lastName gradeLevel school { schoolId district { name } }
  missingDocuments documentsDueBy daysLeft dueState`;

/** The list as `token` reads it on the clock's day: this file's learners, by key. */
async function list(token: string, variables: Record<string, unknown> = {}) {
  const answer = await server.graphql<{
    documentsDue: { total: number; rows: Row[]; schools: { schoolId: string }[] };
  }>(
    `query ($sy: String!, $filter: DocumentsDueFilter, $days: Int, $forExport: Boolean) {
      documentsDue(schoolYear: $sy, filter: $filter, dueWithinDays: $days, forExport: $forExport) {
        total rows { ${rowFields} } schools { schoolId } } }`,
    { sy: SY, ...variables },
    token,
  );
  const keyOf = (row: Row) =>
    (Object.keys(learners) as (keyof typeof learners)[]).find((k) => learners[k] === row.learnerId);
  return {
    error: answer.errors?.[0]?.extensions ?? null,
    rows: (answer.data?.documentsDue.rows ?? []).filter(keyOf),
    keys: (answer.data?.documentsDue.rows ?? []).map(keyOf).filter(Boolean).sort(),
    schools: answer.data?.documentsDue.schools.map((s) => s.schoolId) ?? [],
  };
}

/** On `day`: a division monitor of Abra, and the registrar of La Paz, signed in that day. */
async function readersOn(day: string) {
  const held = pinClockDuring(day);
  const division = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: abra })
  ).token;
  const laPaz = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ }))
    .token;
  return { division, laPaz, restore: () => held.restore() };
}

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  abra = (await resolveTestPlaces(dataSource)).divisionId;
  const { openingDay } = seededCalendar(SY);
  const held = pinClockDuring(openingDay);
  try {
    const registrar = async (schoolId: number) =>
      (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId })).token;
    const enrol = async (token: string, birthDate: string, input: Record<string, unknown>) => {
      const learnerId = await createLearner(server, token, birthDate);
      const answer = await mutate(server, token, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        enrolledOn: openingDay,
        firstAttendance: openingDay,
        ...input,
      });
      expect(answer.result?.enrollment.status, JSON.stringify(answer.error)).toBe(
        'TEMPORARILY_ENROLLED',
      );
      return learnerId;
    };
    const transferee = {
      gradeLevel: 'GRADE_7',
      admissionBasis: 'TRANSFEREE',
      documents: ['AFFIDAVIT_OF_UNDERTAKING'],
    };
    const laPaz = await registrar(LA_PAZ);
    learners.eccd = await enrol(laPaz, '2019-01-20', {
      gradeLevel: 'GRADE_1',
      admissionBasis: 'NO_KINDER_AGE_6',
      firstTimeEnrollee: true,
      documents: ['BARANGAY_CERTIFICATION'],
    });
    learners.sf9 = await enrol(laPaz, '2013-03-03', transferee);
    learners.tayum = await enrol(await registrar(ANANAAO), '2013-04-04', transferee);
  } finally {
    held.restore();
  }
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

describe('documentsDue: the division’s follow-up across its schools (issue 21, §V.C)', () => {
  it('lists each school’s learners with what is missing and by when, and nothing more', async () => {
    const readers = await readersOn('2026-08-25');
    try {
      const { rows, keys, schools } = await list(readers.division);
      expect(keys).toEqual(['eccd', 'sf9', 'tayum']);
      expect(schools).toEqual(expect.arrayContaining([String(LA_PAZ), String(ANANAAO)]));
      expect(rows.find((r) => r.learnerId === learners.eccd)).toMatchObject({
        gradeLevel: 'GRADE_1',
        school: { schoolId: String(LA_PAZ), district: { name: 'La Paz' } },
        missingDocuments: ['ECCD_CHECKLIST'],
        documentsDueBy: '2026-08-31',
        daysLeft: 6,
        dueState: 'DUE_SOON',
      });
      // Six days ahead is not "soon" when the follow-up looks five days ahead.
      expect((await list(readers.division, { days: 5 })).keys).toEqual([]);
      // A school sees its own learners only.
      expect((await list(readers.laPaz)).keys).toEqual(['eccd', 'sf9']);
    } finally {
      readers.restore();
    }
    // The type itself holds no birth date, sex, address or category.
    const { data } = await server.graphql<{
      __type: { fields: { name: string }[] };
    }>('{ __type(name: "DocumentDue") { fields { name } } }');
    expect(data!.__type.fields.map((f) => f.name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/birth|sex|address|categor|mother|father/i)]),
    );
  });

  it('filters by school, district, document and due state', async () => {
    const before = await readersOn('2026-08-25');
    try {
      const filtered = async (filter: Record<string, unknown>) =>
        (await list(before.division, { filter })).keys;
      expect(await filtered({ schoolId: String(ANANAAO) })).toEqual(['tayum']);
      const [laPazDistrict] = await dataSource.query<{ id: number }[]>(
        'SELECT district_id AS id FROM school WHERE id = $1',
        [LA_PAZ],
      );
      expect(await filtered({ districtId: String(laPazDistrict!.id) })).toEqual(['eccd', 'sf9']);
      expect(await filtered({ documentType: 'SF9' })).toEqual(['sf9', 'tayum']);
      expect(await filtered({ documentType: 'SF9', schoolId: String(LA_PAZ) })).toEqual(['sf9']);
      expect(await filtered({ dueState: 'DUE_SOON' })).toEqual(['eccd', 'sf9', 'tayum']);
      expect(await filtered({ dueState: 'OVERDUE' })).toEqual([]);
    } finally {
      before.restore();
    }
    const after = await readersOn('2026-09-01');
    try {
      const overdue = await list(after.division, { filter: { dueState: 'OVERDUE' } });
      expect(overdue.keys).toEqual(['eccd', 'sf9', 'tayum']);
      expect(overdue.rows.every((r) => r.daysLeft === -1 && r.dueState === 'OVERDUE')).toBe(true);
      expect((await list(after.division, { filter: { dueState: 'DUE_SOON' } })).keys).toEqual([]);
    } finally {
      after.restore();
    }
  });

  it('records each learner listed, and an export as an export', async () => {
    const readers = await readersOn('2026-08-25');
    const entries = async (action: string) =>
      dataSource.query<{ entity_id: string; after: Record<string, unknown> }[]>(
        `SELECT entity_id, after FROM audit_event
         WHERE action = $1 AND entity = 'learner' AND entity_id = ANY ($2)`,
        [action, Object.values(learners)],
      );
    try {
      const listed = (await entries('LEARNER_LISTED')).length;
      const exported = (await entries('LEARNER_EXPORTED')).length;
      await list(readers.division, { filter: { schoolId: String(LA_PAZ) } });
      expect((await entries('LEARNER_LISTED')).length).toBe(listed + 2);
      expect((await entries('LEARNER_EXPORTED')).length).toBe(exported);
      await list(readers.division, { filter: { schoolId: String(LA_PAZ) }, forExport: true });
      const exports = await entries('LEARNER_EXPORTED');
      expect(exports.length).toBe(exported + 2);
      expect(exports.at(-1)!.after).toEqual({
        list: 'DOCUMENTS_DUE',
        schoolYear: SY,
        format: 'CSV',
      });
    } finally {
      readers.restore();
    }
  });

  it('refuses, naming the field and the rule, what it cannot list', async () => {
    const readers = await readersOn('2026-08-25');
    try {
      const [otherDistrict] = await dataSource.query<{ id: number }[]>(
        'SELECT id FROM district WHERE division_id <> $1 ORDER BY id LIMIT 1',
        [abra],
      );
      const refusal = async (variables: Record<string, unknown>, token = readers.division) =>
        (await list(token, variables)).error;
      expect(await refusal({ filter: { schoolId: String(ADAMS) } })).toMatchObject({
        code: 'OUTSIDE_SCOPE',
        field: 'filter.schoolId',
      });
      expect(await refusal({ filter: { districtId: String(otherDistrict!.id) } })).toMatchObject({
        code: 'OUTSIDE_SCOPE',
        field: 'filter.districtId',
      });
      expect(await refusal({ filter: { schoolId: String(ANANAAO) } }, readers.laPaz)).toMatchObject(
        { code: 'OUTSIDE_SCOPE', field: 'filter.schoolId' },
      );
      expect(await refusal({ filter: { schoolId: '12' } })).toMatchObject({
        field: 'filter.schoolId',
        rule: 'SCHOOL_ID_FORMAT',
      });
      expect(await refusal({ filter: { districtId: '999999999' } })).toMatchObject({
        field: 'filter.districtId',
        rule: 'DISTRICT_NOT_FOUND',
      });
      expect(await refusal({ filter: { dueState: 'DUE_LATER' } })).toMatchObject({
        field: 'filter.dueState',
        rule: 'DUE_STATE_NOT_LISTED',
      });
      expect(await refusal({ days: 367 })).toMatchObject({
        field: 'dueWithinDays',
        rule: 'DAYS_RANGE',
      });
      expect(await refusal({ sy: '2026-27' })).toMatchObject({
        field: 'schoolYear',
        rule: 'SCHOOL_YEAR_INVALID',
      });
      const region = (await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: 1 }))
        .token;
      expect(await refusal({}, region)).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      readers.restore();
    }
  });
});
