import { Role } from '@repo/domain/access';
import { documentDeadlineFor } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentYear, daysFromToday, seededCalendar, today } from '../../../test/clock-fixtures.js';
import { createLearner, mutate } from '../../../test/enrollment-fixtures.js';
import {
  ANANAAO,
  closeEnrollmentScenario,
  type EnrollmentScenario,
  LA_PAZ,
  ok,
  openEnrollmentScenario,
} from '../../../test/enrollment-scenario.js';
import { createTestAccount, type TestServer } from '../../../test/harness.js';

/**
 * Late enrolment the way a school works (issue 21; DO 03 s. 2018 §V.D): the registrar's late or
 * backdated enrolment is saved as awaiting the school head's approval, counted nowhere; the head
 * approves it with the catch-up plan or declines it with a reason; the registrar sees the outcome.
 * Dated today in the year under way: the school days left decide lateness.
 */

let scenario: EnrollmentScenario;
let dataSource: DataSource;
let server: TestServer;
/** A school of La Paz's division that no other test enrols at: its counts are this file's. */
let schoolId: number;
let registrar: string;
let head: string;
const SY = currentYear();

beforeAll(async () => {
  scenario = await openEnrollmentScenario();
  ({ dataSource, server } = scenario);
  const [school] = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND NOT is_als_learning_center
       AND division_id = (SELECT division_id FROM school WHERE id = $1) AND id NOT IN ($1, $2)
     ORDER BY id DESC LIMIT 1`,
    [LA_PAZ, ANANAAO],
  );
  schoolId = school!.id;
  registrar = (await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId })).token;
  head = (await createTestAccount(dataSource, Role.SCHOOL_HEAD, { schoolId })).token;
});
afterAll(() => closeEnrollmentScenario(scenario));

/** A Grade 1 learner with the Kindergarten certificate and no birth document: temporary (§V.C). */
async function enrolToday(token: string, changes: Record<string, unknown> = {}) {
  const learnerId = await createLearner(server, registrar, '2021-05-05');
  const outcome = await mutate(server, token, 'enrollLearner', 'EnrollLearnerInput', {
    learnerId,
    schoolYear: SY,
    gradeLevel: 'GRADE_1',
    admissionBasis: 'KINDER_COMPLETED_ACCREDITED',
    documents: ['KINDER_CERTIFICATE_OF_COMPLETION'],
    enrolledOn: today(),
    firstAttendance: today(),
    ...changes,
  });
  return { learnerId, ...outcome };
}

interface Approval {
  enrollmentId: string;
  status: string;
  reasons: string[];
  remainingSchoolDays: number | null;
  requiredSchoolDays: number | null;
  backdatedDays: number | null;
  catchUpPlanRequired: boolean;
  requestedOn: string;
  decidedOn: string | null;
  catchUpPlan: string | null;
  declineReason: string | null;
}

async function approvals(token: string) {
  return server.graphql<{ enrollmentApprovals: Approval[]; enrollmentApprovalsAwaiting: number }>(
    `query($sy: String) {
       enrollmentApprovals(schoolYear: $sy) {
         enrollmentId status reasons remainingSchoolDays requiredSchoolDays backdatedDays
         catchUpPlanRequired requestedOn decidedOn catchUpPlan declineReason
       }
       enrollmentApprovalsAwaiting
     }`,
    { sy: SY },
    token,
  );
}

/** The school's enrolled learners this year in the reports (temporarily or officially enrolled). */
async function enrolledCount(): Promise<number> {
  const answer = await server.graphql<{ enrollmentSummary: { learners: number }[] }>(
    `query($filter: EnrollmentSummaryFilter!) {
       enrollmentSummary(filter: $filter, groupBy: [SCHOOL]) { learners }
     }`,
    { filter: { schoolYear: SY, schoolIds: [String(schoolId).padStart(6, '0')] } },
    scenario.division,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.enrollmentSummary[0]?.learners ?? 0;
}

describe('a registrar files a late enrolment; the head approves it (§V.D)', () => {
  it('is saved as awaiting the head, without an LRN, counted nowhere, and listed in the queue', async () => {
    const before = await enrolledCount();
    const filed = await enrolToday(registrar);
    const result = ok(filed);
    expect(result.message).toBe('Sent to the School Head for Approval');
    expect(result.enrollment.status).toBe('AWAITING_APPROVAL');
    expect(result.lrn).toBeNull();
    expect(result.enrollment.history.map((h) => [h.status, h.effectiveOn, h.reason])).toEqual([
      ['AWAITING_APPROVAL', today(), 'APPROVAL_REQUESTED'],
    ]);
    expect(await enrolledCount()).toBe(before);

    const queue = await approvals(head);
    expect(queue.errors).toBeUndefined();
    const row = queue.data!.enrollmentApprovals.find(
      (a) => a.enrollmentId === result.enrollment.id,
    );
    expect(row).toMatchObject({
      status: 'AWAITING_APPROVAL',
      reasons: ['LATE_BELOW_ATTENDANCE_SHARE'],
      catchUpPlanRequired: true,
      requestedOn: today(),
      decidedOn: null,
    });
    expect(row!.remainingSchoolDays).toBeLessThan(row!.requiredSchoolDays!);
    expect(queue.data!.enrollmentApprovalsAwaiting).toBeGreaterThanOrEqual(1);
    // The registrar sees the same queue, to follow what was filed.
    const mine = await approvals(registrar);
    expect(mine.data!.enrollmentApprovals.map((a) => a.enrollmentId)).toContain(
      result.enrollment.id,
    );

    // §V.D: the head approves with catch-up activities, or not at all.
    const bare = await mutate(server, head, 'approveEnrollment', 'ApproveEnrollmentInput', {
      enrollmentId: result.enrollment.id,
    });
    expect(bare.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.catchUpPlan' });
    const approved = ok(
      await mutate(server, head, 'approveEnrollment', 'ApproveEnrollmentInput', {
        enrollmentId: result.enrollment.id,
        catchUpPlan: 'Saturday remedial reading and numeracy until March',
      }),
    );
    expect(approved.message).toBe('Enrolment Approved');
    expect(approved.enrollment.status).toBe('TEMPORARILY_ENROLLED');
    expect(approved.lrn).toMatch(/^\d{12}$/);
    expect(approved.enrollment.history.at(-1)).toMatchObject({
      status: 'TEMPORARILY_ENROLLED',
      reason: 'APPROVED_BY_HEAD',
      note: 'Saturday remedial reading and numeracy until March',
    });
    expect(await enrolledCount()).toBe(before + 1);

    const outcome = (await approvals(registrar)).data!.enrollmentApprovals.find(
      (a) => a.enrollmentId === result.enrollment.id,
    );
    expect(outcome).toMatchObject({
      status: 'TEMPORARILY_ENROLLED',
      decidedOn: today(),
      catchUpPlan: 'Saturday remedial reading and numeracy until March',
    });
    const audited = await dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'ENROLLMENT_%'
       ORDER BY id`,
      [filed.learnerId],
    );
    expect(audited.map((a) => a.action)).toEqual([
      'ENROLLMENT_SENT_FOR_APPROVAL',
      'ENROLLMENT_APPROVED',
    ]);
  });

  it('§V.C, §V.D: a late enrolment’s documents are due from its own day, not overdue on it', async () => {
    const result = ok(
      await enrolToday(head, { lateApproval: { catchUpPlan: 'Afternoon tutorials' } }),
    );
    expect(result.enrollment.status).toBe('TEMPORARILY_ENROLLED');
    const due = documentDeadlineFor(
      { ...seededCalendar(SY), prescribedSchoolDays: 180, nonSchoolDays: [] },
      today(),
    );
    expect(result.enrollment.documentsDueBy).toBe(due);
    expect(due > today()).toBe(true);
    const list = await server.graphql<{
      temporaryEnrollments: { learner: { enrollmentId: string }; overdue: boolean }[];
    }>(
      `query { temporaryEnrollments(schoolYear: "${SY}", dueWithinDays: 366) { learner { enrollmentId } overdue } }`,
      {},
      head,
    );
    expect(
      list.data!.temporaryEnrollments.find((t) => t.learner.enrollmentId === result.enrollment.id),
    ).toMatchObject({ overdue: false });
  });
});

