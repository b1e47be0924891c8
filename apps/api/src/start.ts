import cluster from 'node:cluster';
import { createDataSource } from './db/data-source.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { entities } from './entities.js';
import { config, demoMode, environmentHelp } from './config.js';
import { ensureDemoAccounts, removeDemoAccounts } from './modules/auth/demo-accounts.js';
import { resolveInterruptedLoads } from './modules/datasets/bulk-load.js';
import { ensureDemoData } from './modules/datasets/demo-data.js';
import { loadReferenceData } from './modules/reference-data/reference-data.seed.js';
import { log, redact } from './modules/ops/log.js';
import { superviseWorkers } from './cluster-primary.js';
import { serve } from './serve.js';
import { demoDataProblem, productionConfigProblem } from './startup-checks.js';
import { type DataSource } from 'typeorm';

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

const worker = cluster.isWorker ? `worker ${cluster.worker!.id}: ` : '';
const say = (message: string) => log('info', 'api', { message: `${worker}${message}` });
const readyLine = `ready at http://localhost:${config.port} (GraphQL at /graphql, health at /health)`;
// A small pool serves many requests: each holds a connection only for its transaction.
const connect = (url: string) =>
  createDataSource(url, {
    entities,
    poolSize: config.dbPoolSize,
    applicationName: `deped-enrollment-api${cluster.isWorker ? ` worker ${cluster.worker!.id}` : ''}`,
  });

/** Stops what this process opened, then exits: the port is closed by then. */
function closer(dataSource: DataSource | null, database: DatabaseHandle | null) {
  return async (exitCode: number): Promise<never> => {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await database?.release();
    say('stopped');
    process.exit(exitCode);
  };
}

/**
 * What runs once per deployment before any process serves: migrations, interrupted loads, the
 * refusal of demo data in production, the reference data, and demo mode's accounts and data.
 */
async function prepare(dataSource: DataSource): Promise<void> {
  const applied = await dataSource.runMigrations();
  if (applied.length > 0) say(`applied ${applied.length} migration(s)`);
  // A data set load cut off between its two halves' commits holds its locks until ended.
  for (const ended of await resolveInterruptedLoads(dataSource)) say(`interrupted load: ${ended}`);
  const demoData = await demoDataProblem(dataSource);
  if (demoData) throw new RefusedStart(demoData);
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
}

/** A start refused for a reason the operator must read: one line on stderr. */
class RefusedStart extends Error {}

/** The primary (or only) process: the database, the preparation, then one server or N workers. */
async function runPrimary(): Promise<void> {
  const database = await openDatabase('enrollment', say);
  const dataSource = connect(database.url);
  const stop = closer(dataSource, database);
  // Until the server is up, a signal still stops the embedded database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
  try {
    await dataSource.initialize();
    await prepare(dataSource);
    if (config.webConcurrency === 1) {
      await serve(dataSource, say, stop);
      say(readyLine);
      return;
    }
    await dataSource.destroy();
    superviseWorkers({
      count: config.webConcurrency,
      databaseUrl: database.url,
      say,
      ready: () => say(`${readyLine}, ${config.webConcurrency} workers`),
      afterStop: closer(null, database),
    });
  } catch (error) {
    if (error instanceof RefusedStart) process.stderr.write(`${error.message}\n`);
    else log('error', 'api.startup_failed', { message: redact(String(error)) });
    await stop(1);
  }
}

/** A cluster worker: the primary prepared the database and passed its address. */
async function runWorker(): Promise<void> {
  const dataSource = connect(config.databaseUrl!);
  const stop = closer(dataSource, null);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
  try {
    await dataSource.initialize();
    await serve(dataSource, say, stop);
  } catch (error) {
    log('error', 'api.startup_failed', { message: `${worker}${redact(String(error))}` });
    await stop(1);
  }
}

await (cluster.isWorker ? runWorker() : runPrimary());
