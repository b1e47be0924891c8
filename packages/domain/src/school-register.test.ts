import { describe, expect, it } from 'vitest';
import { registerAge, sf1Remarks } from './school-register.js';

describe('sf1Remarks (the SF1 legend; §IV categories, §V.C temporary, §V.E moves)', () => {
  it.each([
    ['OFFICIALLY_ENROLLED', [], []],
    ['TEMPORARILY_ENROLLED', [], ['TE']],
    ['OFFICIALLY_ENROLLED', ['FOUR_PS'], ['CCT']],
    ['OFFICIALLY_ENROLLED', ['SPED', 'BALIK_ARAL', 'FOUR_PS'], ['CCT', 'B/A', 'LWD']],
    ['OFFICIALLY_ENROLLED', ['IP', 'OSY', 'OSC'], []],
    ['TEMPORARILY_ENROLLED', ['BALIK_ARAL'], ['TE', 'B/A']],
    ['MOVED_OUT', [], ['T/O']],
    ['DROPPED_OUT', ['FOUR_PS'], ['DRP', 'CCT']],
    ['TRANSFERRED_TO_ALS', [], ['ALS']],
    ['PRE_REGISTERED', [], []],
  ] as const)('%s with %j → %j', (status, categories, remarks) => {
    expect(sf1Remarks(status, categories)).toEqual(remarks);
  });
});

describe('registerAge (§V.A: age on the cut-off date)', () => {
  it.each([
    ['2020-08-31', '2025-08-31', 5, 'fifth birthday on the cut-off'],
    ['2020-09-01', '2025-08-31', 4, 'fifth birthday the day after'],
    ['2012-02-29', '2025-08-31', 13, 'a leap-day birthday'],
  ])('born %s, cut-off %s → %i (%s)', (birthDate, cutoff, age) => {
    expect(registerAge(birthDate, cutoff)).toBe(age);
  });
});
