import { addDays } from '@repo/domain/civil-date';
import {
  checkEnrollmentDates,
  checkPreRegistration,
  planEnrollment,
  type SchoolOffering,
} from '@repo/domain/enrollment';
import { currentSchoolYear, policyDates, type SchoolCalendar } from '@repo/domain/school-year';
import { describe, expect, it } from 'vitest';
import { defaultDates, latestDayWithin } from './default-dates.js';

/** As the API seeds them: classes from the Monday on or after 14 June to 31 March, ALS cut-off 30 October. */
const calendarOf = (schoolYear: string, openingDay: string): SchoolCalendar => ({
  schoolYear,
  openingDay,
  closingDay: `${Number(schoolYear.slice(0, 4)) + 1}-03-31`,
  prescribedSchoolDays: 200,
  nonSchoolDays: [],
  overrides: { alsFirstAttendanceCutoff: `${schoolYear.slice(0, 4)}-10-30` },
});
const sy2026 = calendarOf('2026-2027', '2026-06-15');
const sy2027 = calendarOf('2027-2028', '2027-06-14');
const sy2028 = calendarOf('2028-2029', '2028-06-19');
const calendars = [sy2026, sy2027, sy2028];
const learningCenter: SchoolOffering = {
  offersKinder: false,
  offersElementary: false,
  offersJuniorHigh: false,
  offersSeniorHigh: false,
  isAlsLearningCenter: true,
};

describe('latestDayWithin', () => {
  it.each([
    ['2027-07-01', '2027-06-14', '2028-03-31', '2027-07-01'],
    ['2028-05-15', '2027-06-14', '2028-03-31', '2028-03-31'],
    ['2027-06-14', '2027-06-14', '2028-03-31', '2027-06-14'],
    ['2027-06-13', '2027-06-14', '2028-03-31', null],
  ])('today %s, from %s to %s: %s', (today, from, to, expected) => {
    expect(latestDayWithin(today, from, to)).toBe(expected);
  });
});

describe('the enrollment screens’ default dates (issue 16)', () => {
  it.each([
    [
      'SY 2027-2028 before its ALS cut-off',
      '2027-07-01',
      sy2027,
      {
        enrolledOn: '2027-07-01',
        alsEnrolledOn: '2027-07-01',
        alsFirstAttendance: '2027-07-01',
        registeredOn: '2027-02-26',
        classDay: '2027-07-01',
      },
    ],
    [
      'SY 2027-2028 after its ALS cut-off: ALS dates on the cut-off',
      '2027-11-20',
      sy2027,
      {
        enrolledOn: '2027-11-20',
        alsEnrolledOn: '2027-10-30',
        alsFirstAttendance: '2027-10-30',
        registeredOn: '2027-02-26',
        classDay: '2027-11-20',
      },
    ],
    [
      'SY 2026-2027 in February: its cut-off long past, early registration under way',
      '2027-02-10',
      sy2026,
      {
        enrolledOn: '2027-02-10',
        alsEnrolledOn: '2026-10-30',
        alsFirstAttendance: '2026-10-30',
        registeredOn: '2026-02-27',
        classDay: '2027-02-10',
      },
    ],
    [
      'SY 2026-2027 chosen after it closed: its last days',
      '2027-11-20',
      sy2026,
      {
        enrolledOn: '2027-03-31',
        alsEnrolledOn: '2026-10-30',
        alsFirstAttendance: '2026-10-30',
        registeredOn: '2026-02-27',
        classDay: '2027-03-31',
      },
    ],
    [
      'SY 2028-2029 before its classes: no first attendance yet',
      '2028-05-15',
      sy2028,
      {
        enrolledOn: '2028-05-15',
        alsEnrolledOn: '2028-05-15',
        alsFirstAttendance: '',
        registeredOn: '2028-02-25',
        classDay: '2028-05-15',
      },
    ],
    [
      'SY 2028-2029 the day before its early registration: today, refused by name',
      '2028-01-28',
      sy2028,
      {
        enrolledOn: '2028-01-28',
        alsEnrolledOn: '2028-01-28',
        alsFirstAttendance: '',
        registeredOn: '2028-01-28',
        classDay: '2028-01-28',
      },
    ],
    [
      'no ALS cut-off set: within classes',
      '2027-11-20',
      { ...sy2027, overrides: {} },
      {
        enrolledOn: '2027-11-20',
        alsEnrolledOn: '2027-11-20',
        alsFirstAttendance: '2027-11-20',
        registeredOn: '2027-02-26',
        classDay: '2027-11-20',
      },
    ],
  ])('%s, today %s', (_, today, calendar, expected) => {
    expect(defaultDates(calendar, today)).toEqual(expected);
  });

  // Every day of three school years, on the year the screens open on (the domain's current one):
  // the dates as shown pass the same checks the API makes, wherever the policy allows a date at all.
  const days: string[] = [];
  for (let day = '2026-06-01'; day <= '2028-12-31'; day = addDays(day, 1)) days.push(day);

  it('the ALS path completes with its defaults on every day its classes have begun', () => {
    const refused = days.flatMap((today) => {
      const calendar = calendars.find((c) => c.schoolYear === currentSchoolYear(calendars, today))!;
      const d = defaultDates(calendar, today);
      if (today < calendar.openingDay) return d.alsFirstAttendance === '' ? [] : [today];
      const plan = planEnrollment({
        calendar,
        school: learningCenter,
        gradeLevel: 'ALS_BLP',
        basis: null,
        birthDate: '2000-01-01',
        firstTimeEnrollee: false,
        documents: [],
        birthDocumentOnFile: false,
        categories: [],
        enrolledOn: d.alsEnrolledOn,
        firstAttendance: d.alsFirstAttendance,
        today,
      });
      return plan.errors.length === 0 ? [] : [`${today}: ${JSON.stringify(plan.errors)}`];
    });
    expect(refused).toEqual([]);
  });

  it('a school enrollment, a move and an early registration take their default dates every day', () => {
    const refused = days.flatMap((today) => {
      const calendar = calendars.find((c) => c.schoolYear === currentSchoolYear(calendars, today))!;
      const d = defaultDates(calendar, today);
      const errors = [
        ...checkEnrollmentDates({ calendar, enrolledOn: d.enrolledOn, today }),
        ...(today >= calendar.openingDay
          ? checkEnrollmentDates({
              calendar,
              enrolledOn: d.classDay,
              firstAttendance: d.classDay,
              today,
            })
          : []),
        ...(today >= policyDates(calendar).earlyRegistrationStart
          ? checkPreRegistration(
              {
                calendar,
                school: { ...learningCenter, isAlsLearningCenter: false, offersKinder: true },
                gradeLevel: 'KINDER',
                categories: [],
                circumstances: [],
                registeredOn: d.registeredOn,
                today,
              },
              [],
            )
          : []),
      ];
      return errors.length === 0 ? [] : [`${today}: ${JSON.stringify(errors)}`];
    });
    expect(refused).toEqual([]);
  });
});
