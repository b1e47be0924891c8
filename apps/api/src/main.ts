import { createApp } from './app.js';
import { createDataSource } from './db/data-source.js';
import { openDatabase } from './db/database.js';
import { demoMode } from './config.js';
import { ensureDemoAccounts, removeDemoAccounts } from './modules/auth/demo-accounts.js';
import { ensureDemoData } from './modules/datasets/demo-data.js';
import { loadReferenceData } from './modules/reference-data/reference-data.seed.js';
import { startRollupApplier } from './modules/reporting/rollup-applier.js';

const log = (message: string) => console.log(`[api] ${message}`);
const port = Number(process.env.PORT ?? 4000);

const database = await openDatabase('enrollment', log);
const dataSource = createDataSource(database.url);
let stopping = false;
let stopApplier: (() => Promise<void>) | null = null;

async function shutdown(signal: string, app?: Awaited<ReturnType<typeof createApp>>) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  // Apollo's drain plugin closes the HTTP server once in-flight requests finish.
  await app?.apollo.stop().catch((error: unknown) => log(`stopping the server: ${String(error)}`));
  await stopApplier?.();
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.release();
  log('stopped');
  process.exit(0);
}

// Until the server is up, a signal still stops the embedded database.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutdown(signal));
}

try {
  await dataSource.initialize();
  const applied = await dataSource.runMigrations();
  if (applied.length > 0) log(`applied ${applied.length} migration(s)`);
  for (const result of await loadReferenceData(dataSource)) {
    if (!result.skipped) log(`loaded ${result.rows} ${result.file}`);
  }
  if (demoMode) {
    await ensureDemoAccounts(dataSource);
    await ensureDemoData(dataSource, log);
    log(
      'demo mode: accounts registrar, head, als, division, region, analyst, admin (password "demo")',
    );
  } else {
    const removed = await removeDemoAccounts(dataSource);
    if (removed > 0) log(`removed ${removed} demo account(s): not in demo mode`);
  }
  const app = await createApp(dataSource);
  stopApplier = startRollupApplier(dataSource, log);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal, app));
  }
  await new Promise<void>((resolve) => app.httpServer.listen(port, resolve));
  log(`ready at http://localhost:${port} (GraphQL at /graphql, health at /health)`);
} catch (error) {
  console.error(error);
  await shutdown('startup failure');
}
