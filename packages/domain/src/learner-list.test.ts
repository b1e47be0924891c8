import { describe, expect, it } from 'vitest';
import {
  learnerListColumns,
  learnerListHeadings,
  learnerListNames,
  normalizeHeading,
  requiredLearnerListColumns,
} from './learner-list.js';

describe('the learner list columns (SPEC §4.5: the import and its template)', () => {
  it('a heading read back names its own column, so a filled template imports', () => {
    for (const [column, { heading }] of Object.entries(learnerListColumns))
      expect(learnerListNames[column as keyof typeof learnerListColumns]).toContain(
        normalizeHeading(heading),
      );
  });

  it('no name is taken by two columns: a heading is never read ambiguously', () => {
    const names = Object.values(learnerListNames).flat();
    expect(new Set(names).size).toBe(names.length);
  });

  it('the template has every column once, the required ones among them', () => {
    expect(learnerListHeadings).toHaveLength(Object.keys(learnerListColumns).length);
    expect(new Set(learnerListHeadings).size).toBe(learnerListHeadings.length);
    for (const column of requiredLearnerListColumns)
      expect(learnerListHeadings).toContain(learnerListColumns[column].heading);
  });

  it.each([
    ['Last Name', 'last name'],
    ['  LAST_NAME ', 'last name'],
    ['date.of-birth', 'date of birth'],
    ['4Ps', '4ps'],
  ])('%j is compared as %j', (heading, normalized) => {
    expect(normalizeHeading(heading)).toBe(normalized);
  });
});
