import { describe, expect, it } from 'vitest';
import { type LookupQuery, mayShowOutsidePlace, shownLrn } from './disclosure.js';

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
