import { describe, expect, it } from 'vitest';
import { OutOfSchoolCircumstance } from './early-registration.js';
import {
  checkEnrollmentCategories,
  checkPreRegistration,
  checkStrand,
  type EnrollmentPlanInput,
  gradeBand,
  isActiveStatus,
  isAlsProgram,
  offersGrade,
  planEnrollment,
  type PreRegistrationInput,
  type SchoolOffering,
} from './enrollment.js';
import type { FieldError } from './learner-profile.js';
import type { SchoolCalendar } from './school-year.js';

const calendar: SchoolCalendar = {
  schoolYear: '2025-2026',
  openingDay: '2025-06-16',
  closingDay: '2026-03-31',
  prescribedSchoolDays: 180,
  nonSchoolDays: [],
};
const withAlsCutoff: SchoolCalendar = {
  ...calendar,
  overrides: { alsFirstAttendanceCutoff: '2025-10-30' },
};

const everything: SchoolOffering = {
  offersKinder: true,
  offersElementary: true,
  offersJuniorHigh: true,
  offersSeniorHigh: true,
  isAlsLearningCenter: true,
};
const elementaryOnly: SchoolOffering = {
  offersKinder: false,
  offersElementary: true,
  offersJuniorHigh: false,
  offersSeniorHigh: false,
  isAlsLearningCenter: false,
};
const learningCenterOnly: SchoolOffering = {
  offersKinder: false,
  offersElementary: false,
  offersJuniorHigh: false,
  offersSeniorHigh: false,
  isAlsLearningCenter: true,
};

const pairs = (errors: readonly FieldError[]) => errors.map((e) => [e.field, e.code]);

describe('grade bands and offerings (DO 03 s. 2018 §III, §II; ALS guide)', () => {
  it.each([
    ['§V.A table: Kinder', 'KINDER', 'KINDER', false],
    ['§V.A table: Grade 1', 'GRADE_1', 'ELEMENTARY', false],
    ['§III Grade 6', 'GRADE_6', 'ELEMENTARY', false],
    ['§IV.n SPED non-graded elementary', 'ELEMENTARY_NON_GRADED', 'ELEMENTARY', false],
    ['§V.A table: Grade 7', 'GRADE_7', 'JUNIOR_HIGH', false],
    ['§III Grade 10', 'GRADE_10', 'JUNIOR_HIGH', false],
    ['§IV.n SPED non-graded junior high', 'JHS_NON_GRADED', 'JUNIOR_HIGH', false],
    ['§V.A table: Grade 11', 'GRADE_11', 'SENIOR_HIGH', false],
    ['§III Grade 12', 'GRADE_12', 'SENIOR_HIGH', false],
    ['§V.E ALS Basic Literacy Program', 'ALS_BLP', 'ALS', true],
    ['§V.E ALS A&E elementary', 'ALS_AE_ELEMENTARY', 'ALS', true],
    ['§V.E ALS A&E secondary', 'ALS_AE_SECONDARY', 'ALS', true],
  ] as const)('%s: %s is %s', (_, grade, band, als) => {
    expect(gradeBand(grade)).toBe(band);
    expect(isAlsProgram(grade)).toBe(als);
  });

  it.each([
    ['§II a complete school offers Kinder', everything, 'KINDER', true],
    ['§II a complete school offers Grade 12', everything, 'GRADE_12', true],
    ['§II a complete school that is a learning center offers ALS', everything, 'ALS_BLP', true],
    ['§II an elementary school does not offer Kinder', elementaryOnly, 'KINDER', false],
    ['§II an elementary school offers Grade 1', elementaryOnly, 'GRADE_1', true],
    [
      '§II an elementary school offers non-graded classes',
      elementaryOnly,
      'ELEMENTARY_NON_GRADED',
      true,
    ],
    ['§II an elementary school does not offer Grade 7', elementaryOnly, 'GRADE_7', false],
    [
      '§II an elementary school does not offer JHS non-graded',
      elementaryOnly,
      'JHS_NON_GRADED',
      false,
    ],
    ['§II an elementary school does not offer Grade 11', elementaryOnly, 'GRADE_11', false],
    ['ALS guide: ALS only at a learning center', elementaryOnly, 'ALS_AE_ELEMENTARY', false],
    [
      'ALS guide: a learning center offers A&E secondary',
      learningCenterOnly,
      'ALS_AE_SECONDARY',
      true,
    ],
    ['§II a learning center alone offers no formal grade', learningCenterOnly, 'GRADE_1', false],
  ] as const)('%s', (_, school, grade, offered) => {
    expect(offersGrade(school, grade)).toBe(offered);
  });
});

