import { describe, expect, it } from 'vitest';
import { toYearRows } from './yearTrendRows.js';

describe('toYearRows', () => {
  it('orders the years oldest first and drops a year with no enrolled learner', () => {
    const rows = toYearRows([
      { schoolYear: '2025-2026', learners: 0, male: 0, female: 0, genderParityIndex: null },
      { schoolYear: '2024-2025', learners: 30, male: 14, female: 16, genderParityIndex: 1.14 },
      { schoolYear: '2023-2024', learners: 20, male: 10, female: 10, genderParityIndex: 1 },
    ]);
    expect(rows.map((r) => r.schoolYear)).toEqual(['2023-2024', '2024-2025']);
    expect(rows[1]).toEqual({
      schoolYear: '2024-2025',
      learners: 30,
      male: 14,
      female: 16,
      genderParityIndex: 1.14,
    });
  });

  it('keeps a withheld count as null (shown as "—", a gap in the line)', () => {
    expect(toYearRows([{ schoolYear: '2023-2024', learners: null }])).toEqual([
      {
        schoolYear: '2023-2024',
        learners: null,
        male: null,
        female: null,
        genderParityIndex: null,
      },
    ]);
  });
});
