import { describe, expect, it } from 'vitest';
import { documentDueState } from './follow-up.js';

describe('the follow-up of missing documents (DO 03 s. 2018 §V.C)', () => {
  const today = '2027-08-20';
  it.each([
    ['§V.C the day after the deadline: overdue', '2027-08-19', 14, 'OVERDUE'],
    ['§V.C the deadline itself: due soon', '2027-08-20', 14, 'DUE_SOON'],
    ['the last day looked ahead: due soon', '2027-09-03', 14, 'DUE_SOON'],
    ['a day past it: later', '2027-09-04', 14, 'DUE_LATER'],
    ['looking no day ahead: today only', '2027-08-21', 0, 'DUE_LATER'],
  ] as const)('%s', (_, dueBy, soonDays, state) => {
    expect(documentDueState(dueBy, today, soonDays)).toBe(state);
  });

  it('looks two weeks ahead unless told', () => {
    expect(documentDueState('2027-09-03', today)).toBe('DUE_SOON');
    expect(documentDueState('2027-09-04', today)).toBe('DUE_LATER');
  });
});
