import { Role } from '@repo/domain/access';
import { daysBetween } from '@repo/domain/civil-date';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinClockDuring, seededCalendar, today } from '../../../test/clock-fixtures.js';
import {
  createLearner,
  footprint,
  mutate,
  newProfile,
  type ResultView,
} from '../../../test/enrollment-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// SY 2026-2027 as seeded: classes 2026-06-15 to 2027-03-31, early registration 2026-01-31 to
// 2026-02-27, age cut-off and document deadline 2026-08-31, ALS cut-off 2026-10-30.
const SY = '2026-2027';
const LA_PAZ = 500743; // La Paz Integrated School, Abra: K to 12
const ADAMS = 300001; // Adams National High School, Ilocos Norte: JHS and SHS
const ANANAAO = 500518; // An-anaao Integrated School, Abra: hosts an ALS learning center

let dataSource: DataSource;
let server: TestServer;
let registrar: string;
let head: string;
let adamsRegistrar: string;
let als: string;
let division: string;
let region: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    ANANAAO,
  ]);
  registrar = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ }))
    .token;
  head = (await createTestAccount(dataSource, Role.SCHOOL_HEAD, { schoolId: LA_PAZ })).token;
  adamsRegistrar = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: ADAMS }))
    .token;
  als = (await createTestAccount(dataSource, Role.ALS_FACILITATOR, { schoolId: ANANAAO })).token;
  division = (
    await createTestAccount(dataSource, Role.DIVISION_MONITOR, { divisionId: places.divisionId })
  ).token;
  region = (
    await createTestAccount(dataSource, Role.REGIONAL_PLANNER, { regionId: places.regionId })
  ).token;
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const ok = (outcome: { result: ResultView | null; error: unknown }) => {
  expect(outcome.error).toBeNull();
  return outcome.result!;
};

describe('early registration to official enrollment (DO 03 s. 2018 §V.A, §V.B)', () => {
  it('pre-registers a new Kindergarten learner without an LRN, then enrols, then issues the LRN at first attendance', async () => {
    const registered = ok(
      await mutate(server, registrar, 'preRegister', 'PreRegisterInput', {
        learner: newProfile('2021-03-10'),
        schoolYear: SY,
        gradeLevel: 'KINDER',
        registeredOn: '2026-02-02',
      }),
    );
    expect(registered.message).toBe('Early Registration Added');
    expect(registered.lrn).toBeNull();
    expect(registered.enrollment.status).toBe('PRE_REGISTERED');
    expect(registered.enrollment.history.map((h) => h.reason)).toEqual(['REGISTERED_EARLY']);

    const counts = await server.graphql<{
      preRegistrationsByDay: { schoolId: string; date: string; registrations: number }[];
    }>(
      `query { preRegistrationsByDay(schoolYear: "${SY}", schoolId: "${LA_PAZ}") { schoolId date registrations } }`,
      {},
      division,
    );
    expect(counts.data!.preRegistrationsByDay).toContainEqual(
      expect.objectContaining({ schoolId: String(LA_PAZ), date: '2026-02-02' }),
    );

    const enrolled = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId: registered.enrollment.learnerId,
        schoolYear: SY,
        gradeLevel: 'KINDER',
        admissionBasis: 'KINDER_AGE_5',
        documents: ['PSA_BIRTH_CERTIFICATE'],
        enrolledOn: '2026-06-08',
      }),
    );
    expect(enrolled.enrollment.id).toBe(registered.enrollment.id);
    expect(enrolled.message).toBe('Enrolment Added');
    expect(enrolled.enrollment.status).toBe('PRE_REGISTERED');
    expect(enrolled.lrn).toBeNull();

    const attending = ok(
      await mutate(server, registrar, 'recordFirstAttendance', 'FirstAttendanceInput', {
        enrollmentId: enrolled.enrollment.id,
        firstAttendance: '2026-06-15',
      }),
    );
    expect(attending.enrollment.status).toBe('OFFICIALLY_ENROLLED');
    expect(attending.lrn).toMatch(/^\d{12}$/);
    expect(attending.enrollment.history.map((h) => [h.status, h.reason])).toEqual([
      ['PRE_REGISTERED', 'REGISTERED_EARLY'],
      ['PRE_REGISTERED', 'ENROLLED'],
      ['OFFICIALLY_ENROLLED', 'FIRST_ATTENDANCE'],
    ]);
  });

  it('registers an out-of-school youth with circumstances, outside the early-registration grades', async () => {
    const registered = ok(
      await mutate(server, registrar, 'preRegister', 'PreRegisterInput', {
        learner: newProfile('2009-05-05'),
        schoolYear: SY,
        gradeLevel: 'GRADE_9',
        registeredOn: '2026-02-10',
        categories: ['OSY'],
        circumstances: ['DISPLACED_BY_DISASTER', 'WANTS_TO_RETURN_TO_SCHOOL'],
      }),
    );
    expect(registered.enrollment.categories).toEqual(['OSY']);
    const days = await server.graphql<{
      preRegistrationsByDay: { date: string; registrations: number; outOfSchoolYouth: number }[];
    }>(
      `query { preRegistrationsByDay(schoolYear: "${SY}", schoolId: "${LA_PAZ}") { date registrations outOfSchoolYouth } }`,
      {},
      division,
    );
    const day = days.data!.preRegistrationsByDay.find((d) => d.date === '2026-02-10');
    expect(day?.outOfSchoolYouth).toBeGreaterThanOrEqual(1);
  });
});

