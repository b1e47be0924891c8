import { describe, expect, it } from 'vitest';
import { SchoolLevel, toLevelsSummary, formatSchoolId } from './school.js';

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

describe('formatSchoolId (SPEC §2)', () => {
  it.each([
    [500743, '500743'],
    [100000, '100000'],
    [1234, '001234'],
  ] as const)('%i is written %s', (id, text) => {
    expect(formatSchoolId(id)).toBe(text);
  });
});