describe('the head declines with a reason; the registrar reads it (§V.D)', () => {
  it('refuses a blank reason, then declines: never counted, no first attendance', async () => {
    const before = await enrolledCount();
    const result = ok(await enrolToday(registrar));
    const blank = await mutate(server, head, 'declineEnrollment', 'DeclineEnrollmentInput', {
      enrollmentId: result.enrollment.id,
      reason: '   ',
    });
    expect(blank.error).toMatchObject({ field: 'input.reason', rule: 'REQUIRED' });
    const declined = ok(
      await mutate(server, head, 'declineEnrollment', 'DeclineEnrollmentInput', {
        enrollmentId: result.enrollment.id,
        reason: 'Too few school days left; enrol next school year',
      }),
    );
    expect(declined.enrollment.status).toBe('DECLINED');
    expect(declined.lrn).toBeNull();
    expect(await enrolledCount()).toBe(before);
    const row = (await approvals(registrar)).data!.enrollmentApprovals.find(
      (a) => a.enrollmentId === result.enrollment.id,
    );
    expect(row).toMatchObject({
      status: 'DECLINED',
      decidedOn: today(),
      declineReason: 'Too few school days left; enrol next school year',
      catchUpPlan: null,
    });
    const again = await mutate(server, head, 'approveEnrollment', 'ApproveEnrollmentInput', {
      enrollmentId: result.enrollment.id,
      catchUpPlan: 'x',
    });
    expect(again.error).toMatchObject({ code: 'NOT_AWAITING_APPROVAL', status: 'DECLINED' });
    const attend = await mutate(
      server,
      registrar,
      'recordFirstAttendance',
      'FirstAttendanceInput',
      {
        enrollmentId: result.enrollment.id,
        firstAttendance: today(),
      },
    );
    expect(attend.error).toMatchObject({ code: 'NOT_APPROVED', status: 'DECLINED' });
  });
});

