import { describe, expect, it } from 'vitest';
import { canMoveMerge, chooseSurvivor, type MergeCandidate } from './merge.js';

const record = (id: string, lrnIssuedAt: string | null, createdAt: string): MergeCandidate => ({
  id,
  lrn: lrnIssuedAt ? `10000000000${id}` : null,
  lrnIssuedAt,
  createdAt,
});

describe('chooseSurvivor (DO 03 s. 2018 §VI: one permanent LRN; the oldest survives)', () => {
  it.each([
    [
      '§VI the older LRN survives',
      record('1', '2019-06-03T00:00:00Z', '2019-01-01T00:00:00Z'),
      record('2', '2017-06-05T00:00:00Z', '2020-01-01T00:00:00Z'),
      '2',
    ],
    [
      '§VI a record with an LRN beats one without',
      record('1', null, '2015-01-01T00:00:00Z'),
      record('2', '2021-06-05T00:00:00Z', '2021-01-01T00:00:00Z'),
      '2',
    ],
    [
      '§VI a record with an LRN beats one without, either order',
      record('2', '2021-06-05T00:00:00Z', '2021-01-01T00:00:00Z'),
      record('1', null, '2015-01-01T00:00:00Z'),
      '2',
    ],
    [
      '§VI without LRNs, the first created survives',
      record('5', null, '2024-02-01T00:00:00Z'),
      record('9', null, '2023-02-01T00:00:00Z'),
      '9',
    ],
    [
      '§VI same times: the lower id',
      record('12', null, '2024-02-01T00:00:00Z'),
      record('3', null, '2024-02-01T00:00:00Z'),
      '3',
    ],
    [
      '§VI same LRN time: the first created',
      record('7', '2024-06-01T00:00:00Z', '2024-02-01T00:00:00Z'),
      record('8', '2024-06-01T00:00:00Z', '2024-01-01T00:00:00Z'),
      '8',
    ],
  ])('%s', (_, a, b, survivor) => {
    const result = chooseSurvivor(a, b);
    expect(result.survivor.id).toBe(survivor);
    expect(result.merged.id).toBe(survivor === a.id ? b.id : a.id);
  });
});

describe('merge transitions (§VI)', () => {
  it.each([
    ['PROPOSED', 'APPROVED', true],
    ['PROPOSED', 'REJECTED', true],
    ['APPROVED', 'REVERTED', true],
    ['APPROVED', 'REJECTED', false],
    ['REJECTED', 'APPROVED', false],
    ['REVERTED', 'APPROVED', false],
    ['PROPOSED', 'REVERTED', false],
  ] as const)('§VI %s → %s: %s', (from, to, allowed) => {
    expect(canMoveMerge(from, to)).toBe(allowed);
  });
});