describe('temporary enrollment and documents (§V.C)', () => {
  it('enrols a Grade 1 learner without the ECCD checklist temporarily, and makes it official when it arrives', async () => {
    const learnerId = await createLearner(server, registrar, '2020-01-20');
    const temporary = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel: 'GRADE_1',
        admissionBasis: 'NO_KINDER_AGE_6',
        firstTimeEnrollee: true,
        documents: ['BARANGAY_CERTIFICATION'],
        enrolledOn: '2026-06-10',
        firstAttendance: '2026-06-15',
      }),
    );
    expect(temporary.enrollment.status).toBe('TEMPORARILY_ENROLLED');
    expect(temporary.enrollment.missingDocuments).toEqual(['ECCD_CHECKLIST']);
    expect(temporary.enrollment.documentsDueBy).toBe('2026-08-31');
    expect(temporary.lrn).toMatch(/^\d{12}$/);

    const followUp = await server.graphql<{
      temporaryEnrollments: {
        learner: { learnerId: string };
        daysLeft: number;
        overdue: boolean;
      }[];
    }>(
      `query { temporaryEnrollments(schoolYear: "${SY}", dueWithinDays: 0) { learner { learnerId } daysLeft overdue } }`,
      {},
      division,
    );
    expect(followUp.data!.temporaryEnrollments).toContainEqual({
      learner: { learnerId },
      daysLeft: daysBetween(today(), '2026-08-31'),
      overdue: true,
    });

    const official = ok(
      await mutate(server, registrar, 'submitDocument', 'SubmitDocumentInput', {
        enrollmentId: temporary.enrollment.id,
        learnerId,
        documentType: 'ECCD_CHECKLIST',
        receivedOn: '2026-07-01',
      }),
    );
    expect(official.enrollment.status).toBe('OFFICIALLY_ENROLLED');
    expect(official.enrollment.missingDocuments).toEqual([]);
    expect(official.enrollment.history.at(-1)).toMatchObject({
      status: 'OFFICIALLY_ENROLLED',
      reason: 'DOCUMENTS_COMPLETE',
      effectiveOn: '2026-07-01',
    });
  });

  it('counts the days left from today: on SY 2027-2028’s opening day, enrolled that day, due 31 August', async () => {
    // The opening day, well before the deadline, so the documents are due, not overdue.
    const { schoolYear, openingDay, dates } = seededCalendar('2027-2028');
    const held = pinClockDuring(openingDay);
    try {
      // Signed in on the held day, at a school of its own in this file (Adams, Grade 7): a token
      // of the run's day may have expired by then.
      const adams = (
        await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: ADAMS })
      ).token;
      const learnerId = await createLearner(server, adams, '2015-02-02');
      const temporary = ok(
        await mutate(server, adams, 'enrollLearner', 'EnrollLearnerInput', {
          learnerId,
          schoolYear,
          gradeLevel: 'GRADE_7',
          admissionBasis: 'TRANSFEREE',
          documents: ['AFFIDAVIT_OF_UNDERTAKING'],
          firstAttendance: openingDay,
        }),
      );
      expect(temporary.enrollment).toMatchObject({
        status: 'TEMPORARILY_ENROLLED',
        enrolledOn: openingDay,
        missingDocuments: ['SF9'],
        documentsDueBy: dates.documentDeadline,
      });
      const daysLeft = daysBetween(openingDay, dates.documentDeadline);
      const dueWithin = async (days: number) =>
        (
          await server.graphql<{
            temporaryEnrollments: {
              learner: { learnerId: string };
              daysLeft: number;
              overdue: boolean;
            }[];
          }>(
            `query($days: Int!) { temporaryEnrollments(schoolYear: "${schoolYear}", dueWithinDays: $days) { learner { learnerId } daysLeft overdue } }`,
            { days },
            adams,
          )
        ).data!.temporaryEnrollments.filter((row) => row.learner.learnerId === learnerId);
      expect(await dueWithin(daysLeft)).toEqual([
        { learner: { learnerId }, daysLeft, overdue: false },
      ]);
      expect(await dueWithin(daysLeft - 1)).toEqual([]);
    } finally {
      held.restore();
    }
  });

  it('a first-time enrollee aged 13+ is advised ALS and needs a stated reason for a formal grade', async () => {
    const learnerId = await createLearner(server, registrar, '2012-01-15');
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_7',
      admissionBasis: 'PEPT_PASSER',
      firstTimeEnrollee: true,
      documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      enrolledOn: '2026-06-08',
    };
    const refused = await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', input);
    expect(refused.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.placementReason',
      rule: 'FORMAL_PLACEMENT_NEEDS_REASON',
    });
    const placed = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        ...input,
        placementReason:
          'Parents ask for the formal school near home; no ALS center in the barangay',
      }),
    );
    expect(placed.recommendation).toBe('ALS');
    expect(placed.reasons).toContain('ALS_RECOMMENDED');
  });
});

