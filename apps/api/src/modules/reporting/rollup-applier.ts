import { type DataSource } from 'typeorm';

/**
 * Folds committed rollup deltas into the rollup grains every `intervalMs` (see the
 * EnrollmentRollup migration). Readers count the unfolded deltas too, so this keeps the delta table
 * small rather than making writes visible: a committed write counts at once.
 */
export function startRollupApplier(
  dataSource: DataSource,
  log: (message: string) => void,
  intervalMs = 250,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let failures = 0;
  const timer = setInterval(() => {
    if (running || !dataSource.isInitialized) return;
    running = dataSource
      .query('SELECT apply_enrollment_rollup_deltas(), apply_learner_flow_deltas()')
      .then(() => (failures = 0))
      .catch((error: unknown) => {
        // A database restart or a lock: the next tick retries; say so once per outage.
        if (failures++ === 0) log(`rollup applier: ${String(error)}`);
      })
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Deltas counted by `unfoldedDeltas` at most: beyond it the folder is stuck, whatever the number. */
export const unfoldedDeltasCap = 100_000;

/**
 * The deltas not yet folded and how long the oldest has waited, in seconds (issue 20's metrics).
 * Cheap at any size: the folder keeps the table near empty (every summary scans it whole anyway),
 * and when the folder is stuck the count stops at `unfoldedDeltasCap` rows; the oldest is the
 * first by id (ids follow insertion), read through the primary key, with the time its
 * transaction began (recorded_at).
 */
export async function unfoldedDeltas(
  dataSource: DataSource,
): Promise<{ count: number; oldestSeconds: number }> {
  const [row] = await dataSource.query<{ count: number; oldest_seconds: number | null }[]>(
    `SELECT (SELECT count(*) FROM (SELECT FROM enrollment_rollup_delta LIMIT $1) d)::int AS count,
            (SELECT extract(epoch FROM now() - recorded_at) FROM enrollment_rollup_delta
             ORDER BY id LIMIT 1)::float8 AS oldest_seconds`,
    [unfoldedDeltasCap],
  );
  return { count: row!.count, oldestSeconds: Math.max(0, row!.oldest_seconds ?? 0) };
}
