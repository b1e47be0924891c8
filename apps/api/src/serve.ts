import { type DataSource } from 'typeorm';
import { createApp } from './app.js';
import { config } from './config.js';
import { redact } from './modules/ops/log.js';
import { startRollupApplier } from './modules/reporting/rollup-applier.js';
import { startRateLimitSweeper } from './rate-limiter.js';

/** What a serving process does once the port is closed: the caller's clean-up, then exit. */
export type AfterStop = (exitCode: number) => Promise<never>;

/**
 * One API process serving the port (the only one, or a cluster worker: they listen on one port
 * and the kernel spreads the connections). Each folds the rollup deltas now and then; the folder's
 * advisory lock lets one process fold at a time, the others' tries return at once. On SIGINT or
 * SIGTERM it stops as graceful-stop.ts says, then calls `afterStop`.
 */
export async function serve(
  dataSource: DataSource,
  say: (message: string) => void,
  afterStop: AfterStop,
): Promise<void> {
  const app = await createApp(dataSource);
  const stopApplier = startRollupApplier(dataSource, (message) => say(redact(message)));
  const stopSweeper = startRateLimitSweeper(dataSource);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    // Readiness answers 503 and every answer says `Connection: close` from now. After the delay
    // (0 by default: a balancer that needs time to see /ready sets it), the listener closes, so a
    // new connection is refused, never reset; the connections open end by themselves.
    await app
      .stop({ delayMs: config.shutdownDelayMs, graceMs: config.shutdownGraceMs })
      .then(({ forced, ms }) => {
        if (forced > 0) say(`closed ${forced} connection(s) still open after ${ms} ms`);
      })
      .catch((error: unknown) => say(`stopping the server: ${redact(String(error))}`));
    stopSweeper();
    await stopApplier();
    await afterStop(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, resolve));
}
