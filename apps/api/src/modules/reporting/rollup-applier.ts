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
      .query('SELECT apply_enrollment_rollup_deltas()')
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
