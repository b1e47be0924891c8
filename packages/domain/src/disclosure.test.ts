import { describe, expect, it } from 'vitest';
import {
  type ActiveEnrollment,
  type LookupQuery,
  mayShowOutsidePlace,
  type ShownEnrollment,
  shownEnrollment,
  shownLrn,
} from './disclosure.js';

describe('mayShowOutsidePlace (issue 18; RA 10173 §11: only what a duplicate check needs)', () => {
  it.each<[string, LookupQuery, boolean]>([
    ['an LRN identifies one child', { lrn: '101234567890' }, true],
    ['a name with a birth date', { name: 'Dela Cruz Juan', birthDate: '2015-03-02' }, true],
    ['a name alone lists strangers', { name: 'Ma' }, false],
    ['a birth date alone', { birthDate: '2015-03-02' }, false],
    ['blank values count as none', { name: '  ', birthDate: '2015-03-02' }, false],
    ['blank LRN and a name alone', { lrn: ' ', name: 'Santos' }, false],
    ['nothing', {}, false],
  ])('%s', (_, query, expected) => {
    expect(mayShowOutsidePlace(query)).toBe(expected);
  });
});

describe('shownLrn: outside the place, only the LRN the query gave', () => {
  it.each<[string, string | null, LookupQuery, boolean, string | null]>([
    [
      'in place: always',
      '101234567890',
      { name: 'X Y', birthDate: '2015-01-01' },
      true,
      '101234567890',
    ],
    [
      'outside, asked by that LRN',
      '101234567890',
      { lrn: ' 101234567890 ' },
      false,
      '101234567890',
    ],
    [
      'outside, found by name',
      '101234567890',
      { name: 'X Y', birthDate: '2015-01-01' },
      false,
      null,
    ],
    ['outside, asked by a former LRN', '101234567890', { lrn: '109999999999' }, false, null],
    ['outside, no LRN on record', null, { lrn: '101234567890' }, false, null],
  ])('%s', (_, lrn, query, inPlace, expected) => {
    expect(shownLrn(lrn, query, inPlace)).toBe(expected);
  });
});

describe('shownEnrollment: where a result is enrolled this year (DO 03 s. 2018 §V.E; issue 21)', () => {
  const at = (status: string): ActiveEnrollment => ({
    schoolId: '500743',
    schoolName: 'La Paz Integrated School',
    status,
  });
  const where = { schoolId: '500743', schoolName: 'La Paz Integrated School' };
  it.each<[string, ActiveEnrollment | null, boolean, ShownEnrollment | null]>([
    ['not enrolled: nothing to show', null, false, null],
    [
      'in place: the school and the status',
      at('TEMPORARILY_ENROLLED'),
      true,
      { ...where, preRegistered: false, status: 'TEMPORARILY_ENROLLED' },
    ],
    [
      'outside: the school, not whether documents are missing (§V.C)',
      at('TEMPORARILY_ENROLLED'),
      false,
      { ...where, preRegistered: false, status: null },
    ],
    [
      'outside: officially enrolled reads the same as temporarily',
      at('OFFICIALLY_ENROLLED'),
      false,
      { ...where, preRegistered: false, status: null },
    ],
    [
      'outside: registered early only (§V.A)',
      at('PRE_REGISTERED'),
      false,
      { ...where, preRegistered: true, status: null },
    ],
  ])('%s', (_, active, inPlace, expected) => {
    expect(shownEnrollment(active, inPlace)).toEqual(expected);
  });
});
