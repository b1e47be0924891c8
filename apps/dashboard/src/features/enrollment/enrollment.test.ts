import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { checkAlsFirstAttendance } from '@repo/domain/status';
import { describe, expect, it } from 'vitest';
import { classListCsv, type ClassListRow } from './class-list-csv.js';
import { toDomainCalendar } from './enrollment-context.js';
import { describeRule } from './enrollment-labels.js';
import { toFormFailure } from './form-errors.js';
import {
  draftFromSearch,
  emptyProfile,
  toCreateInput,
  toUpdateInput,
} from './learner-profile-form.js';
import { toSchoolOffering } from './school-details.js';

const refusal = (extensions: Record<string, unknown>, message = 'refused') =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });

const calendar2026 = {
  schoolYear: '2026-2027',
  openingDay: '2026-06-15',
  closingDay: '2027-03-31',
  prescribedSchoolDays: 200,
  nonSchoolDays: [],
  overridden: ['documentDeadline'],
  policyDates: {
    ageCutoff: '2026-08-31',
    alsFirstAttendanceCutoff: '2026-10-30',
    documentDeadline: '2026-09-15',
    earlyRegistrationEnd: '2026-02-27',
    earlyRegistrationStart: '2026-01-31',
    quickCountEnd: '2026-06-30',
    quickCountStart: '2026-06-15',
    transferWindowEnd: '2027-03-31',
    transferWindowStart: '2026-06-19',
  },
};

describe('toFormFailure: every refusal names the field and the rule (issue 8)', () => {
  it.each([
    [
      'one field',
      { code: 'BAD_USER_INPUT', field: 'input.firstAttendance', rule: 'AFTER_ALS_CUTOFF' },
      [
        [
          'firstAttendance',
          'AFTER_ALS_CUTOFF',
          'First date of attendance is later than the school year’s ALS cut-off',
        ],
      ],
    ],
    [
      'every rule the input broke',
      {
        code: 'BAD_USER_INPUT',
        field: 'input.strand',
        rule: 'STRAND_REQUIRED',
        errors: [
          { field: 'input.strand', rule: 'STRAND_REQUIRED' },
          { field: 'input.learner.lastName', rule: 'NEW_RULE' },
        ],
      },
      [
        ['strand', 'STRAND_REQUIRED', 'Strand is required in senior high school'],
        ['lastName', 'NEW_RULE', 'Last name is not accepted as it is'],
      ],
    ],
  ])('%s', (_, extensions, expected) => {
    const failure = toFormFailure(refusal(extensions));
    expect(failure.fields.map((f) => [f.field, f.rule, f.message])).toEqual(expected);
    expect(failure.general).toBeNull();
    expect(failure.retryable).toBe(false);
  });

  it('reads the suspected duplicates, with their reasons', () => {
    const candidate = {
      learnerId: '7',
      lastName: 'Cruz',
      firstName: 'Ana',
      reasons: ['SAME_NAME'],
    };
    const failure = toFormFailure(
      refusal({ code: 'DUPLICATE_SUSPECTED', candidates: [candidate] }),
    );
    expect(failure.duplicates).toEqual([candidate]);
    expect(failure.general).toBeNull();
  });

  it('says what a refusal without a field is, in words, with its code apart (issue 21)', () => {
    const failure = toFormFailure(
      refusal(
        { code: 'ALREADY_ENROLLED', schoolName: 'Adams NHS', schoolId: '300001' },
        'This learner is already enrolled for 2026-2027 at Adams NHS (300001). A move during the year goes through moveLearner.',
      ),
    );
    expect(failure.general).toMatch(
      /^This learner is already enrolled this school year at Adams NHS \(300001\)\. .*Move in\.$/,
    );
    expect(failure.general).not.toMatch(/moveLearner|ALREADY_ENROLLED/);
    expect(failure.detail).toBe('Code: ALREADY_ENROLLED');
  });

  it('a failed connection keeps the form and may be retried', () => {
    const failure = toFormFailure(new TypeError('Failed to fetch'));
    expect(failure.retryable).toBe(true);
    expect(failure.general).toMatch(/could not be reached.*Nothing you typed is lost/);
    expect(failure.general).not.toContain('Failed to fetch');
    expect(failure.detail).toBe('Code: NETWORK_ERROR');
  });
});

