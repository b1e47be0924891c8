import { bad, refusedWith, type Row } from './table.js';
import { CALENDAR_YEAR, type Fixtures, NO_CALENDAR_YEAR } from './world.js';

/** The seeded 2027-2028 calendar as it stands, but for the overrides. */
const calendarChange = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  schoolYear: CALENDAR_YEAR,
  openingDay: '2027-06-14',
  closingDay: '2028-03-31',
  prescribedSchoolDays: fx.prescribedDays,
  version: fx.calendarVersion,
  ...overrides,
});

/** setSchoolCalendar refused (an administrator). */
export const schoolCalendarRows: Row[] = [
  {
    title: 'setSchoolCalendar: closing before opening',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { closingDay: '2027-06-01' }),
    learners: () => [],
    expected: bad('input.closingDay', 'NOT_AFTER_OPENING'),
  },
  {
    title: 'setSchoolCalendar: opening in the second year of the school year',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { openingDay: '2028-01-10' }),
    learners: () => [],
    expected: bad('input.openingDay', 'NOT_IN_FIRST_YEAR'),
  },
  {
    title: 'setSchoolCalendar: opening 2027-06-31 is no date',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { openingDay: '2027-06-31' }),
    learners: () => [],
    expected: bad('input.openingDay', 'DATE_INVALID'),
  },
  {
    title: 'setSchoolCalendar: an age cut-off override that is no date',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { overrides: { ageCutoff: '2027-02-29' } }),
    learners: () => [],
    expected: bad('input.overrides.ageCutoff', 'DATE_INVALID'),
  },
  {
    title: 'setSchoolCalendar: a day without classes after the closing day',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { nonSchoolDays: ['2028-05-01'] }),
    learners: () => [],
    expected: bad('input.nonSchoolDays', 'OUTSIDE_SCHOOL_YEAR'),
  },
  {
    title: 'setSchoolCalendar: no prescribed school days',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) => calendarChange(fx, { prescribedSchoolDays: 0 }),
    learners: () => [],
    expected: bad('input.prescribedSchoolDays', 'DAYS_RANGE'),
  },
  {
    title: 'setSchoolCalendar: a stale version',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) =>
      calendarChange(fx, { version: fx.calendarVersion + 7, closingDay: '2028-03-30' }),
    learners: () => [],
    expected: refusedWith('STALE_UPDATE'),
  },
  {
    title: 'setSchoolCalendar: a version for a year with no calendar',
    operation: 'setSchoolCalendar',
    as: 'admin',
    input: (fx) =>
      calendarChange(fx, {
        schoolYear: NO_CALENDAR_YEAR,
        openingDay: '2037-06-15',
        closingDay: '2038-03-31',
        version: 1,
      }),
    learners: () => [],
    expected: bad('input.version', 'CALENDAR_NOT_FOUND'),
  },
];
