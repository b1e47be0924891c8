import { insertTestLearner } from '../../../test/harness.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SY,
  openTrackerWorld,
  type TrackerWorld,
} from '../../../test/early-registration-fixtures.js';

// The early-registration rollups (EarlyRegistrationRollup migration) against recounts of the
// enrollments, in a region of this file's own (the fixture's second world).
let world: TrackerWorld;
beforeAll(async () => {
  world = await openTrackerWorld(1);
});
afterAll(() => world.close());

describe('earlyRegistrationProgress: the rollups it reads (SPEC §4.2, §5)', () => {
  it('keeps the rollups equal to a recount through direct inserts, updates and deletes', async () => {
    const { ok, tokens, division, region, A, B, C, creatorId, dataSource, expectMatchesRawCounts } =
      world;
    // Rows written past the API: the trigger must follow every change of what is counted.
    const learners = await Promise.all(
      [A, B, A].map((school) => insertTestLearner(dataSource, creatorId, school)),
    );
    const ids = await dataSource.transaction(async (manager) => {
      const made: string[] = [];
      for (const [i, learnerId] of learners.entries()) {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status,
                                   categories, circumstances, registered_on, created_by)
           VALUES ($1, $2, $3, 'GRADE_1', 'PRE_REGISTERED', $4, $5, '2026-02-12', $6) RETURNING id`,
          [
            learnerId,
            i === 1 ? B : A,
            SY,
            i === 0 ? ['OSC'] : [],
            i === 0 ? ['CHRONIC_ILLNESS', 'DISABILITY'] : [],
            creatorId,
          ],
        );
        made.push(row!.id);
      }
      return made;
    });
    const [first, second, third] = ids as [string, string, string];
    await dataSource.query(
      `UPDATE enrollment SET grade_level = 'KINDER', registered_on = '2026-02-13' WHERE id = $1`,
      [first],
    );
    await dataSource.query(
      `UPDATE enrollment SET categories = '{OSY}', circumstances = '{ABUSE_OR_EXPLOITATION}' WHERE id = $1`,
      [second],
    );
    await dataSource.query(`UPDATE enrollment SET school_id = $2 WHERE id = $1`, [second, C]);
    await dataSource.query(
      `UPDATE enrollment SET categories = '{}', circumstances = '{}' WHERE id = $1`,
      [first],
    );
    await dataSource.query(`UPDATE enrollment SET registered_on = NULL WHERE id = $1`, [third]);
    await dataSource.query(`UPDATE enrollment SET status = 'DROPPED_OUT' WHERE id = $1`, [second]);

    const answer = await ok(tokens.division!);
    await expectMatchesRawCounts(answer, 's.division_id', division);
    expect(answer.outOfSchool.find((c) => c.circumstance === 'ABUSE_OR_EXPLOITATION')).toEqual({
      circumstance: 'ABUSE_OR_EXPLOITATION',
      children: 0,
      youth: 1,
    });
    expect(answer.outOfSchool.find((c) => c.circumstance === 'CHRONIC_ILLNESS')).toMatchObject({
      children: 0,
    });

    // And once they are gone (rows with no history can be deleted), nothing of them is left.
    await dataSource.query('DELETE FROM enrollment WHERE id = ANY ($1)', [ids]);
    await expectMatchesRawCounts(await ok(tokens.division!), 's.division_id', division);

    // Rollup and recount side by side in one statement (one snapshot), for the whole region.
    const recount = `
      SELECT e.school_year, e.school_id, s.division_id, s.region_id, e.registered_on, e.grade_level,
             count(*)::int AS registrations,
             count(*) FILTER (WHERE 'OSC' = ANY (e.categories))::int AS osc,
             count(*) FILTER (WHERE 'OSY' = ANY (e.categories))::int AS osy,
             coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0)::bigint AS osc_keys,
             coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)::bigint AS osy_keys
      FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
      WHERE e.registered_on IS NOT NULL AND s.region_id = $1
      GROUP BY 1, 2, 3, 4, 5, 6`;
    // With the record-key sums the cell-key method perturbs the OSC and OSY by (issue 18).
    const rollup = `
      SELECT school_year, school_id, division_id, region_id, registered_on, grade_level,
             registrations, out_of_school_children, out_of_school_youth, osc_key_sum, osy_key_sum
      FROM early_registration_daily WHERE region_id = $1`;
    const [{ differences }] = (await dataSource.query<{ differences: number }[]>(
      `SELECT count(*)::int AS differences FROM
         ((${recount} EXCEPT ${rollup}) UNION ALL (${rollup} EXCEPT ${recount})) x`,
      [region],
    )) as [{ differences: number }];
    expect(differences).toBe(0);
  });

  it('rebuilds the rollups from the enrollments to the same rows', async () => {
    const { region, dataSource } = world;
    const snapshot = () =>
      dataSource.query(
        `SELECT 'daily' AS t, to_jsonb(d) AS row FROM early_registration_daily d WHERE region_id = $1
         UNION ALL
         SELECT 'circumstance', to_jsonb(c) FROM early_registration_circumstance c WHERE region_id = $1
         ORDER BY 1, 2`,
        [region],
      );
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await dataSource.query('SELECT rebuild_early_registration_rollups()');
    expect(await snapshot()).toEqual(before);
  });
});