describe('describeRule', () => {
  it.each([
    ['birthDate', 'DATE_INVALID', undefined, 'Birth date is not a real date (YYYY-MM-DD)'],
    ['sex', 'SEX_INVALID', 'Sex', 'Sex must be M or F'],
    ['gradeLevel', 'REQUIRED', 'Grade Level', 'Grade Level is required'],
    ['row', 'SOMETHING_NEW', undefined, 'row is not accepted as it is'],
  ])('%s %s, named %s', (field, rule, name, expected) => {
    expect(describeRule(field, rule, name)).toBe(expected);
  });

  const calendar = toDomainCalendar(calendar2026);
  it.each([
    [
      'firstAttendance',
      'AFTER_ALS_CUTOFF',
      { calendar },
      'First date of attendance is later than 30 October 2026, this school year’s ALS cut-off',
    ],
    [
      'firstAttendance',
      'BEFORE_ENROLLMENT',
      { enrolledOn: '2026-09-01', calendar, als: true },
      'First date of attendance cannot be before the date of enrolment, 1 September 2026',
    ],
    [
      'firstAttendance',
      'BEFORE_ENROLLMENT',
      { enrolledOn: '2026-11-20', calendar, als: true },
      'First date of attendance cannot be before the date of enrolment, 20 November 2026, which is itself after this school year’s ALS cut-off, 30 October 2026: enter a date of enrolment not later than the cut-off',
    ],
    [
      'firstAttendance',
      'BEFORE_ENROLLMENT',
      { enrolledOn: '2026-11-20', calendar },
      'First date of attendance cannot be before the date of enrolment, 20 November 2026',
    ],
    [
      'enrolledOn',
      'DATE_IN_FUTURE',
      { today: '2027-02-10' },
      'Date of enrolment cannot be later than today, 10 February 2027',
    ],
    [
      'enrolledOn',
      'OUTSIDE_SCHOOL_YEAR',
      { calendar },
      'Date of enrolment is outside SY 2026-2027, whose enrolment runs from 31 January 2026 to 31 March 2027',
    ],
    [
      'moveDate',
      'OUTSIDE_SCHOOL_YEAR',
      { calendar },
      'Date of moving in is outside SY 2026-2027, whose classes run from 15 June 2026 to 31 March 2027',
    ],
    [
      'registeredOn',
      'OUTSIDE_EARLY_REGISTRATION_WINDOW',
      { calendar },
      'Date of registration is outside the early registration window, 31 January 2026 to 27 February 2026',
    ],
    ['enrolledOn', 'DATE_IN_FUTURE', {}, 'Date of enrolment cannot be later than today'],
  ])('%s %s names the day it means: %j', (field, rule, dates, expected) => {
    expect(describeRule(field, rule, undefined, dates)).toBe(expected);
  });
});

describe('the profile form', () => {
  it.each([
    ['Juan dela Cruz', { firstName: 'Juan dela', lastName: 'Cruz' }],
    ['Mayumi', { firstName: 'Mayumi', lastName: '' }],
    ['  ', { firstName: '', lastName: '' }],
  ])('draftFromSearch(%j)', (name, expected) => {
    expect(draftFromSearch(name, '2010-01-01')).toMatchObject({
      ...expected,
      birthDate: '2010-01-01',
    });
  });

  it('sends no blank text when creating, and the confirmation as given', () => {
    const input = toCreateInput(
      {
        ...emptyProfile,
        lastName: ' Cruz ',
        firstName: 'Ana',
        sex: 'FEMALE',
        specialNeeds: 'low vision, ',
      },
      true,
    );
    expect(input).toEqual({
      confirmNoDuplicate: true,
      lastName: 'Cruz',
      firstName: 'Ana',
      sex: 'FEMALE',
      isIndigenous: false,
      isFourPs: false,
      specialNeeds: ['low vision'],
    });
  });

  it.each([
    ['nothing changed', {}, null],
    ['a field filled', { addressBarangay: 'Poblacion' }, { addressBarangay: 'Poblacion' }],
    ['a field emptied', { middleName: '' }, { middleName: null }],
    ['a flag', { isFourPs: true }, { isFourPs: true }],
  ])('updates only what changed: %s', (_, change, expected) => {
    const original = {
      ...emptyProfile,
      lastName: 'Cruz',
      firstName: 'Ana',
      middleName: 'Reyes',
      sex: 'FEMALE' as const,
    };
    expect(toUpdateInput({ ...original, ...change }, original)).toEqual(expected);
  });
});

