import { describe, expect, it } from 'vitest';
import { isLrn } from './lrn.js';

describe('isLrn (DO 03 s. 2018 §VI)', () => {
  it.each([
    ['123456789012', true],
    ['12345678901', false],
    ['1234567890123', false],
    ['12345678901a', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isLrn(value)).toBe(expected);
  });
});
