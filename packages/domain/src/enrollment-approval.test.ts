import { describe, expect, it } from 'vitest';
import {
  approvalNeed,
  approvalRefusal,
  backdatingAllowanceDays,
  checkApproval,
  checkDecline,
  type ApprovalNeed,
} from './enrollment-approval.js';
import type { SchoolCalendar } from './school-year.js';

// SY 2025-2026: 16 June 2025 to 31 March 2026, 180 prescribed days, 80% = 144.
const calendar: SchoolCalendar = {
  schoolYear: '2025-2026',
  openingDay: '2025-06-16',
  closingDay: '2026-03-31',
  prescribedSchoolDays: 180,
  nonSchoolDays: [],
};

describe('approvalNeed (§V.D late enrolment; issue 21 backdating)', () => {
  it.each([
    [
      '§V.D on time: enrolled and attending from the opening day',
      '2025-06-02',
      '2025-06-16',
      '2025-06-02',
      null,
    ],
    [
      '§V.D late but 80% attendable (144 days left)',
      '2025-09-11',
      '2025-09-11',
      '2025-09-11',
      null,
    ],
    [
      '§V.D too late (143 days left)',
      '2025-09-12',
      '2025-09-12',
      '2025-09-12',
      ['LATE_BELOW_ATTENDANCE_SHARE'],
    ],
    [
      '§V.D the first attendance decides, not the enrolment day',
      '2025-06-02',
      '2025-11-03',
      '2025-06-09',
      ['LATE_BELOW_ATTENDANCE_SHARE'],
    ],
    [
      '§V.D no attendance yet: the enrolment day decides',
      '2025-11-03',
      null,
      '2025-11-03',
      ['LATE_BELOW_ATTENDANCE_SHARE'],
    ],
    ['issue 21: entered the same day', '2025-06-16', null, '2025-06-16', null],
    ['issue 21: entered 7 days later', '2025-06-16', null, '2025-06-23', null],
    ['issue 21: entered 8 days later', '2025-06-16', null, '2025-06-24', ['BACKDATED']],
    [
      'issue 21: six months back, before the opening day',
      '2025-06-02',
      null,
      '2025-12-02',
      ['BACKDATED'],
    ],
    [
      'issue 21: entered on the last day of classes, months back',
      '2025-06-16',
      '2025-06-16',
      '2026-03-31',
      ['BACKDATED'],
    ],
    [
      'issue 21: entered after the year closed: a record of a closed year, not backdating',
      '2025-06-16',
      '2025-06-16',
      '2026-11-20',
      null,
    ],
    [
      '§V.D and issue 21: late and backdated',
      '2025-11-03',
      '2025-11-03',
      '2025-12-02',
      ['LATE_BELOW_ATTENDANCE_SHARE', 'BACKDATED'],
    ],
    [
      'issue 21: the day entered unknown (judged when it was entered)',
      '2025-06-02',
      '2025-06-16',
      null,
      null,
    ],
  ] as const)('%s', (_, enrolledOn, firstAttendance, enteredOn, reasons) => {
    expect(
      approvalNeed({ calendar, enrolledOn, firstAttendance, enteredOn })?.reasons ?? null,
    ).toEqual(reasons);
  });

  it('§V.E a learner moved in during the year is not late; a backdated date still is', () => {
    const moved = {
      calendar,
      enrolledOn: '2025-11-03',
      firstAttendance: '2025-11-03',
      movedIn: true,
    };
    expect(approvalNeed({ ...moved, enteredOn: '2025-11-03' })).toBeNull();
    expect(approvalNeed({ ...moved, enteredOn: '2025-11-30' })?.reasons).toEqual(['BACKDATED']);
  });

  it('§V.D gives the head the figures: school days left and needed, days moved back', () => {
    expect(
      approvalNeed({
        calendar,
        enrolledOn: '2025-09-12',
        firstAttendance: '2025-09-12',
        enteredOn: '2025-09-30',
      }),
    ).toEqual({
      reasons: ['LATE_BELOW_ATTENDANCE_SHARE', 'BACKDATED'],
      remainingSchoolDays: 143,
      requiredSchoolDays: 144,
      backdatedDays: 18,
    });
  });

  it('issue 21: the allowance is a week', () => {
    expect(backdatingAllowanceDays).toBe(7);
  });
});

const late: ApprovalNeed = {
  reasons: ['LATE_BELOW_ATTENDANCE_SHARE'],
  remainingSchoolDays: 90,
  requiredSchoolDays: 144,
  backdatedDays: 0,
};
const backdated: ApprovalNeed = {
  reasons: ['BACKDATED'],
  remainingSchoolDays: null,
  requiredSchoolDays: null,
  backdatedDays: 183,
};

const lateAndBackdated: ApprovalNeed = {
  ...late,
  reasons: ['LATE_BELOW_ATTENDANCE_SHARE', 'BACKDATED'],
};

describe('the school head’s decision (§V.D: "the school head may exercise his/her discretion")', () => {
  it.each([
    ['§V.D late: approved with a catch-up plan', late, 'Saturday remedial classes', []],
    ['§V.D late: no plan', late, null, [['catchUpPlan', 'CATCH_UP_PLAN_REQUIRED']]],
    ['§V.D late: a blank plan', late, '   ', [['catchUpPlan', 'CATCH_UP_PLAN_REQUIRED']]],
    ['issue 21: backdated only: no plan needed', backdated, null, []],
    [
      'issue 21: backdated only: a note is kept',
      backdated,
      'Attended since June; form mislaid',
      [],
    ],
  ] as const)('%s', (_, need, plan, errors) => {
    expect(checkApproval(need, plan).map((e) => [e.field, e.code])).toEqual(errors);
  });

  it.each([
    ['a reason given', 'Cannot reach 80% and no catch-up teacher available', []],
    ['no reason', null, [['reason', 'REQUIRED']]],
    ['a blank reason', '  ', [['reason', 'REQUIRED']]],
  ] as const)('§V.D declined: %s', (_, reason, errors) => {
    expect(checkDecline(reason).map((e) => [e.field, e.code])).toEqual(errors);
  });

  it.each([
    ['§V.D late: the late rule’s code', late, 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED'],
    ['issue 21: backdated only', backdated, 'BACKDATED_NEEDS_HEAD_APPROVAL'],
    [
      '§V.D late and backdated: the plan is needed too',
      lateAndBackdated,
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
    ],
  ] as const)('refused without the approval: %s', (_, need, code) => {
    expect(approvalRefusal(need)).toEqual({ field: 'lateApproval', code });
  });
});