describe('calendars as the domain reads them', () => {
  it('keeps the overridden dates and the ALS cut-off (guide step 4)', () => {
    const calendar = toDomainCalendar(calendar2026);
    expect(calendar.overrides).toEqual({
      documentDeadline: '2026-09-15',
      alsFirstAttendanceCutoff: '2026-10-30',
    });
    expect(checkAlsFirstAttendance(calendar, '2026-10-30')).toEqual({ ok: true });
    expect(checkAlsFirstAttendance(calendar, '2026-11-02')).toMatchObject({
      ok: false,
      code: 'AFTER_ALS_CUTOFF',
    });
  });
});

describe('the school offering', () => {
  it('reads the levels DepEd lists', () => {
    expect(toSchoolOffering(['KINDERGARTEN', 'ELEMENTARY'])).toEqual({
      offersKinder: true,
      offersElementary: true,
      offersJuniorHigh: false,
      offersSeniorHigh: false,
      isAlsLearningCenter: false,
    });
  });
});

describe('the class list as CSV', () => {
  it('writes one learner a row, quoting what needs it', () => {
    const row = {
      enrollmentId: '1',
      learnerId: '2',
      lrn: '123456789012',
      lastName: 'Dela Cruz, Jr',
      firstName: 'Ana',
      middleName: null,
      extensionName: null,
      sex: 'FEMALE',
      birthDate: '2016-03-01',
      gradeLevel: 'GRADE_4',
      strand: null,
      status: 'TEMPORARILY_ENROLLED',
      firstAttendance: '2026-06-15',
      documentsDueBy: '2026-08-31',
      missingDocuments: ['SF9'],
      categories: ['IP'],
    } satisfies ClassListRow;
    const [head, line] = classListCsv([row]).trim().split('\n');
    expect(head).toBe(
      'LRN,Last Name,First Name,Middle Name,Extension,Sex,Birth Date,Grade Level,Strand,Status,First Attendance,Missing Documents,Documents Due By,Categories',
    );
    expect(line).toBe(
      '123456789012,"Dela Cruz, Jr",Ana,,,Female,2016-03-01,Grade 4,,Temporarily enrolled,2026-06-15,SF9 (report card),2026-08-31,IP',
    );
  });

  it('opens a name a spreadsheet would take for a formula as text (issue 19)', () => {
    const row = {
      enrollmentId: '1',
      learnerId: '2',
      lrn: null,
      lastName: '=HYPERLINK("http://x","y")',
      firstName: '@SUM(A1)',
      middleName: '-1+1',
      extensionName: null,
      sex: 'MALE',
      birthDate: '2016-03-01',
      gradeLevel: 'GRADE_4',
      strand: null,
      status: 'OFFICIALLY_ENROLLED',
      firstAttendance: null,
      documentsDueBy: null,
      missingDocuments: [],
      categories: [],
    } satisfies ClassListRow;
    const [, line] = classListCsv([row]).trim().split('\n');
    expect(line).toBe(
      `,"'=HYPERLINK(""http://x"",""y"")",'@SUM(A1),'-1+1,,Male,2016-03-01,Grade 4,,Officially enrolled,,,,`,
    );
  });
});
