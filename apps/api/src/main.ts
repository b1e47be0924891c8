import { createApp } from './app.js';
import { createDataSource } from './db/data-source.js';
import { openDatabase } from './db/database.js';
import { entities } from './entities.js';
import { config, demoMode, environmentHelp } from './config.js';
import { ensureDemoAccounts, removeDemoAccounts } from './modules/auth/demo-accounts.js';
import { resolveInterruptedLoads } from './modules/datasets/bulk-load.js';
import { ensureDemoData } from './modules/datasets/demo-data.js';
import { loadReferenceData } from './modules/reference-data/reference-data.seed.js';
import { log, redact } from './modules/ops/log.js';
import { startRollupApplier } from './modules/reporting/rollup-applier.js';
import { demoDataProblem, productionConfigProblem } from './startup-checks.js';

if (process.argv.includes('--help')) {
  process.stdout.write(
    `Usage: node apps/api/dist/main.js (npm start from the repository root builds and runs it)\n\n${environmentHelp()}`,
  );
  process.exit(0);
}

// Refused before anything starts, in one line and a non-zero exit (issue 20).
const refusal = productionConfigProblem();
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}

const say = (message: string) => log('info', 'api', { message });
const { port } = config;
/** How long readiness reads "stopping" before the listener closes; then how long connections get. */
const { shutdownDelayMs, shutdownGraceMs } = config;

const database = await openDatabase('enrollment', say);
const dataSource = createDataSource(database.url, {
  entities,
  // A small pool serves many requests: each holds a connection only for its transaction.
  poolSize: config.dbPoolSize,
});
let stopping = false;
let stopApplier: (() => Promise<void>) | null = null;

async function shutdown(signal: string, app?: Awaited<ReturnType<typeof createApp>>, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  // Readiness answers 503 and every answer says `Connection: close` from now. After the delay (0
  // by default: a balancer that needs time to see /ready sets it), the listener closes, so a new
  // connection is refused, never reset; the connections open end by themselves (graceful-stop.ts).
  await app
    ?.stop({ delayMs: shutdownDelayMs, graceMs: shutdownGraceMs })
    .then(({ forced, ms }) => {
      if (forced > 0) say(`closed ${forced} connection(s) still open after ${ms} ms`);
    })
    .catch((error: unknown) => say(`stopping the server: ${redact(String(error))}`));
  await stopApplier?.();
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.release();
  say('stopped');
  process.exit(exitCode);
}

// Until the server is up, a signal still stops the embedded database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutdown(signal));
}

try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations();
  if (applied.length > 0) say(`applied ${applied.length} migration(s)`);
  // A data set load cut off between its two halves' commits holds its locks until ended.
  for (const ended of await resolveInterruptedLoads(dataSource)) say(`interrupted load: ${ended}`);
  const demoData = await demoDataProblem(dataSource);
  if (demoData) {
    process.stderr.write(`${demoData}\n`);
    await shutdown('refused', undefined, 1);
  }
  for (const result of await loadReferenceData(dataSource)) {
    if (!result.skipped) say(`loaded ${result.rows} ${result.file}`);
  }
  if (demoMode) {
    await ensureDemoAccounts(dataSource);
    await ensureDemoData(dataSource, say);
    say(
      'demo mode: accounts registrar, head, als, division, region, analyst, admin (password "demo")',
    );
  } else {
    const removed = await removeDemoAccounts(dataSource);
    if (removed > 0) say(`removed ${removed} demo account(s): not in demo mode`);
  }
  const app = await createApp(dataSource);
  stopApplier = startRollupApplier(dataSource, (message) => say(redact(message)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal, app));
  }
  await new Promise<void>((resolve) => app.httpServer.listen(port, resolve));
  say(`ready at http://localhost:${port} (GraphQL at /graphql, health at /health)`);
} catch (error) {
  log('error', 'api.startup_failed', { message: redact(String(error)) });
  await shutdown('startup failure', undefined, 1);
}
