import { countsOf, type FlowCounts, FlowOutcome } from '@repo/domain/flows';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDataSource } from '../../../test/harness.js';
import { countColumn } from './learner-flows.query.js';

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await openTestDataSource();
});
afterAll(() => dataSource.destroy());

const cases = Object.values(FlowOutcome).flatMap((outcome) =>
  [false, true].flatMap((otherSchool) =>
    [false, true].map((survived) => ({ outcome, otherSchool, survived })),
  ),
);

/**
 * The database's counts of a learner row (learner_flow_counts, db/sql/learner-flow.sql, which the
 * rollups keep) are the domain's (countsOf over flowMeasureRules), for every outcome, move and
 * survival; a mature survival cohort's counts are read from the rollups' cohort and survived.
 */
describe('learner_flow_counts: the rollups count as the domain does (issue 22)', () => {
  it.each(cases)('%o', async ({ outcome, otherSchool, survived }) => {
    const [row] = await dataSource.query<Record<string, string | number>[]>(
      'SELECT * FROM learner_flow_counts($1, $2, $3, 3, 7)',
      [outcome, otherSchool, survived],
    );
    const expected = countsOf(outcome, otherSchool, 3, { mature: true, survived });
    for (const [measure, count] of Object.entries(expected) as [keyof FlowCounts, number][]) {
      const column = countColumn[measure];
      expect([measure, Number(row![column]), Number(row![`${column}_key_sum`])]).toEqual([
        measure,
        count,
        count === 0 ? 0 : 7,
      ]);
    }
  });
});
