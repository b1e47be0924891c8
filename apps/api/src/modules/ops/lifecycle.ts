import cluster from 'node:cluster';
import { type DataSource } from 'typeorm';

/**
 * Liveness (`/health`): the process serves HTTP. The database being down is not a reason to
 * restart it. Under WEB_CONCURRENCY it says which worker answered.
 */
export function liveness() {
  const worker = cluster.isWorker ? { worker: cluster.worker!.id } : {};
  return {
    ok: true,
    body: { status: 'ok', uptimeSeconds: Math.round(process.uptime()), ...worker },
  };
}

/**
 * Readiness (`/ready`, SPEC §7): 200 when the database answers within two seconds and the process
 * is not stopping (readiness turns false first, so traffic moves elsewhere), else 503.
 */
export async function readiness(
  dataSource: DataSource,
  stopping: boolean,
): Promise<{ ok: boolean; body: object }> {
  if (stopping) return { ok: false, body: { status: 'stopping' } };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2000);
      }),
    ]);
    return {
      ok: true,
      body: { status: 'ok', database: 'up', latencyMs: Math.round(performance.now() - started) },
    };
  } catch {
    return { ok: false, body: { status: 'unavailable', database: 'down' } };
  } finally {
    clearTimeout(timer);
  }
}