describe('late enrollment (§V.D)', () => {
  it('refuses a registrar past the 80% point, and accepts the school head with a catch-up plan', async () => {
    const learnerId = await createLearner(server, registrar, '2015-04-04');
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_5',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-10-05',
    };
    const late = await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', input);
    expect(late.error).toMatchObject({
      field: 'input.lateApproval',
      rule: 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
    });
    const notHead = await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
      ...input,
      lateApproval: { catchUpPlan: 'Saturday remedial classes' },
    });
    expect(notHead.error).toMatchObject({ rule: 'ONLY_SCHOOL_HEAD_APPROVES' });
    const approved = ok(
      await mutate(server, head, 'enrollLearner', 'EnrollLearnerInput', {
        ...input,
        lateApproval: { catchUpPlan: 'Saturday remedial classes until December' },
        firstAttendance: '2026-10-05',
      }),
    );
    expect(approved.enrollment.status).toBe('OFFICIALLY_ENROLLED');
  });
});

describe('moves, transfers to ALS, dropping out (§V.E, §IV.l)', () => {
  async function enrolledAtLaPaz(gradeLevel = 'GRADE_8', birthDate = '2013-02-02') {
    const learnerId = await createLearner(server, registrar, birthDate);
    const enrolled = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel,
        admissionBasis: 'CONTINUING',
        documents: ['SF9'],
        enrolledOn: '2026-06-08',
        firstAttendance: '2026-06-15',
      }),
    );
    return { learnerId, enrollment: enrolled.enrollment };
  }

  it('moves a learner in the transfer window: moved and transferred out at the origin, in at the receiving school', async () => {
    const { learnerId, enrollment } = await enrolledAtLaPaz();
    const moved = ok(
      await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel: 'GRADE_8',
        moveDate: '2026-09-14',
        documents: ['SF9'],
      }),
    );
    expect(moved.enrollment).toMatchObject({
      schoolId: String(ADAMS),
      status: 'OFFICIALLY_ENROLLED',
      movedIn: true,
      transferredIn: true,
    });
    const origin = await server.graphql<{ enrollment: ResultView['enrollment'] }>(
      `query { enrollment(id: "${enrollment.id}") { status leftOn transferredOut history { status reason note effectiveOn } } }`,
      {},
      registrar,
    );
    expect(origin.data!.enrollment).toMatchObject({
      status: 'MOVED_OUT',
      leftOn: '2026-09-14',
      transferredOut: true,
    });
    expect(origin.data!.enrollment.history.at(-1)).toMatchObject({
      reason: 'TRANSFERRED_OUT',
      note: `to school ${ADAMS}`,
    });
  });

  it('a move without the SF9 is temporary at the receiving school, and needs the affidavit', async () => {
    const { learnerId } = await enrolledAtLaPaz('GRADE_9', '2012-03-03');
    const noAffidavit = await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_9',
      moveDate: '2026-06-16',
      documents: ['REGISTRAR_LETTER'],
    });
    expect(noAffidavit.error).toMatchObject({ rule: 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED' });
    const moved = ok(
      await mutate(server, adamsRegistrar, 'moveLearner', 'MoveLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel: 'GRADE_9',
        moveDate: '2026-06-16',
        documents: ['REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'],
      }),
    );
    // Before the first Friday of classes (2026-06-19): moved, not transferred.
    expect(moved.enrollment).toMatchObject({
      status: 'TEMPORARILY_ENROLLED',
      movedIn: true,
      transferredIn: false,
    });
    expect(moved.enrollment.missingDocuments).toEqual(['SF9']);
  });

  it('transfers a learner to ALS with the effectivity date, program and facilitator', async () => {
    const { enrollment } = await enrolledAtLaPaz('GRADE_10', '2010-06-06');
    const transferred = ok(
      await mutate(server, registrar, 'transferToAls', 'TransferToAlsInput', {
        enrollmentId: enrollment.id,
        effectiveOn: '2026-08-03',
        program: 'ALS_AE_SECONDARY',
        facilitatorName: 'Maria Santos',
      }),
    );
    expect(transferred.enrollment).toMatchObject({
      status: 'TRANSFERRED_TO_ALS',
      leftOn: '2026-08-03',
    });
  });

  it('drops a learner out with a reason; the return is Balik-Aral', async () => {
    const { learnerId, enrollment } = await enrolledAtLaPaz('GRADE_6', '2014-07-07');
    const dropped = ok(
      await mutate(server, registrar, 'dropOut', 'DropOutInput', {
        enrollmentId: enrollment.id,
        effectiveOn: '2026-07-20',
        reason: 'Family moved to the farm during harvest',
      }),
    );
    expect(dropped.enrollment.status).toBe('DROPPED_OUT');
    const back = ok(
      await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId,
        schoolYear: SY,
        gradeLevel: 'GRADE_6',
        admissionBasis: 'BALIK_ARAL',
        documents: ['SF9'],
        enrolledOn: '2026-08-10',
        firstAttendance: '2026-08-10',
      }),
    );
    expect(back.enrollment.categories).toContain('BALIK_ARAL');
    expect(back.enrollment.id).not.toBe(enrollment.id);
  });
});