describe('a date of enrolment more than 7 days back needs the same approval (issue 21)', () => {
  it('six months back: filed for a registrar, though the 80% rule alone would let it pass', async () => {
    const sixMonthsBack = daysFromToday(-183);
    const filed = ok(
      await enrolToday(registrar, { enrolledOn: sixMonthsBack, firstAttendance: null }),
    );
    expect(filed.enrollment.status).toBe('AWAITING_APPROVAL');
    const row = (await approvals(head)).data!.enrollmentApprovals.find(
      (a) => a.enrollmentId === filed.enrollment.id,
    );
    expect(row).toMatchObject({
      reasons: ['BACKDATED'],
      backdatedDays: 183,
      catchUpPlanRequired: false,
    });
    // No plan needed for a backdated one: the head's approval alone.
    const approved = ok(
      await mutate(server, head, 'approveEnrollment', 'ApproveEnrollmentInput', {
        enrollmentId: filed.enrollment.id,
      }),
    );
    expect(approved.enrollment.status).toBe('PRE_REGISTERED');
  });

  it('seven days back is not backdating: only the 80% rule is left to judge it', async () => {
    const result = ok(
      await enrolToday(registrar, { enrolledOn: daysFromToday(-7), firstAttendance: null }),
    );
    const row = (await approvals(head)).data!.enrollmentApprovals.find(
      (a) => a.enrollmentId === result.enrollment.id,
    );
    expect(row).toMatchObject({ reasons: ['LATE_BELOW_ATTENDANCE_SHARE'], backdatedDays: 7 });
  });

  it('the head’s own backdated enrolment is approved by entering it', async () => {
    const result = ok(
      await enrolToday(head, { enrolledOn: daysFromToday(-183), firstAttendance: null }),
    );
    expect(result.enrollment.status).toBe('PRE_REGISTERED');
    expect(result.message).toBe('Enrolment Added');
  });
});

describe('who may decide, and what each sees (§V.D; SPEC §1)', () => {
  it('a registrar cannot approve or decline; a registrar’s approval box is refused', async () => {
    const result = ok(await enrolToday(registrar));
    const approve = await mutate(server, registrar, 'approveEnrollment', 'ApproveEnrollmentInput', {
      enrollmentId: result.enrollment.id,
      catchUpPlan: 'Saturday classes',
    });
    expect(approve.error).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' });
    const decline = await mutate(server, registrar, 'declineEnrollment', 'DeclineEnrollmentInput', {
      enrollmentId: result.enrollment.id,
      reason: 'no',
    });
    expect(decline.error).toMatchObject({ code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' });
    const box = await enrolToday(registrar, { lateApproval: { catchUpPlan: 'Saturday classes' } });
    expect(box.error).toMatchObject({
      field: 'input.lateApproval',
      rule: 'ONLY_SCHOOL_HEAD_APPROVES',
    });
  });

  it('a head of another school neither sees the queue’s learners nor decides them', async () => {
    const result = ok(await enrolToday(registrar));
    const otherHead = scenario.head; // La Paz's
    const theirs = await approvals(otherHead);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.enrollmentApprovals.map((a) => a.enrollmentId)).not.toContain(
      result.enrollment.id,
    );
    const approve = await mutate(server, otherHead, 'approveEnrollment', 'ApproveEnrollmentInput', {
      enrollmentId: result.enrollment.id,
      catchUpPlan: 'Saturday classes',
    });
    expect(approve.error).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ENROLLMENT_NOT_FOUND' });
    const division = await approvals(scenario.division);
    expect(division.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('one enrolment a year awaits a head: filing it again is refused in words', async () => {
    const first = await enrolToday(registrar);
    ok(first);
    const again = await mutate(server, registrar, 'enrollLearner', 'EnrollLearnerInput', {
      learnerId: first.learnerId,
      schoolYear: SY,
      gradeLevel: 'GRADE_1',
      admissionBasis: 'KINDER_COMPLETED_ACCREDITED',
      documents: [],
      enrolledOn: today(),
      firstAttendance: today(),
    });
    expect(again.error).toMatchObject({ code: 'AWAITING_APPROVAL' });
    expect(again.message).toMatch(/already awaits the school head's approval/);
  });
});
