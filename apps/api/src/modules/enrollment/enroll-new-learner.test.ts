import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../../test/clock-fixtures.js';
import { mutate, type ResultView } from '../../../test/enrollment-fixtures.js';
import { SY } from '../../../test/enrollment-scenario.js';
import { type TestServer } from '../../../test/harness.js';
import {
  closeLearnerScenario,
  type LearnerScenario,
  openLearnerScenario,
  uniqueWord,
} from '../../../test/learner-scenario.js';

/** enrollNewLearner (issue 21): a new learner's record and its enrolment saved together or not at all. */

let scenario: LearnerScenario;
let dataSource: DataSource;
let server: TestServer;
let registrar: string;

beforeAll(async () => {
  scenario = await openLearnerScenario();
  ({ dataSource, server } = scenario);
  registrar = scenario.registrarA;
});
afterAll(() => closeLearnerScenario(scenario));

/** A Grade 1 learner of La Paz, attending from the first day, with the Kinder certificate. */
function newLearner(lastName = uniqueWord(), change: Record<string, unknown> = {}) {
  return {
    learner: { lastName, firstName: 'Ligaya', birthDate: '2019-05-05', sex: 'FEMALE' },
    enrollment: {
      schoolYear: SY,
      gradeLevel: 'GRADE_1',
      admissionBasis: 'KINDER_COMPLETED_ACCREDITED',
      documents: ['KINDER_CERTIFICATE_OF_COMPLETION', 'PSA_BIRTH_CERTIFICATE'],
      enrolledOn: '2026-06-08',
      firstAttendance: '2026-06-15',
      ...change,
    },
  };
}

const enrol = (input: Record<string, unknown>, key?: string) =>
  mutate(server, registrar, 'enrollNewLearner', 'EnrollNewLearnerInput', input, key);

/** Everything a new learner leaves behind: the records, the links, the writes in the audit. */
async function traces(lastName: string) {
  const [row] = await dataSource.query<Record<string, number>[]>(
    `WITH l AS (SELECT id FROM learner WHERE last_name = $1)
     SELECT (SELECT count(*)::int FROM l) AS learners,
            (SELECT count(*)::int FROM learner_school WHERE learner_id IN (SELECT id FROM l)) AS links,
            (SELECT count(*)::int FROM enrollment WHERE learner_id IN (SELECT id FROM l)) AS enrollments,
            (SELECT count(*)::int FROM audit_event
              WHERE entity = 'learner' AND entity_id IN (SELECT id::text FROM l)) AS audited`,
    [lastName],
  );
  return row!;
}

const nothing = { learners: 0, links: 0, enrollments: 0, audited: 0 };

