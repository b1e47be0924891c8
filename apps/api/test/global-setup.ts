import { type TestProject } from 'vitest/node';
import { createDataSource } from '../src/db/data-source.js';
import { entities } from '../src/entities.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  withDatabaseName,
} from '../src/db/database.js';
import { loadReferenceData } from '../src/modules/reference-data/reference-data.seed.js';
import { dashboardBasePrefix, databasesNamed } from './template-databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One throwaway database per run, on the embedded server (started here unless another of our
 * processes owns it) or on DATABASE_URL's server. Migrated and loaded with reference data once;
 * each test then creates its own rows.
 */
export default async function setup(project: TestProject) {
  const server = await openDatabase('postgres');
  await dropStaleBases(server.url);
  const name = `test_${Date.now()}_${process.pid}`;
  await createDatabaseIfMissing(server.url, name);
  const url = withDatabaseName(server.url, name);
  const dataSource = createDataSource(url, { entities, poolSize: 2 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
  project.provide('databaseUrl', url);

  return async () => {
    // The templates of this run (the dashboard's worlds of a day, the demo's first day: test/e2e/
    // dashboard-support.ts, test/demo-database.ts) are named after its database: dropped with it.
    for (const template of await databasesNamed(server.url, `${name}_%`)) {
      await dropDatabase(server.url, template);
    }
    await dropDatabase(server.url, name);
    await server.release();
  };
}

/**
 * The dashboard's shared school years built from other sources than this checkout's (another hash:
 * test/template-databases.ts), and those of the calendar runs before bases were kept
 * (`dashboard_base_<pid>_<year>`). The base of this checkout's sources stays for the next run.
 */
async function dropStaleBases(adminUrl: string) {
  const current = `${dashboardBasePrefix()}_`;
  for (const name of await databasesNamed(adminUrl, 'dashboard\\_base\\_%')) {
    if (!name.startsWith(current)) await dropDatabase(adminUrl, name);
  }
}
