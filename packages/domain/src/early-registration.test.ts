import { describe, expect, it } from 'vitest';
import {
  countsAsPreRegistered,
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