describe('strands and categories (§III, §IV.j-§IV.n)', () => {
  it.each([
    ['§III Grade 11 needs a strand', 'GRADE_11', null, ['STRAND_REQUIRED']],
    ['§III Grade 12 needs a strand', 'GRADE_12', undefined, ['STRAND_REQUIRED']],
    ['§III Grade 11 with STEM', 'GRADE_11', 'STEM', []],
    ['§III Grade 12 with TVL', 'GRADE_12', 'TVL', []],
    ['§III Grade 10 has no strand', 'GRADE_10', 'STEM', ['STRAND_NOT_FOR_GRADE']],
    ['§III Kinder has no strand', 'KINDER', 'ABM', ['STRAND_NOT_FOR_GRADE']],
    ['§V.E ALS A&E secondary has no strand', 'ALS_AE_SECONDARY', 'HUMSS', ['STRAND_NOT_FOR_GRADE']],
    ['§III Grade 7 without a strand', 'GRADE_7', null, []],
    ['§IV.n JHS non-graded without a strand', 'JHS_NON_GRADED', undefined, []],
  ] as const)('%s', (_, grade, strand, codes) => {
    const errors = checkStrand(grade, strand);
    expect(errors.map((e) => e.code)).toEqual(codes);
    expect(errors.every((e) => e.field === 'strand')).toBe(true);
  });

  it.each([
    ['§IV.l-§IV.k none', [], true],
    ['§IV.l Balik-Aral at this enrollment', ['BALIK_ARAL'], true],
    ['§IV.k OSY at this enrollment', ['OSY'], true],
    ['§IV.j OSC at this enrollment', ['OSC'], true],
    ['§IV.j, §IV.l OSC and Balik-Aral together', ['OSC', 'BALIK_ARAL'], true],
    ['§IV.m IP belongs to the learner', ['IP'], false],
    ['§IV.n SPED belongs to the learner', ['SPED'], false],
    ['§V.F 4Ps belongs to the learner', ['FOUR_PS'], false],
    ['§IV.l, §IV.m one wrong among right ones', ['BALIK_ARAL', 'IP'], false],
    ['§IV.m, §IV.n two wrong: one error', ['IP', 'SPED'], false],
    ['§IV an unknown category', ['NOT_A_CATEGORY'], false],
  ] as const)('%s', (_, categories, ok) => {
    expect(checkEnrollmentCategories(categories)).toEqual(
      ok ? [] : [{ field: 'categories', code: 'CATEGORY_BELONGS_TO_LEARNER' }],
    );
  });
});

/** A five-year-old entering Kindergarten with a PSA certificate, enrolled before the opening. */
const base: EnrollmentPlanInput = {
  calendar,
  school: everything,
  gradeLevel: 'KINDER',
  strand: null,
  basis: 'KINDER_AGE_5',
  birthDate: '2020-05-10',
  firstTimeEnrollee: true,
  documents: ['PSA_BIRTH_CERTIFICATE'],
  birthDocumentOnFile: false,
  categories: [],
  enrolledOn: '2025-06-02',
  firstAttendance: null,
  today: '2026-11-26',
};
const plan = (change: Partial<EnrollmentPlanInput>) => planEnrollment({ ...base, ...change });

/** A Grade 6 graduate entering Grade 7 with the SF9. */
const grade7 = {
  gradeLevel: 'GRADE_7',
  basis: 'GRADE_6_GRADUATE',
  birthDate: '2013-03-01',
  firstTimeEnrollee: false,
  documents: ['SF9'],
} as const;
/** A Grade 10 completer entering Grade 11 with the SF9. */
const grade11 = {
  gradeLevel: 'GRADE_11',
  basis: 'GRADE_10_COMPLETER',
  birthDate: '2009-03-01',
  firstTimeEnrollee: false,
  documents: ['SF9'],
} as const;
/** An adult learner in ALS A&E secondary: no documents gate ALS. */
const als = {
  gradeLevel: 'ALS_AE_SECONDARY',
  basis: 'BALIK_ARAL',
  birthDate: '2000-01-01',
  firstTimeEnrollee: false,
  documents: [],
} as const;

describe('planEnrollment: grade, strand and categories (§II, §III, §IV.j-§IV.n)', () => {
  it.each([
    ['§V.A table: Kinder at a complete school', {}, []],
    [
      '§II Kinder at an elementary school without Kinder',
      { school: elementaryOnly },
      [['gradeLevel', 'GRADE_NOT_OFFERED']],
    ],
    [
      '§II Grade 7 at an elementary school',
      { ...grade7, school: elementaryOnly },
      [['gradeLevel', 'GRADE_NOT_OFFERED']],
    ],
    ['§V.A table: Grade 7, Grade 6 graduate', grade7, []],
    ['§III Grade 11 with a strand', { ...grade11, strand: 'STEM' }, []],
    ['§III Grade 11 without a strand', grade11, [['strand', 'STRAND_REQUIRED']]],
    [
      '§III Grade 12 without a strand',
      {
        gradeLevel: 'GRADE_12',
        basis: 'CONTINUING',
        birthDate: '2008-03-01',
        firstTimeEnrollee: false,
        documents: [],
      },
      [['strand', 'STRAND_REQUIRED']],
    ],
    [
      '§III a strand refused in Grade 7',
      { ...grade7, strand: 'STEM' },
      [['strand', 'STRAND_NOT_FOR_GRADE']],
    ],
    ['§IV.l Balik-Aral at this enrollment', { categories: ['BALIK_ARAL'] }, []],
    ['§IV.j OSC at this enrollment', { categories: ['OSC'] }, []],
    [
      '§IV.m IP is a category of the learner, not of the enrollment',
      { categories: ['IP'] },
      [['categories', 'CATEGORY_BELONGS_TO_LEARNER']],
    ],
    [
      '§IV.n SPED is a category of the learner, not of the enrollment',
      { categories: ['SPED'] },
      [['categories', 'CATEGORY_BELONGS_TO_LEARNER']],
    ],
    [
      '§II, §III, §IV.m every problem at once',
      {
        school: elementaryOnly,
        strand: 'GAS',
        categories: ['IP'],
        enrolledOn: '2026-11-27',
      },
      [
        ['enrolledOn', 'DATE_IN_FUTURE'],
        ['gradeLevel', 'GRADE_NOT_OFFERED'],
        ['strand', 'STRAND_NOT_FOR_GRADE'],
        ['categories', 'CATEGORY_BELONGS_TO_LEARNER'],
      ],
    ],
  ] as const)('%s', (_, change, errors) => {
    expect(pairs(plan(change).errors)).toEqual(errors);
  });
});

