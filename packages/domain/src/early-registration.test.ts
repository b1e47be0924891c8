import { describe, expect, it } from 'vitest';
import {
  countsAsPreRegistered,
  earlyRegistrationTarget,
  isBehindTarget,
  isEarlyRegistrationGrade,
  isInEarlyRegistrationWindow,
  OutOfSchoolCircumstance,
  toOutOfSchoolGroup,
} from './early-registration.js';
import type { SchoolCalendar } from './school-year.js';

const calendar: SchoolCalendar = {
  schoolYear: '2025-2026',
  openingDay: '2025-06-16',
  closingDay: '2026-03-31',
  prescribedSchoolDays: 180,
  nonSchoolDays: [],
};

describe('early registration (DO 03 s. 2018 §IV.a, §V.A)', () => {
  it.each([
    ['KINDER', true, false],
    ['GRADE_1', true, false],
    ['GRADE_2', false, true],
    ['GRADE_6', false, true],
    ['GRADE_7', true, false],
    ['GRADE_10', false, true],
    ['GRADE_11', true, false],
    ['GRADE_12', false, true],
    ['ALS_BLP', false, false],
  ] as const)('§V.A %s: registers early %s, counts as pre-registered %s', (grade, early, pre) => {
    expect(isEarlyRegistrationGrade(grade, '2025-2026')).toBe(early);
    expect(countsAsPreRegistered(grade, '2025-2026')).toBe(pre);
  });

  it.each([
    ['§V.A the Friday before the last Saturday of January', '2025-01-24', false],
    ['§V.A the last Saturday of January', '2025-01-25', true],
    ['§V.A the last Friday of February', '2025-02-28', true],
    ['§V.A the Saturday after', '2025-03-01', false],
  ])('%s', (_, date, open) => {
    expect(isInEarlyRegistrationWindow(calendar, date)).toBe(open);
  });

  it('§V.A lists the 14 circumstances of out-of-school children and youth', () => {
    expect(Object.keys(OutOfSchoolCircumstance)).toHaveLength(14);
  });

  it('a school year before the policy has no early-registration grades', () => {
    expect(isEarlyRegistrationGrade('KINDER', '2017-2018')).toBe(false);
  });
});

describe('OSC and OSY (§IV.j, §IV.k)', () => {
  const asOf = '2025-02-01';
  it.each([
    ['§IV.j five: neither', '2019-06-01', {}, null],
    ['§IV.j six: OSC', '2018-06-01', {}, 'OSC'],
    ['§IV.j fourteen: OSC', '2010-06-01', {}, 'OSC'],
    ['§IV.k fifteen: OSY', '2009-06-01', {}, 'OSY'],
    ['§IV.k twenty-four: OSY', '2000-06-01', {}, 'OSY'],
    ['§IV.k twenty-five: neither', '1999-06-01', {}, null],
    ['§IV.k working: not OSY', '2005-06-01', { working: true }, null],
    ['§IV.k finished college: not OSY', '2000-06-01', { finishedPostSecondary: true }, null],
    ['§IV.j attending school: neither', '2015-06-01', { attendingSchool: true }, null],
  ] as const)('%s', (_, birthDate, extra, group) => {
    expect(
      toOutOfSchoolGroup({ birthDate, attendingSchool: false, ...extra }, asOf, '2025-2026'),
    ).toBe(group);
  });
});

describe('the target to date of progress monitoring (§V.A(a), §VII)', () => {
  // SY 2025-2026's window: Saturday 25 January to Friday 28 February 2025, 35 days.
  const window = { start: '2025-01-25', end: '2025-02-28' };
  it.each([
    ['§V.A the day before the window: nothing yet', '2025-01-24', 350, 0],
    ['§V.A its first day: one day of 35, of 350', '2025-01-25', 350, 10],
    ['a partial day rounds up: 1 of 35 days of 100 is 2.86', '2025-01-25', 100, 3],
    ['halfway (day 18 of 35) of 70', '2025-02-11', 70, 36],
    ['§V.A its last day: all of last year', '2025-02-28', 350, 350],
    ['after the window: all of last year', '2025-06-01', 350, 350],
    ['nobody last year: no target', '2025-02-11', 0, 0],
  ])('%s', (_, today, previousYear, target) => {
    expect(earlyRegistrationTarget(window, today, previousYear)).toBe(target);
  });

  it.each([
    ['short by one: behind', 9, 10, true],
    ['at the target: not behind', 10, 10, false],
    ['past it: not behind', 12, 10, false],
    ['no target: never behind', 0, 0, false],
  ])('%s', (_, registrations, target, behind) => {
    expect(isBehindTarget(registrations, target)).toBe(behind);
  });
});
