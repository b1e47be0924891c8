import { describe, expect, it } from 'vitest';
import { EnrollmentStatus } from './enums.js';
import type { SchoolCalendar } from './school-year.js';
import {
  canChangeStatus,
  checkAlsFirstAttendance,
  checkAlsTransfer,
  checkLateEnrollment,
  classifyMove,
  isSchoolLeaver,
  permissionsOf,
  toEnrollmentStatus,
} from './status.js';

const calendar: SchoolCalendar = {
  schoolYear: '2025-2026',
  openingDay: '2025-06-16',
  closingDay: '2026-03-31',
  prescribedSchoolDays: 180,
  nonSchoolDays: [],
};

describe('enrollment status (DO 03 s. 2018 §IV.b, §V.B, §V.C)', () => {
  it.each([
    ['§IV.b no first attendance: pre-registered', null, true, 'PRE_REGISTERED'],
    ['§V.B attendance and complete documents: official', '2025-06-16', true, 'OFFICIALLY_ENROLLED'],
    [
      '§V.C attendance with documents missing: temporary',
      '2025-06-16',
      false,
      'TEMPORARILY_ENROLLED',
    ],
  ] as const)('%s', (_, attendance, complete, status) => {
    expect(toEnrollmentStatus(attendance, complete)).toBe(status);
  });

  it.each([
    ['§V.C official: promoted, graduates, honours, records', 'OFFICIALLY_ENROLLED', true, false],
    [
      '§V.C temporary: none of that, and a temporary report card',
      'TEMPORARILY_ENROLLED',
      false,
      true,
    ],
    ['§V.C pre-registered: none of that yet', 'PRE_REGISTERED', false, false],
  ] as const)('%s', (_, status, allowed, temporaryCard) => {
    expect(permissionsOf(status)).toEqual({
      canBePromoted: allowed,
      canGraduate: allowed,
      canReceiveHonors: allowed,
      canReleaseRecords: allowed,
      getsTemporaryReportCard: temporaryCard,
    });
  });

  it.each([
    [
      '§V.C temporary → official when the last document arrives',
      'TEMPORARILY_ENROLLED',
      'OFFICIALLY_ENROLLED',
      true,
    ],
    [
      '§V.C official never becomes temporary again',
      'OFFICIALLY_ENROLLED',
      'TEMPORARILY_ENROLLED',
      false,
    ],
    ['§V.E official → moved out', 'OFFICIALLY_ENROLLED', 'MOVED_OUT', true],
    ['§V.E official → transferred to ALS', 'OFFICIALLY_ENROLLED', 'TRANSFERRED_TO_ALS', true],
    [
      '§IV.b pre-registered → official on the first day',
      'PRE_REGISTERED',
      'OFFICIALLY_ENROLLED',
      true,
    ],
    [
      '§IV.l dropped out stays so: a return is a new Balik-Aral enrollment',
      'DROPPED_OUT',
      'OFFICIALLY_ENROLLED',
      false,
    ],
    ['§V.E moved out is final for that school', 'MOVED_OUT', 'OFFICIALLY_ENROLLED', false],
    ['§V.D approved: awaiting → pre-registered', 'AWAITING_APPROVAL', 'PRE_REGISTERED', true],
    ['§V.D approved: awaiting → temporary', 'AWAITING_APPROVAL', 'TEMPORARILY_ENROLLED', true],
    ['§V.D approved: awaiting → official', 'AWAITING_APPROVAL', 'OFFICIALLY_ENROLLED', true],
    ['§V.D declined: awaiting → declined', 'AWAITING_APPROVAL', 'DECLINED', true],
    ['§V.D awaiting is not yet attending: no drop-out', 'AWAITING_APPROVAL', 'DROPPED_OUT', false],
    ['§V.D declined is final', 'DECLINED', 'PRE_REGISTERED', false],
    [
      '§V.D an enrolment is never sent back for approval',
      'PRE_REGISTERED',
      'AWAITING_APPROVAL',
      false,
    ],
  ] as const)('%s', (_, from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });

  it('§V.E a transfer to ALS is not a school leaver; a drop-out is', () => {
    expect(isSchoolLeaver(EnrollmentStatus.TRANSFERRED_TO_ALS)).toBe(false);
    expect(isSchoolLeaver(EnrollmentStatus.DROPPED_OUT)).toBe(true);
  });
});