describe('planEnrollment: dates of enrollment and attendance (§V.A ¶1, §IV.c, §V.B)', () => {
  it.each([
    ['§V.A ¶1 the last Saturday of January opens enrollment', { enrolledOn: '2025-01-25' }, []],
    [
      '§V.A ¶1 the Friday before the last Saturday of January',
      { enrolledOn: '2025-01-24' },
      [['enrolledOn', 'OUTSIDE_SCHOOL_YEAR']],
    ],
    ['§V.A ¶1 the last Friday of February', { enrolledOn: '2025-02-28' }, []],
    ['§V.B the opening day', { enrolledOn: '2025-06-16' }, []],
    [
      '§V.D the last day of classes: still a date of the year, but late',
      { enrolledOn: '2026-03-31' },
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D the day after the last day of classes',
      { enrolledOn: '2026-04-01' },
      [['enrolledOn', 'OUTSIDE_SCHOOL_YEAR']],
    ],
    ['§IV.c enrolled today', { enrolledOn: '2025-06-02', today: '2025-06-02' }, []],
    ['§IV.c enrolled tomorrow', { enrolledOn: '2026-11-27' }, [['enrolledOn', 'DATE_IN_FUTURE']]],
    [
      '§IV.c enrolled on a day that does not exist',
      { enrolledOn: '2025-02-30' },
      [['enrolledOn', 'DATE_INVALID']],
    ],
    [
      '§IV.c enrolled on a malformed date',
      { enrolledOn: '2/6/2025' },
      [['enrolledOn', 'DATE_INVALID']],
    ],
    ['§V.B first attendance on the opening day', { firstAttendance: '2025-06-16' }, []],
    [
      '§V.B first attendance before the opening day',
      { firstAttendance: '2025-06-13' },
      [['firstAttendance', 'OUTSIDE_SCHOOL_YEAR']],
    ],
    [
      '§V.B first attendance after the last day of classes',
      { firstAttendance: '2026-04-01' },
      [['firstAttendance', 'OUTSIDE_SCHOOL_YEAR']],
    ],
    [
      '§V.B first attendance on a day that does not exist',
      { firstAttendance: '2025-06-31' },
      [['firstAttendance', 'DATE_INVALID']],
    ],
    [
      '§V.B first attendance after today',
      { firstAttendance: '2025-06-16', today: '2025-06-10' },
      [['firstAttendance', 'DATE_IN_FUTURE']],
    ],
    // Validation order: a day that cannot be is refused before any rule is judged on it.
    [
      '§V.D a future enrolment that would also be late is refused for its date alone',
      { enrolledOn: '2026-02-02', today: '2026-01-30' },
      [['enrolledOn', 'DATE_IN_FUTURE']],
    ],
    [
      '§V.A a future enrolment with documents missing and too young: the date alone',
      { enrolledOn: '2026-11-27', birthDate: '2022-01-01', documents: [] },
      [['enrolledOn', 'DATE_IN_FUTURE']],
    ],
    [
      'ALS step 4: a future first attendance after the cut-off is refused for its date alone',
      {
        gradeLevel: 'ALS_BLP',
        basis: null,
        enrolledOn: '2025-11-10',
        firstAttendance: '2025-11-12',
        today: '2025-11-11',
      },
      [['firstAttendance', 'DATE_IN_FUTURE']],
    ],
    [
      '§V.D a first attendance before the enrolment is not judged late',
      { enrolledOn: '2025-10-01', firstAttendance: '2025-09-30' },
      [['firstAttendance', 'BEFORE_ENROLLMENT']],
    ],
    [
      '§V.D an unreal enrolment date with a late first attendance: the date alone',
      { enrolledOn: '2025-09-31', firstAttendance: '2026-03-02' },
      [['enrolledOn', 'DATE_INVALID']],
    ],
  ] as const)('%s', (_, change, errors) => {
    expect(pairs(plan(change).errors)).toEqual(errors);
  });
});