describe('the ALS guide, steps 1-5, in its order', () => {
  const searchByName = `query($name: String, $lrn: String) {
    searchLearners(name: $name, lrn: $lrn) { learnerId inScope learner { id version firstName } }
  }`;

  it('3a: search → nothing → "No, this is correct. Create New Record" → enrol → "Enrolment Added"', async () => {
    const profile = newProfile('2005-09-09', {
      lastName: 'Villaflor-Macaraeg',
      firstName: 'Crisanto',
      sex: 'MALE',
    });
    const search = await server.graphql<{ searchLearners: unknown[] }>(
      `query { searchLearners(name: "Crisanto Villaflor-Macaraeg", birthDate: "2005-09-09") { learnerId } }`,
      {},
      als,
    );
    expect(search.data!.searchLearners).toEqual([]);
    const created = await server.graphql<{ createLearner: { id: string } }>(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      { input: { ...profile, confirmNoDuplicate: false } },
      als,
    );
    const enrolled = ok(
      await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', {
        learnerId: created.data!.createLearner.id,
        schoolYear: SY,
        gradeLevel: 'ALS_AE_SECONDARY',
        enrolledOn: '2026-09-01',
        firstAttendance: '2026-09-07',
        alsFacilitatorName: 'Jose Rizal Dela Cruz',
      }),
    );
    expect(enrolled.message).toBe('Enrolment Added');
    expect(enrolled.enrollment.status).toBe('OFFICIALLY_ENROLLED');
    expect(enrolled.lrn).toMatch(/^\d{12}$/);
  });

  it('3b: search → found → Preview → update → enrol, with the first attendance checked against the cut-off', async () => {
    const learnerId = await createLearner(server, als, '2001-01-01');
    const [row] = await dataSource.query<{ first_name: string; last_name: string }[]>(
      'SELECT first_name, last_name FROM learner WHERE id = $1',
      [learnerId],
    );
    const search = await server.graphql<{
      searchLearners: { learnerId: string; learner: { id: string; version: number } }[];
    }>(searchByName, { name: `${row!.first_name} ${row!.last_name}` }, als);
    const found = search.data!.searchLearners[0]!;
    expect(found.learnerId).toBe(learnerId);
    const preview = await server.graphql<{ learner: { id: string; version: number } }>(
      `query { learner(id: "${learnerId}") { id version } }`,
      {},
      als,
    );
    const updated = await server.graphql<{ updateLearner: { version: number } }>(
      `mutation { updateLearner(id: "${learnerId}", version: ${preview.data!.learner.version}, input: { addressBarangay: "Poblacion" }) { version } }`,
      {},
      als,
    );
    expect(updated.errors).toBeUndefined();
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'ALS_BLP',
      enrolledOn: '2026-10-01',
      firstAttendance: '2026-11-02',
    };
    const afterCutoff = await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', input);
    expect(afterCutoff.error).toMatchObject({
      field: 'input.firstAttendance',
      rule: 'AFTER_ALS_CUTOFF',
    });
    const enrolled = ok(
      await mutate(server, als, 'enrollLearner', 'EnrollLearnerInput', {
        ...input,
        firstAttendance: '2026-10-30',
      }),
    );
    expect(enrolled.message).toBe('Enrolment Added');
  });
});