describe('late enrollment (§V.D: 80% of the prescribed school days)', () => {
  // 180 prescribed days → 144 needed.
  it.each([
    ['§V.D on the opening day', '2025-06-16', 'ON_TIME'],
    ['§V.D two weeks late, plenty left', '2025-06-30', 'LATE_ATTENDABLE'],
    ['§V.D the last day with 144 school days left', '2025-09-11', 'LATE_ATTENDABLE'],
    [
      '§V.D the next school day, 143 left',
      '2025-09-12',
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
    ],
  ])('%s', (_, date, code) => {
    expect(checkLateEnrollment(calendar, date).code).toBe(code);
  });

  it('§V.D below 80% only with the head’s approval and a catch-up plan', () => {
    expect(
      checkLateEnrollment(calendar, '2025-11-03', {
        headApproved: true,
        catchUpPlan: 'Saturday remedial classes',
      }).code,
    ).toBe('LATE_APPROVED');
    expect(
      checkLateEnrollment(calendar, '2025-11-03', { headApproved: true, catchUpPlan: ' ' }).ok,
    ).toBe(false);
    expect(
      checkLateEnrollment(calendar, '2025-11-03', { headApproved: false, catchUpPlan: 'x' }).ok,
    ).toBe(false);
  });

  it('§V.D reports the days left and needed', () => {
    expect(checkLateEnrollment(calendar, '2025-09-11')).toMatchObject({
      remainingSchoolDays: 144,
      requiredSchoolDays: 144,
    });
  });
});

describe('moves and transfers (§IV.h, §IV.i, §V.E)', () => {
  it.each([
    ['§IV.h the Thursday before the first Friday of classes', '2025-06-19', false],
    ['§IV.h the first Friday of classes', '2025-06-20', true],
    ['§IV.h 31 March', '2026-03-31', true],
    ['§IV.h 1 April', '2026-04-01', false],
  ])('%s: a transfer %s', (_, date, transferred) => {
    expect(classifyMove(calendar, date, true).transferred).toBe(transferred);
  });

  it('§V.E the receiving school needs the latest SF9, else the learner is temporary', () => {
    expect(classifyMove(calendar, '2025-10-01', true).receivingStatus).toBe('OFFICIALLY_ENROLLED');
    expect(classifyMove(calendar, '2025-10-01', false).receivingStatus).toBe(
      'TEMPORARILY_ENROLLED',
    );
  });

  it.each([
    [
      '§V.E complete',
      { effectiveOn: '2025-10-01', program: 'ALS_AE_SECONDARY', facilitatorName: 'Ms. Reyes' },
      [],
    ],
    ['§V.E everything missing', {}, ['effectiveOn', 'program', 'facilitatorName']],
    [
      '§V.E not an ALS program',
      { effectiveOn: '2025-10-01', program: 'GRADE_7', facilitatorName: 'Ms. Reyes' },
      ['program'],
    ],
  ] as const)('transfer to ALS: %s', (_, transfer, fields) => {
    expect(checkAlsTransfer(transfer).map((e) => e.field)).toEqual(fields);
  });
});

describe('ALS first date of attendance (ALS guide step 4)', () => {
  const withCutoff: SchoolCalendar = {
    ...calendar,
    overrides: { alsFirstAttendanceCutoff: '2025-10-30' },
  };
  it.each([
    ['the day before the cut-off', '2025-10-29', true],
    ['on the cut-off', '2025-10-30', true],
    ['the day after the cut-off', '2025-10-31', false],
  ])('%s', (_, date, ok) => {
    expect(checkAlsFirstAttendance(withCutoff, date).ok).toBe(ok);
  });

  it('needs the administrator to have set the cut-off', () => {
    expect(checkAlsFirstAttendance(calendar, '2025-10-01')).toEqual({
      ok: false,
      code: 'ALS_CUTOFF_NOT_SET',
      cutoff: null,
    });
  });
});
