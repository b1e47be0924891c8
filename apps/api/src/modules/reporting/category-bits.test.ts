import { type LearnerCategory } from '@repo/domain/enums';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDataSource } from '../../../test/harness.js';
import { categoryBits, categoryMask } from './category-bits.js';

/**
 * Each category alone, as enrollment_category_mask takes it (EnrollmentRollup migration): IP, SPED
 * and 4Ps from the learner, the others from the enrollment's categories (SPEC §3).
 */
const alone: Record<LearnerCategory, [boolean, string[], boolean, string[]]> = {
  IP: [true, [], false, []],
  SPED: [false, ['HEARING'], false, []],
  BALIK_ARAL: [false, [], false, ['BALIK_ARAL']],
  OSY: [false, [], false, ['OSY']],
  OSC: [false, [], false, ['OSC']],
  FOUR_PS: [false, [], true, []],
};

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await openTestDataSource();
});
afterAll(() => dataSource.destroy());

const mask = async ([
  indigenous,
  specialNeeds,
  fourPs,
  categories,
]: (typeof alone)[LearnerCategory]) => {
  const [row] = await dataSource.query<{ mask: number }[]>(
    'SELECT enrollment_category_mask($1, $2::varchar[], $3, $4::varchar[]) AS mask',
    [indigenous, specialNeeds, fourPs, categories],
  );
  return row!.mask;
};

describe('categoryBits agree with the SQL function enrollment_category_mask', () => {
  it('has a bit for every category, each its own', () => {
    expect(Object.keys(categoryBits).sort()).toEqual(Object.keys(alone).sort());
    const bits = Object.values(categoryBits);
    expect(new Set(bits).size).toBe(bits.length);
    for (const bit of bits) expect(bit & (bit - 1)).toBe(0);
  });

  it.each(Object.keys(alone) as LearnerCategory[])('%s alone is its bit', async (category) => {
    expect(await mask(alone[category])).toBe(categoryBits[category]);
    expect(categoryMask([category])).toBe(categoryBits[category]);
  });

  it('every category at once is every bit', async () => {
    expect(await mask([true, ['HEARING'], true, ['BALIK_ARAL', 'OSY', 'OSC']])).toBe(
      categoryMask(Object.keys(categoryBits) as LearnerCategory[]),
    );
  });

  it('no category is 0', async () => {
    expect(await mask([false, [], false, []])).toBe(0);
    expect(categoryMask([])).toBe(0);
  });
});
