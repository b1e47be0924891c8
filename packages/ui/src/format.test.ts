import { describe, expect, it } from 'vitest';
import { formatCountOf } from './format.js';

describe('formatCountOf: counts with their noun, en-PH (issue 21: "1 rows", "1104")', () => {
  it.each([
    [0, 'row', undefined, '0 rows'],
    [1, 'row', undefined, '1 row'],
    [2, 'row', undefined, '2 rows'],
    [1104, 'learner', undefined, '1,104 learners'],
    [1, 'school', undefined, '1 school'],
    [2_112, 'school', undefined, '2,112 schools'],
    [1, 'child', 'children', '1 child'],
    [3, 'child', 'children', '3 children'],
  ] as const)('%d %s → %s', (value, singular, plural, expected) => {
    expect(formatCountOf(value, singular, plural)).toBe(expected);
  });
});
