// What the battery needs around it: a PostgreSQL of its own (which it may restart), the API in a
// child process whose logs it keeps (its HTTP client, which reports failures as data, is the
// benchmarks' `client`).
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, scratchPostgres } from '../db/scratch-postgres.js';
import { apiRoot, repoRoot } from '../paths.js';
import { type Answer } from './bench-support.js';

export { freePort };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The battery's own PostgreSQL in .data/battery-pg (git-ignored), never the shared one: the
 * restart tests stop it, fast and immediately, under load.
 */
export async function startBatteryPostgres(log: (line: string) => void) {
  const databaseDir = path.join(repoRoot, '.data', 'battery-pg');
  const port = await freePort();
  const server = scratchPostgres(databaseDir, port, log);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising the battery's PostgreSQL in ${path.relative(repoRoot, databaseDir)}`);
    await server.initialise();
  }
  await server.start();
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const url = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    /**
     * Stops PostgreSQL the way an operator or a crash would (fast: SIGINT, rolls back open
     * transactions; immediate: SIGQUIT, no checkpoint, crash recovery on the next start), waits
     * `downMs`, starts it again; resolves with when it accepted connections again.
     */
    async restart(mode: 'fast' | 'immediate', downMs: number) {
      const postgres = child();
      if (!postgres) throw new Error('the battery PostgreSQL is not running');
      const exited = new Promise((resolve) => postgres.once('exit', resolve));
      postgres.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      await exited;
      (server as unknown as { process?: ChildProcess }).process = undefined;
      await sleep(downMs);
      await server.start();
      return performance.now();
    },
    stop: () => server.stop(),
  };
}

export interface ApiProcess {
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** The API as in production (`node dist/main.js`) on a free port; stdout and stderr to `logFile`. */
export async function startApiProcess(
  databaseUrl: string,
  logFile: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(apiRoot, 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_MODE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const kill = () => child.kill('SIGKILL');
  process.on('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  for (let tries = 0; ; tries++) {
    const up = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if (tries > 1200) throw new Error('the API did not start in 2 minutes');
    await sleep(100);
  }
  return { port, child, exited };
}

/** The first error's code, or '' when the answer has none. */
export const codeOf = (answer: Answer) => {
  const code = answer.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : '';
};

/** A server fault: HTTP 5xx, or a masked internal error. */
export const isServerError = (answer: Answer) =>
  answer.status >= 500 || answer.errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');

/** Runs `work` on `concurrency` workers until `count` items are done or `ms` has passed. */
export async function pool<T>(
  count: number,
  concurrency: number,
  ms: number,
  work: (i: number) => Promise<T>,
): Promise<T[]> {
  const deadline = performance.now() + ms;
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < deadline) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results.filter((r) => r !== undefined);
}
