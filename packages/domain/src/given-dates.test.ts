import { describe, expect, it } from 'vitest';
import { checkGivenDates } from './given-dates.js';

const today = '2028-02-29';

describe('checkGivenDates (dates of what has happened: §V.A-§V.E)', () => {
  it.each([
    ['today itself', { enrolledOn: today }, []],
    ['yesterday', { enrolledOn: '2028-02-28' }, []],
    ['tomorrow', { enrolledOn: '2028-03-01' }, [{ field: 'enrolledOn', code: 'DATE_IN_FUTURE' }]],
    ['a year ahead', { moveDate: '2029-02-28' }, [{ field: 'moveDate', code: 'DATE_IN_FUTURE' }]],
    [
      '29 February of a common year',
      { receivedOn: '2027-02-29' },
      [{ field: 'receivedOn', code: 'DATE_INVALID' }],
    ],
    [
      'a 13th month',
      { effectiveOn: '2027-13-01' },
      [{ field: 'effectiveOn', code: 'DATE_INVALID' }],
    ],
    ['words', { registeredOn: 'June 8' }, [{ field: 'registeredOn', code: 'DATE_INVALID' }]],
    ['absent dates', { enrolledOn: null, firstAttendance: undefined }, []],
    [
      'every bad date, each with its field',
      { enrolledOn: '2028-03-01', firstAttendance: '2028-02-30' },
      [
        { field: 'enrolledOn', code: 'DATE_IN_FUTURE' },
        { field: 'firstAttendance', code: 'DATE_INVALID' },
      ],
    ],
  ])('%s', (_title, dates, expected) => {
    expect(checkGivenDates(dates, today)).toEqual(expected);
  });
});
