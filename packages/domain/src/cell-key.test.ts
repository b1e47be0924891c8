import { describe, expect, it } from 'vitest';
import {
  adjustment,
  cellKey,
  cellKeyBase,
  cellKeyOf,
  isRecordKey,
  maxAdjustment,
  perturb,
  perturbationTable,
} from './cell-key.js';

const everyKey = Array.from({ length: cellKeyBase }, (_, k) => k);

describe('record and cell keys (ONS cell key method: keys 0-255, sum mod 256)', () => {
  it.each([
    [0, true],
    [255, true],
    [256, false],
    [-1, false],
    [3.5, false],
  ])('%s is a record key: %s', (key, expected) => {
    expect(isRecordKey(key)).toBe(expected);
  });

  it.each([
    [[], 0],
    [[255], 255],
    [[200, 100], 44],
    [[255, 255, 255, 255], 252],
  ])('the cell key of %j is %i', (keys, expected) => {
    expect(cellKey(keys)).toBe(expected);
  });

  it.each([
    [0, 0],
    [256, 0],
    [-1, 255],
    [-257, 255],
    [6_885_000_123n, Number(6_885_000_123n % 256n)],
  ])('a record key sum of %s is cell key %i', (sum, expected) => {
    expect(cellKeyOf(sum)).toBe(expected);
  });

  it('is additive: the key of a union is the sum of the keys of its disjoint parts', () => {
    const a = [17, 200, 3];
    const b = [99, 255];
    expect(cellKey([...a, ...b])).toBe(cellKeyOf(cellKey(a) + cellKey(b)));
  });
});

describe('the perturbation table (ABS TableBuilder, ONS census 2021)', () => {
  it('gives every row a share of all 256 cell keys, and a mean adjustment of 0', () => {
    for (const row of perturbationTable) {
      expect(row.reduce((n, [, keys]) => n + keys, 0)).toBe(cellKeyBase);
      expect(row.reduce((n, [change, keys]) => n + change * keys, 0)).toBe(0);
    }
  });

  it.each([0, 1, 2, 3, 9, 10, 1000, 27_000_000])(
    'never makes a count of %i negative, nor moves it by more than 2',
    (count) => {
      for (const key of everyKey) {
        const value = perturb(count, key);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(Math.abs(value - count)).toBeLessThanOrEqual(maxAdjustment);
      }
    },
  );

  it('keeps 0 at 0 for every cell key', () => {
    expect(new Set(everyKey.map((k) => perturb(0, k)))).toEqual(new Set([0]));
  });

  it.each([
    [1, [0, 1, 2, 3]],
    [2, [0, 1, 2, 3, 4]],
    [9, [7, 8, 9, 10, 11]],
  ])('publishes %i as any of %j depending on the key: never as itself with certainty', (n, all) => {
    const values = everyKey.map((k) => perturb(n, k));
    expect([...new Set(values)].sort((a, b) => a - b)).toEqual(all);
    expect(values.filter((v) => v === n).length / cellKeyBase).toBeLessThan(0.31);
  });

  it.each([
    // [count, cell key, adjustment]: the intervals of the rows, at their edges.
    [1, 0, -1],
    [1, 102, -1],
    [1, 103, 0],
    [1, 178, 0],
    [1, 179, 1],
    [1, 230, 2],
    [1, 255, 2],
    [5, 0, -2],
    [5, 37, -2],
    [5, 38, -1],
    [5, 89, 0],
    [5, 166, 0],
    [5, 167, 1],
    [5, 218, 2],
    [5, 255, 2],
  ])('adjusts a count of %i with cell key %i by %i', (count, key, expected) => {
    expect(adjustment(count, key)).toBe(expected);
  });

  it('is deterministic: the same count and record key sum give the same answer', () => {
    expect(perturb(7, 1234)).toBe(perturb(7, 1234));
    expect(perturb(7, 1234)).toBe(perturb(7, 1234 + 256 * 3));
  });

  it('makes a difference of two cells with independent keys exact about a fifth of the time', () => {
    // Cells of 15 and 12 learners (a 3 hidden in the difference), over every pair of keys.
    let exact = 0;
    for (const a of everyKey)
      for (const b of everyKey) if (perturb(15, a) - perturb(12, b) === 3) exact++;
    expect(exact / cellKeyBase ** 2).toBeCloseTo(14174 / 65536, 6);
  });

  it('refuses what is not a count or a cell key', () => {
    expect(() => adjustment(-1, 0)).toThrow(RangeError);
    expect(() => adjustment(1.5, 0)).toThrow(RangeError);
    expect(() => adjustment(1, 256)).toThrow(RangeError);
  });
});
