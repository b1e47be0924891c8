import { describe, expect, it } from 'vitest';
import { SchoolLevel, toLevelsSummary } from './school.js';

describe('toLevelsSummary (SPEC §2: the levels a school offers)', () => {
  it.each([
    [[], ''],
    [[SchoolLevel.KINDERGARTEN, SchoolLevel.ELEMENTARY], 'K, Elementary'],
    [[SchoolLevel.SENIOR_HIGH, SchoolLevel.JUNIOR_HIGH], 'JHS, SHS'],
    [Object.values(SchoolLevel), 'K, Elementary, JHS, SHS'],
  ])('%j → %s', (levels, expected) => {
    expect(toLevelsSummary(levels)).toBe(expected);
  });
});