describe('integrity: one active enrollment a year, idempotency (issue 5)', () => {
  it('a second school gets ALREADY_ENROLLED naming the first, and nothing is written', async () => {
    const { learnerId } = await (async () => {
      const id = await createLearner(server, registrar, '2012-12-12');
      ok(
        await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
          learnerId: id,
          schoolYear: SY,
          gradeLevel: 'GRADE_8',
          admissionBasis: 'CONTINUING',
          documents: ['SF9'],
          enrolledOn: '2026-06-08',
        }),
      );
      return { learnerId: id };
    })();
    const before = await footprint(dataSource, learnerId);
    const second = await mutate(server, adamsRegistrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_8',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-06-09',
    });
    expect(second.error).toMatchObject({
      code: 'ALREADY_ENROLLED',
      schoolId: String(LA_PAZ),
      schoolName: 'La Paz Integrated School',
    });
    expect(await footprint(dataSource, learnerId)).toEqual(before);
  });

  it.each([2, 5, 20])(
    'the same learner enrolled by %i schools at once: exactly one wins',
    async (n) => {
      const schools = await dataSource.query<{ id: number }[]>(
        `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND id <> $1
       ORDER BY id OFFSET $2 LIMIT $3`,
        [LA_PAZ, n * 7, n],
      );
      const tokens = await Promise.all(
        schools.map(
          async (s) =>
            (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: s.id })).token,
        ),
      );
      const learnerId = await createLearner(server, registrar, '2016-08-08');
      const outcomes = await Promise.all(
        tokens.map((token) =>
          mutate(server, token, 'enrollLearner', 'EnrollLearnerInput', {
            learnerId,
            schoolYear: SY,
            gradeLevel: 'GRADE_4',
            admissionBasis: 'TRANSFEREE',
            documents: ['SF9'],
            enrolledOn: '2026-06-08',
          }),
        ),
      );
      const winners = outcomes.filter((o) => o.result);
      const losers = outcomes.filter((o) => o.error);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(n - 1);
      for (const loser of losers) {
        expect(loser.error).toMatchObject({
          code: 'ALREADY_ENROLLED',
          schoolId: winners[0]!.result!.enrollment.schoolId,
        });
      }
      const [{ count }] = (await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM enrollment WHERE learner_id = $1',
        [learnerId],
      )) as [{ count: number }];
      expect(count).toBe(1);
    },
  );

  it('the same idempotency key sent 10 times at once makes one enrollment', async () => {
    const learnerId = await createLearner(server, registrar, '2017-09-09');
    const input = {
      learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_3',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: '2026-06-08',
    };
    const key = `retry-${learnerId}-grade3`;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', input, key),
      ),
    );
    expect(outcomes.map((o) => o.error)).toEqual(Array(10).fill(null));
    expect(new Set(outcomes.map((o) => o.result!.enrollment.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.result!.replayed)).toHaveLength(9);
    const rows = await dataSource.query<unknown[]>(
      'SELECT 1 FROM enrollment WHERE learner_id = $1',
      [learnerId],
    );
    expect(rows).toHaveLength(1);
    const reused = await mutate(
      server,
      registrar,
      'enrollLearner',
      'EnrollLearnerInput',
      { ...input, gradeLevel: 'GRADE_4' },
      key,
    );
    expect(reused.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

describe('lists and counts', () => {
  it('class list for the school and its division; refused for another school and for a region', async () => {
    const query = `query($schoolId: String!) {
      classList(schoolId: $schoolId, schoolYear: "${SY}", filter: { gradeLevel: KINDER }) {
        total rows { lrn lastName sex gradeLevel status categories }
      }
    }`;
    const own = await server.graphql<{ classList: { total: number; rows: unknown[] } }>(
      query,
      { schoolId: String(LA_PAZ) },
      registrar,
    );
    expect(own.data!.classList.total).toBeGreaterThan(0);
    const byDivision = await server.graphql<{ classList: { total: number } }>(
      query,
      { schoolId: String(LA_PAZ) },
      division,
    );
    expect(byDivision.data!.classList.total).toBe(own.data!.classList.total);
    const other = await server.graphql(query, { schoolId: String(LA_PAZ) }, adamsRegistrar);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'OUTSIDE_SCOPE' });
    const regional = await server.graphql(query, { schoolId: String(LA_PAZ) }, region);
    expect(regional.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('quick count per school day in the window, counts only, for the region too', async () => {
    const counts = await server.graphql<{
      quickCount: { date: string; enrolled: number; male: number; female: number }[];
    }>(
      `query { quickCount(schoolYear: "${SY}", schoolId: "${LA_PAZ}") { date enrolled male female } }`,
      {},
      region,
    );
    const days = counts.data!.quickCount;
    expect(days[0]!.date).toBe('2026-06-15');
    expect(days.at(-1)!.date).toBe('2026-06-30');
    expect(days.at(-1)!.enrolled).toBeGreaterThan(0);
    for (const day of days) expect(day.male + day.female).toBe(day.enrolled);
  });
});

describe('school calendars (SPEC §2)', () => {
  it('an administrator sets a year; the policy dates derive from it, overrides win, a stale change is refused', async () => {
    const admin = (await createTestAccount(dataSource, Role.ADMINISTRATOR)).token;
    const set = `mutation($input: SchoolCalendarInput!) {
      setSchoolCalendar(input: $input) {
        schoolYear version overridden
        policyDates { earlyRegistrationStart earlyRegistrationEnd ageCutoff transferWindowStart quickCountEnd alsFirstAttendanceCutoff }
      }
    }`;
    const input = {
      schoolYear: '2031-2032',
      openingDay: '2031-06-16',
      closingDay: '2032-03-31',
      prescribedSchoolDays: 190,
      nonSchoolDays: ['2031-06-30'],
    };
    const created = await server.graphql<{
      setSchoolCalendar: {
        version: number;
        overridden: string[];
        policyDates: Record<string, string | null>;
      };
    }>(set, { input }, admin);
    expect(created.data!.setSchoolCalendar.policyDates).toEqual({
      earlyRegistrationStart: '2031-01-25', // last Saturday of January
      earlyRegistrationEnd: '2031-02-28', // last Friday of February
      ageCutoff: '2031-08-31',
      transferWindowStart: '2031-06-20', // first Friday of classes
      quickCountEnd: '2031-06-27', // last school day of June: the 30th is a holiday
      alsFirstAttendanceCutoff: null,
    });
    const changed = await server.graphql<{
      setSchoolCalendar: {
        version: number;
        overridden: string[];
        policyDates: Record<string, string | null>;
      };
    }>(
      set,
      {
        input: {
          ...input,
          version: created.data!.setSchoolCalendar.version,
          overrides: { alsFirstAttendanceCutoff: '2031-10-30' },
        },
      },
      admin,
    );
    expect(changed.data!.setSchoolCalendar.overridden).toEqual(['alsFirstAttendanceCutoff']);
    expect(changed.data!.setSchoolCalendar.policyDates.alsFirstAttendanceCutoff).toBe('2031-10-30');
    const stale = await server.graphql(set, { input: { ...input, version: 1 } }, admin);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_UPDATE' });
  });
});