describe('planEnrollment: late enrollment (§V.D: 80% of 180 prescribed days = 144)', () => {
  it.each([
    [
      '§V.D enrolled before the opening, attending from the opening day',
      '2025-06-02',
      '2025-06-16',
      null,
      null,
      [],
    ],
    [
      '§V.D enrolled during early registration, attendance not yet known',
      '2025-02-01',
      null,
      null,
      null,
      [],
    ],
    [
      '§V.D late, two weeks in: 80% still attendable',
      '2025-06-30',
      '2025-06-30',
      null,
      'LATE_ATTENDABLE',
      [],
    ],
    [
      '§V.D late, the last day with 144 school days left',
      '2025-09-11',
      '2025-09-11',
      null,
      'LATE_ATTENDABLE',
      [],
    ],
    [
      '§V.D late, judged on the enrolment day while attendance is unknown',
      '2025-09-11',
      null,
      null,
      'LATE_ATTENDABLE',
      [],
    ],
    [
      '§V.D too late, 143 school days left, without approval',
      '2025-09-12',
      '2025-09-12',
      null,
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D too late, judged on the enrolment day while attendance is unknown',
      '2025-11-03',
      null,
      null,
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D too late, the head approves without a catch-up plan',
      '2025-11-03',
      '2025-11-03',
      { headApproved: true, catchUpPlan: null },
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D too late, a blank catch-up plan',
      '2025-11-03',
      '2025-11-03',
      { headApproved: true, catchUpPlan: '  ' },
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D too late, a catch-up plan the head has not approved',
      '2025-11-03',
      '2025-11-03',
      { headApproved: false, catchUpPlan: 'Saturday remedial classes' },
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D too late, with the head’s approval and a catch-up plan',
      '2025-11-03',
      '2025-11-03',
      { headApproved: true, catchUpPlan: 'Saturday remedial classes' },
      'LATE_APPROVED',
      [],
    ],
    [
      '§V.D the first attendance, not the enrolment day, decides',
      '2025-06-02',
      '2025-11-03',
      null,
      'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED',
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
  ] as const)('%s', (_, enrolledOn, firstAttendance, lateApproval, code, errors) => {
    const result = plan({ enrolledOn, firstAttendance, lateApproval });
    expect(result.late?.code ?? null).toBe(code);
    if (result.late)
      expect(result.late.ok).toBe(code !== 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED');
    expect(pairs(result.errors)).toEqual(errors);
  });

  it('§V.D reports the school days left and needed', () => {
    expect(plan({ enrolledOn: '2025-09-11', firstAttendance: '2025-09-11' }).late).toMatchObject({
      ok: true,
      code: 'LATE_ATTENDABLE',
      remainingSchoolDays: 144,
      requiredSchoolDays: 144,
    });
  });
});

describe('planEnrollment: the school head’s approval, filed or given (§V.D; issue 21)', () => {
  const late = { enrolledOn: '2025-11-03', firstAttendance: '2025-11-03' } as const;
  const enteredThatDay = { enteredOn: '2025-11-03', today: '2025-11-03' } as const;
  // Six months back: a date before the opening day, so the 80% rule alone would not catch it.
  const sixMonthsBack = { enrolledOn: '2025-06-02', enteredOn: '2025-12-02', today: '2025-12-02' };
  const headsPlan = { headApproved: true, catchUpPlan: 'Saturday remedial classes' };
  it.each([
    [
      '§V.D a registrar’s late enrolment is filed as awaiting the head',
      { ...late, ...enteredThatDay, fileForApproval: true },
      'AWAITING_APPROVAL',
      ['LATE_BELOW_ATTENDANCE_SHARE'],
      [],
    ],
    [
      'issue 21: a date of enrolment six months back, entered by the head without approval',
      sixMonthsBack,
      'PRE_REGISTERED',
      ['BACKDATED'],
      [['lateApproval', 'BACKDATED_NEEDS_HEAD_APPROVAL']],
    ],
    [
      'issue 21: a date of enrolment six months back, filed by a registrar',
      { ...sixMonthsBack, fileForApproval: true },
      'AWAITING_APPROVAL',
      ['BACKDATED'],
      [],
    ],
    [
      'issue 21: the head’s own backdated enrolment needs no catch-up plan',
      { ...sixMonthsBack, lateApproval: { headApproved: true, catchUpPlan: null } },
      'PRE_REGISTERED',
      ['BACKDATED'],
      [],
    ],
    [
      'issue 21: seven days back is not backdating',
      { enrolledOn: '2025-06-09', enteredOn: '2025-06-16', today: '2025-06-16' },
      'PRE_REGISTERED',
      null,
      [],
    ],
    [
      'issue 21: eight days back is',
      {
        enrolledOn: '2025-06-08',
        enteredOn: '2025-06-16',
        today: '2025-06-16',
        fileForApproval: true,
      },
      'AWAITING_APPROVAL',
      ['BACKDATED'],
      [],
    ],
    [
      '§V.D late and backdated, entered by the head without a plan: the plan is asked for',
      { ...late, enteredOn: '2025-12-02', today: '2025-12-02' },
      'TEMPORARILY_ENROLLED',
      ['LATE_BELOW_ATTENDANCE_SHARE', 'BACKDATED'],
      [['lateApproval', 'HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED']],
    ],
    [
      '§V.D late and backdated, the head approves with a plan',
      { ...late, enteredOn: '2025-12-02', today: '2025-12-02', lateApproval: headsPlan },
      'TEMPORARILY_ENROLLED',
      ['LATE_BELOW_ATTENDANCE_SHARE', 'BACKDATED'],
      [],
    ],
    [
      '§V.D a filed enrolment is still refused for every other rule it breaks',
      { ...late, ...enteredThatDay, fileForApproval: true, basis: null },
      'AWAITING_APPROVAL',
      ['LATE_BELOW_ATTENDANCE_SHARE'],
      [['admissionBasis', 'REQUIRED']],
    ],
    [
      '§V.D a first attendance recorded later judges lateness, not the date entered long ago',
      { enrolledOn: '2025-06-02', firstAttendance: '2025-06-16' },
      'TEMPORARILY_ENROLLED',
      null,
      [],
    ],
    [
      'ALS guide: an ALS program is neither late nor backdated',
      {
        gradeLevel: 'ALS_BLP',
        basis: null,
        calendar: withAlsCutoff,
        enrolledOn: '2025-06-02',
        firstAttendance: '2025-10-01',
        enteredOn: '2025-12-02',
        today: '2025-12-02',
        fileForApproval: true,
      },
      'OFFICIALLY_ENROLLED',
      null,
      [],
    ],
  ] as const)('%s', (_, change, status, reasons, errors) => {
    const result = plan({ documents: [], ...change });
    expect(pairs(result.errors)).toEqual(errors);
    expect(result.status).toBe(status);
    expect(result.approval?.reasons ?? null).toEqual(reasons);
  });

  it('issue 21: the days a date was moved back are part of the plan', () => {
    expect(plan({ ...sixMonthsBack, fileForApproval: true }).approval).toEqual({
      reasons: ['BACKDATED'],
      remainingSchoolDays: null,
      requiredSchoolDays: null,
      backdatedDays: 183,
    });
  });

  it('§V.C, §V.D a late enrolment’s documents are due from its day, not overdue on it', () => {
    const result = plan({ ...late, ...enteredThatDay, fileForApproval: true, documents: [] });
    expect(result.eligibility.documentsDueBy).toBe('2026-01-18');
    expect(result.eligibility.reasons).not.toContain('DOCUMENT_DEADLINE_PASSED');
  });
});

describe('planEnrollment: ALS programs (ALS guide step 4; §V.E)', () => {
  it.each([
    [
      'ALS guide step 4: first attendance required',
      withAlsCutoff,
      everything,
      null,
      [['firstAttendance', 'REQUIRED']],
      'PRE_REGISTERED',
    ],
    [
      'ALS guide step 4: the day before the cut-off',
      withAlsCutoff,
      everything,
      '2025-10-29',
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      'ALS guide step 4: on the cut-off',
      withAlsCutoff,
      everything,
      '2025-10-30',
      [],
      'OFFICIALLY_ENROLLED',
    ],
    [
      'ALS guide step 4: the day after the cut-off',
      withAlsCutoff,
      everything,
      '2025-10-31',
      [['firstAttendance', 'AFTER_ALS_CUTOFF']],
      'OFFICIALLY_ENROLLED',
    ],
    [
      'ALS guide step 4: the administrator has not set the cut-off',
      calendar,
      everything,
      '2025-10-01',
      [['firstAttendance', 'ALS_CUTOFF_NOT_SET']],
      'OFFICIALLY_ENROLLED',
    ],
    [
      'ALS guide step 4: a first attendance outside the year is not judged against the cut-off',
      calendar,
      everything,
      '2026-04-01',
      [['firstAttendance', 'OUTSIDE_SCHOOL_YEAR']],
      'PRE_REGISTERED',
    ],
    [
      '§II ALS at a school that is not a learning center',
      withAlsCutoff,
      elementaryOnly,
      '2025-10-01',
      [['gradeLevel', 'GRADE_NOT_OFFERED']],
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§II ALS at a learning center alone',
      withAlsCutoff,
      learningCenterOnly,
      '2025-10-01',
      [],
      'OFFICIALLY_ENROLLED',
    ],
  ] as const)('%s', (_, cal, school, firstAttendance, errors, status) => {
    const result = plan({
      ...als,
      calendar: cal,
      school,
      firstAttendance,
      enrolledOn: '2025-06-02',
    });
    expect(pairs(result.errors)).toEqual(errors);
    expect(result.status).toBe(status);
    expect(result.eligibility.reasons).toEqual(['ALS_PROGRAM']);
  });

  it('§V.D ALS is not judged by the 80% rule', () => {
    const result = plan({
      ...als,
      calendar: withAlsCutoff,
      enrolledOn: '2025-10-30',
      firstAttendance: '2025-10-30',
    });
    expect(result.late).toBeNull();
    expect(result.errors).toEqual([]);
  });
});

describe('planEnrollment: eligibility (§V.A table, first-time enrollees, §V.C)', () => {
  it.each([
    ['§V.A table: Kinder, five on the cut-off', { birthDate: '2020-08-31' }, []],
    [
      '§V.A table: Kinder, five the day after the cut-off',
      { birthDate: '2020-09-01' },
      [['birthDate', 'AGE_BELOW_CUTOFF']],
    ],
    [
      '§V.A table: Grade 1 without Kinder, six the day after the cut-off',
      {
        gradeLevel: 'GRADE_1',
        basis: 'NO_KINDER_AGE_6',
        birthDate: '2019-09-01',
        documents: ['ECCD_CHECKLIST', 'PSA_BIRTH_CERTIFICATE'],
      },
      [['birthDate', 'AGE_BELOW_CUTOFF']],
    ],
    [
      '§V.A table: born after the cut-off',
      { birthDate: '2025-09-01' },
      [['birthDate', 'BIRTH_DATE_AFTER_CUTOFF']],
    ],
    [
      '§V.A a birth date that does not exist',
      { birthDate: '2020-02-30' },
      [['birthDate', 'BIRTH_DATE_INVALID']],
    ],
    [
      '§V.A a basis for another grade',
      {
        gradeLevel: 'GRADE_3',
        basis: 'GRADE_6_GRADUATE',
        firstTimeEnrollee: false,
        birthDate: '2017-03-01',
        documents: ['SF9'],
      },
      [['admissionBasis', 'BASIS_NOT_FOR_GRADE']],
    ],
    [
      '§V.A a first-time enrollee cannot be a transferee',
      { gradeLevel: 'GRADE_2', basis: 'TRANSFEREE', birthDate: '2018-03-01', documents: ['SF9'] },
      [['firstTimeEnrollee', 'BASIS_CONTRADICTS_FIRST_TIME']],
    ],
    [
      '§V.A first-time enrollee aged 9 without KCEP or PEPT',
      {
        gradeLevel: 'GRADE_3',
        basis: 'FROM_NON_ACCREDITED_SCHOOL',
        birthDate: '2016-03-01',
        documents: ['PVT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
      },
      [['admissionBasis', 'FIRST_TIME_NEEDS_KCEP_OR_PEPT']],
    ],
    [
      '§V.C a transferee without SF9 nor the Affidavit of Undertaking',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: [],
      },
      [['documents', 'AFFIDAVIT_OF_UNDERTAKING_REQUIRED']],
    ],
    [
      '§V.C a transferee without SF9 but with the Affidavit of Undertaking',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: ['AFFIDAVIT_OF_UNDERTAKING'],
      },
      [],
    ],
    [
      '§VIII a school year before the policy',
      {
        calendar: {
          schoolYear: '2017-2018',
          openingDay: '2017-06-05',
          closingDay: '2018-03-31',
          prescribedSchoolDays: 180,
          nonSchoolDays: [],
        },
        birthDate: '2012-05-10',
        enrolledOn: '2017-06-01',
      },
      [['schoolYear', 'POLICY_NOT_IN_FORCE']],
    ],
  ] as const)('%s', (_, change, errors) => {
    expect(pairs(plan(change).errors)).toEqual(errors);
  });

  it.each([
    ['§V.A table: the 31 August cut-off, five the day after', calendar, false],
    [
      '§V.A table: a cut-off the administrator moved to 30 September',
      { ...calendar, overrides: { ageCutoff: '2025-09-30' } },
      true,
    ],
    [
      '§V.A table: a cut-off the administrator moved to 31 July',
      { ...calendar, overrides: { ageCutoff: '2025-07-31' } },
      false,
    ],
  ] as const)('%s', (_, cal, eligible) => {
    const result = plan({ calendar: cal, birthDate: '2020-09-01' });
    expect(result.eligibility.eligible).toBe(eligible);
    expect(pairs(result.errors)).toEqual(eligible ? [] : [['birthDate', 'AGE_BELOW_CUTOFF']]);
  });

  it('§V.A table: a cut-off moved to 31 July judges ages and births on that day', () => {
    expect(
      pairs(
        plan({
          calendar: { ...calendar, overrides: { ageCutoff: '2025-07-31' } },
          birthDate: '2020-07-31',
        }).errors,
      ),
    ).toEqual([]);
    expect(
      pairs(
        plan({
          calendar: { ...calendar, overrides: { ageCutoff: '2025-07-31' } },
          birthDate: '2025-08-01',
        }).errors,
      ),
    ).toEqual([['birthDate', 'BIRTH_DATE_AFTER_CUTOFF']]);
  });

  /** A first-time enrollee aged 16 on the cut-off, placed in Grade 7 by PEPT. */
  const aged16 = {
    gradeLevel: 'GRADE_7',
    basis: 'PEPT_PASSER',
    birthDate: '2009-03-01',
    firstTimeEnrollee: true,
    documents: ['PEPT_RESULT', 'PSA_BIRTH_CERTIFICATE'],
  } as const;
  it.each([
    [
      '§V.A first-time, 16: formal placement without a reason',
      { ...aged16 },
      [['placementReason', 'FORMAL_PLACEMENT_NEEDS_REASON']],
      'ALS',
    ],
    [
      '§V.A first-time, 16: a blank reason is no reason',
      { ...aged16, placementReason: '   ' },
      [['placementReason', 'FORMAL_PLACEMENT_NEEDS_REASON']],
      'ALS',
    ],
    [
      '§V.A first-time, 16: formal placement with a reason',
      { ...aged16, placementReason: 'Parents prefer the day school; ALS center is far' },
      [],
      'ALS',
    ],
    [
      '§V.A first-time, 13 on the cut-off: Grade 1 after KCEP needs a reason',
      { gradeLevel: 'GRADE_1', basis: 'KCEP_COMPLETED', birthDate: '2012-08-31' },
      [['placementReason', 'FORMAL_PLACEMENT_NEEDS_REASON']],
      'ALS',
    ],
    [
      '§V.A first-time, 12 on the cut-off: no advice, no reason needed',
      { gradeLevel: 'GRADE_1', basis: 'KCEP_COMPLETED', birthDate: '2012-09-01' },
      [],
      null,
    ],
    ['§V.A not first-time, 16: no advice', { ...aged16, firstTimeEnrollee: false }, [], null],
    [
      '§V.A first-time, 25, in ALS itself: no reason needed',
      { ...als, firstTimeEnrollee: true, calendar: withAlsCutoff, firstAttendance: '2025-10-01' },
      [],
      null,
    ],
  ] as const)('%s', (_, change, errors, recommendation) => {
    const result = plan(change);
    expect(pairs(result.errors)).toEqual(errors);
    expect(result.eligibility.recommendation).toBe(recommendation);
  });
});

describe('planEnrollment: the status it starts with (§IV.b, §V.B, §V.C)', () => {
  it.each([
    ['§IV.b no first attendance: pre-registered', {}, 'PRE_REGISTERED'],
    [
      '§IV.b documents missing, no first attendance: still pre-registered',
      { documents: [] },
      'PRE_REGISTERED',
    ],
    [
      '§V.B documents complete and a first attendance: official',
      { firstAttendance: '2025-06-16' },
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.A birth document on file counts as complete',
      { firstAttendance: '2025-06-16', documents: [], birthDocumentOnFile: true },
      'OFFICIALLY_ENROLLED',
    ],
    [
      '§V.C documents missing and a first attendance: temporary',
      { firstAttendance: '2025-06-16', documents: [] },
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.C transferee with the Affidavit of Undertaking, attending: temporary',
      {
        gradeLevel: 'GRADE_4',
        basis: 'TRANSFEREE',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: ['AFFIDAVIT_OF_UNDERTAKING'],
        firstAttendance: '2025-06-16',
      },
      'TEMPORARILY_ENROLLED',
    ],
    [
      '§V.A continuing learner, attending: official with nothing to hand in',
      {
        gradeLevel: 'GRADE_4',
        basis: 'CONTINUING',
        birthDate: '2016-03-01',
        firstTimeEnrollee: false,
        documents: [],
        firstAttendance: '2025-06-16',
      },
      'OFFICIALLY_ENROLLED',
    ],
  ] as const)('%s', (_, change, status) => {
    const result = plan(change);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(status);
  });

  it('§V.C the plan carries the eligibility: missing documents and their deadline', () => {
    expect(plan({ documents: [], firstAttendance: '2025-06-16' }).eligibility).toMatchObject({
      eligible: true,
      missingDocuments: ['PSA_BIRTH_CERTIFICATE'],
      documentsDueBy: '2025-08-31',
      resultingStatus: 'TEMPORARILY_ENROLLED',
    });
  });
});

/** Incoming Kindergarten, registered in the early-registration window of SY 2025-2026. */
const registration: PreRegistrationInput = {
  calendar,
  school: everything,
  gradeLevel: 'KINDER',
  strand: null,
  categories: [],
  circumstances: [],
  registeredOn: '2025-02-01',
  today: '2026-11-26',
};
const known: readonly string[] = Object.values(OutOfSchoolCircumstance);
const preRegister = (change: Partial<PreRegistrationInput>) =>
  checkPreRegistration({ ...registration, ...change }, known);

describe('checkPreRegistration (§IV.a, §V.A ¶1-2)', () => {
  it.each([
    ['§V.A ¶1 incoming Kinder in the window', {}, []],
    ['§V.A ¶1 the last Saturday of January', { registeredOn: '2025-01-25' }, []],
    ['§V.A ¶1 the last Friday of February', { registeredOn: '2025-02-28' }, []],
    [
      '§V.A ¶1 the Friday before the last Saturday of January',
      { registeredOn: '2025-01-24' },
      [['registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW']],
    ],
    [
      '§V.A ¶1 the Saturday after the last Friday of February',
      { registeredOn: '2025-03-01' },
      [['registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW']],
    ],
    [
      '§V.A ¶1 the opening day is past early registration',
      { registeredOn: '2025-06-16' },
      [['registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW']],
    ],
    [
      '§V.A ¶1 registered after today',
      { registeredOn: '2025-02-03', today: '2025-02-02' },
      [['registeredOn', 'DATE_IN_FUTURE']],
    ],
    [
      '§V.A ¶1 registered on a day that does not exist',
      { registeredOn: '2025-02-29' },
      [['registeredOn', 'DATE_INVALID']],
    ],
    ['§IV.a incoming Grade 1', { gradeLevel: 'GRADE_1' }, []],
    ['§IV.a incoming Grade 7', { gradeLevel: 'GRADE_7' }, []],
    ['§IV.a incoming Grade 11 with a strand', { gradeLevel: 'GRADE_11', strand: 'ABM' }, []],
    [
      '§IV.a incoming Grade 11 without a strand',
      { gradeLevel: 'GRADE_11' },
      [['strand', 'STRAND_REQUIRED']],
    ],
    [
      '§V.A ¶1 Grade 3 counts as pre-registered, it does not register early',
      { gradeLevel: 'GRADE_3' },
      [['gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE']],
    ],
    [
      '§V.A ¶1 Grade 12 does not register early',
      { gradeLevel: 'GRADE_12', strand: 'TVL' },
      [['gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE']],
    ],
    [
      '§IV.l Balik-Aral into Grade 3 is not out of school for this rule',
      { gradeLevel: 'GRADE_3', categories: ['BALIK_ARAL'] },
      [['gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE']],
    ],
    [
      '§V.A ¶2, §IV.j an OSC found in the community registers for Grade 3',
      { gradeLevel: 'GRADE_3', categories: ['OSC'], circumstances: ['DISABILITY'] },
      [],
    ],
    [
      '§V.A ¶2, §IV.k an OSY registers for Grade 12 with a strand',
      {
        gradeLevel: 'GRADE_12',
        strand: 'TVL',
        categories: ['OSY'],
        circumstances: ['WANTS_TO_RETURN_TO_SCHOOL', 'LIVING_ON_THE_STREETS'],
      },
      [],
    ],
    [
      '§V.A ¶2, §IV.j an OSC without circumstances',
      { gradeLevel: 'GRADE_5', categories: ['OSC'] },
      [],
    ],
    ['§V.E an ALS program registers whatever the grade', { gradeLevel: 'ALS_BLP' }, []],
    [
      '§II an ALS program at a school that is not a learning center',
      { gradeLevel: 'ALS_BLP', school: elementaryOnly },
      [['gradeLevel', 'GRADE_NOT_OFFERED']],
    ],
    [
      '§II Grade 7 at an elementary school',
      { gradeLevel: 'GRADE_7', school: elementaryOnly },
      [['gradeLevel', 'GRADE_NOT_OFFERED']],
    ],
    [
      '§IV.m IP belongs to the learner',
      { categories: ['IP'] },
      [['categories', 'CATEGORY_BELONGS_TO_LEARNER']],
    ],
    [
      '§V.A ¶2 a circumstance not among the 14',
      { gradeLevel: 'GRADE_3', categories: ['OSC'], circumstances: ['HOMESICK'] },
      [['circumstances', 'CIRCUMSTANCE_UNKNOWN']],
    ],
    [
      '§V.A ¶2 circumstances belong to OSC and OSY only',
      { circumstances: ['DISABILITY'] },
      [['circumstances', 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY']],
    ],
    [
      '§V.A ¶2 an unknown circumstance for a learner in school',
      { circumstances: ['HOMESICK'] },
      [
        ['circumstances', 'CIRCUMSTANCE_UNKNOWN'],
        ['circumstances', 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY'],
      ],
    ],
    [
      '§IV.a, §V.A every problem at once',
      {
        gradeLevel: 'GRADE_3',
        school: learningCenterOnly,
        strand: 'STEM',
        categories: ['SPED'],
        circumstances: ['DISABILITY'],
        registeredOn: '2025-03-03',
      },
      [
        ['gradeLevel', 'GRADE_NOT_OFFERED'],
        ['strand', 'STRAND_NOT_FOR_GRADE'],
        ['categories', 'CATEGORY_BELONGS_TO_LEARNER'],
        ['gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE'],
        ['circumstances', 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY'],
        ['registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW'],
      ],
    ],
  ] as const)('%s', (_, change, errors) => {
    expect(pairs(preRegister(change))).toEqual(errors);
  });
});

describe('isActiveStatus (§IV.b, §V.B, §V.C, §V.E, §IV.l)', () => {
  it.each([
    ['§IV.b pre-registered counts', 'PRE_REGISTERED', true],
    ['§V.C temporarily enrolled counts', 'TEMPORARILY_ENROLLED', true],
    ['§V.B officially enrolled counts', 'OFFICIALLY_ENROLLED', true],
    ['§V.E moved out does not', 'MOVED_OUT', false],
    ['§V.E transferred to ALS does not', 'TRANSFERRED_TO_ALS', false],
    ['§IV.l dropped out does not', 'DROPPED_OUT', false],
    ['§V.D awaiting the head’s approval does not (yet)', 'AWAITING_APPROVAL', false],
    ['§V.D declined by the head does not', 'DECLINED', false],
  ] as const)('%s', (_, status, active) => {
    expect(isActiveStatus(status)).toBe(active);
  });
});

describe('planEnrollment: the rules added after review', () => {
  it.each([
    [
      'SPEC §2: a calendar whose school year is not one is refused, not thrown',
      { calendar: { ...calendar, schoolYear: '2025' } },
      [['schoolYear', 'SCHOOL_YEAR_INVALID']],
      'PRE_REGISTERED',
    ],
    [
      '§V.D: a first attendance before the enrolment would dodge the late rule',
      { enrolledOn: '2025-11-03', firstAttendance: '2025-06-16' },
      [['firstAttendance', 'BEFORE_ENROLLMENT']],
      'PRE_REGISTERED',
    ],
    [
      '§V.A table: a formal grade needs an admission basis',
      { basis: null },
      [['admissionBasis', 'REQUIRED']],
      'PRE_REGISTERED',
    ],
  ] as const)('%s', (_, change, errors, status) => {
    const result = plan(change);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual(errors);
    expect(result.status).toBe(status);
  });
});
