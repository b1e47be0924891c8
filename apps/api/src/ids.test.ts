import { describe, expect, it } from 'vitest';
import { compareIds } from './ids.js';

describe('compareIds: database ids in the order they were made', () => {
  it.each([
    ['508', '510', -1],
    ['510', '508', 1],
    ['99', '100', -1],
    ['100', '99', 1],
    ['123456789012345678', '123456789012345678', 0],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});
