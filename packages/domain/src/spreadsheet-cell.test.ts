import { describe, expect, it } from 'vitest';
import { inertCell } from './spreadsheet-cell.js';

describe('inertCell (OWASP CSV injection; issue 19)', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+63 912', `'+63 912`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTAB', `'\tTAB`],
    ['\rCR', `'\rCR`],
    ['Dela Cruz', 'Dela Cruz'],
    ["O'Brien", "O'Brien"],
    ['2016-03-01', '2016-03-01'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(inertCell(cell)).toBe(expected);
  });
});