describe('enrollNewLearner: the record and its enrolment as one act (issue 21)', () => {
  it('registers and enrols the learner, issuing the LRN on the first attendance', async () => {
    const lastName = uniqueWord();
    const { result, error } = await enrol(newLearner(lastName));
    expect(error).toBeNull();
    expect(result).toMatchObject({
      message: 'Enrolment Added',
      lrn: expect.stringMatching(/^\d{12}$/),
      enrollment: { status: 'OFFICIALLY_ENROLLED', schoolYear: SY, gradeLevel: 'GRADE_1' },
    });
    expect(await traces(lastName)).toMatchObject({ learners: 1, links: 1, enrollments: 1 });
    const actions = await dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_event WHERE entity = 'learner' AND entity_id = $1 ORDER BY id`,
      [result!.enrollment.learnerId],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['LEARNER_CREATED', 'LEARNER_ENROLLED']),
    );
  });

  it.each([
    [
      'an enrolment rule only the API checks',
      { documents: ['PSA_BIRTH_CERTIFICATE', 'LCR_BIRTH_CERTIFICATE'] },
      'input.enrollment.documents',
      'ONE_BIRTH_DOCUMENT',
    ],
    [
      'a date of enrolment not yet come',
      { enrolledOn: daysFromToday(1) },
      'input.enrollment.enrolledOn',
      'DATE_IN_FUTURE',
    ],
    [
      'a first attendance outside the school year',
      { firstAttendance: '2027-06-01' },
      'input.enrollment.firstAttendance',
      'OUTSIDE_SCHOOL_YEAR',
    ],
    [
      'a school year without a calendar',
      { schoolYear: '2099-2100' },
      'input.enrollment.schoolYear',
      'CALENDAR_NOT_SET',
    ],
  ])('refuses %s, naming the form’s field, and saves no record', async (_, change, field, rule) => {
    const lastName = uniqueWord();
    const { result, error } = await enrol(newLearner(lastName, change));
    expect(result).toBeNull();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(await traces(lastName)).toEqual(nothing);
  });

  it('names the learner’s birth date when the plan refuses the age, every rule listed', async () => {
    const lastName = uniqueWord();
    const input = newLearner(lastName, {
      gradeLevel: 'KINDER',
      admissionBasis: 'KINDER_AGE_5',
      documents: ['PSA_BIRTH_CERTIFICATE'],
    });
    // Four on the age cut-off of SY 2026-2027 (31 August 2026): too young for Kinder (§V.A).
    input.learner.birthDate = '2022-01-10';
    const { result, error } = await enrol(input);
    expect(result).toBeNull();
    expect(error).toMatchObject({ field: 'input.learner.birthDate', rule: 'AGE_BELOW_CUTOFF' });
    const listed = (error as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(listed.every((f) => /^input\.(learner|enrollment)\.\w+$/.test(f))).toBe(true);
    expect(await traces(lastName)).toEqual(nothing);
  });

  it('refuses a bad profile on the learner’s fields before anything is read', async () => {
    const lastName = uniqueWord();
    const input = newLearner(lastName);
    Object.assign(input.learner, { firstName: 'L1gaya', sex: null });
    const { error } = await enrol(input);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.learner.firstName' });
    expect((error as { errors: { field: string; rule: string }[] }).errors).toEqual([
      { field: 'input.learner.firstName', rule: 'NAME_CHARACTERS' },
      { field: 'input.learner.sex', rule: 'REQUIRED' },
    ]);
    expect(await traces(lastName)).toEqual(nothing);
  });

  it('warns of a likely duplicate saving nothing, then enrols once the registrar confirms', async () => {
    const lastName = uniqueWord();
    const first = await enrol(newLearner(lastName));
    expect(first.error).toBeNull();

    const twin = newLearner(lastName);
    const warned = await enrol(twin, `twin-${lastName}`);
    expect(warned.error).toMatchObject({ code: 'DUPLICATE_SUSPECTED' });
    const candidates = (warned.error as { candidates: { learnerId: string; reasons: string[] }[] })
      .candidates;
    expect(candidates[0]).toMatchObject({
      learnerId: first.result!.enrollment.learnerId,
      reasons: expect.arrayContaining(['SAME_NAME', 'SAME_BIRTH_DATE']),
    });
    expect(await traces(lastName)).toMatchObject({ learners: 1, enrollments: 1 });

    const confirmed = { ...twin, learner: { ...twin.learner, confirmNoDuplicate: true } };
    const made = await enrol(confirmed, `twin-${lastName}`);
    expect(made.error).toBeNull();
    expect(await traces(lastName)).toMatchObject({ learners: 2, enrollments: 2 });
    const [audit] = await dataSource.query<{ after: { candidates: { learnerId: string }[] } }[]>(
      `SELECT after FROM audit_event WHERE action = 'DUPLICATE_CHECK_CONFIRMED' AND entity_id = $1`,
      [made.result!.enrollment.learnerId],
    );
    expect(audit!.after.candidates.map((c) => c.learnerId)).toEqual([
      first.result!.enrollment.learnerId,
    ]);
  });

  it('counts a duplicate shown from outside the school’s place against the day’s lookups (issue 18)', async () => {
    const lastName = uniqueWord();
    expect((await enrol(newLearner(lastName))).error).toBeNull();
    const left = async () =>
      (
        await server.graphql<{ lookupsLeftToday: number }>(
          '{ lookupsLeftToday }',
          {},
          scenario.registrarB,
        )
      ).data!.lookupsLeftToday;
    const before = await left();
    // The same child entered at another school (Adams NHS, Ilocos Norte).
    const { error } = await mutate(
      server,
      scenario.registrarB,
      'enrollNewLearner',
      'EnrollNewLearnerInput',
      newLearner(lastName),
    );
    expect(error).toMatchObject({ code: 'DUPLICATE_SUSPECTED' });
    expect(await left()).toBe(before - 1);
    expect(await traces(lastName)).toMatchObject({ learners: 1 });
  });

  it('acts once per idempotency key: a retry answers the same enrolment and makes no second record', async () => {
    const lastName = uniqueWord();
    const input = newLearner(lastName);
    const key = `one-act-${lastName}`;
    const [a, b] = [await enrol(input, key), await enrol(input, key)];
    expect(a.result!.replayed).toBe(false);
    expect(b.result).toMatchObject<Partial<ResultView>>({ replayed: true });
    expect(b.result!.enrollment.id).toBe(a.result!.enrollment.id);
    expect(await traces(lastName)).toMatchObject({ learners: 1, enrollments: 1 });
  });

  it('is the school’s: a division account may not register learners', async () => {
    const { error } = await mutate(
      server,
      scenario.divisionA,
      'enrollNewLearner',
      'EnrollNewLearnerInput',
      newLearner(),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });
});
