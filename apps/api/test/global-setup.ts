import { type TestProject } from 'vitest/node';
import { createDataSource } from '../src/db/data-source.js';
import { entities } from '../src/entities.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  withClient,
  withDatabaseName,
} from '../src/db/database.js';
import { loadReferenceData } from '../src/modules/reference-data/reference-data.seed.js';

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
  await dropOrphanedBases(server.url);
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
    // The browser files' dashboard worlds are copies of templates named after this run's
    // database (test/e2e/dashboard-support.ts): dropped with it.
    for (const template of await databasesNamed(server.url, `${name}_dashboard_%`)) {
      await dropDatabase(server.url, template);
    }
    await dropDatabase(server.url, name);
    // The calendar's last day drops the school years its days shared (scripts/test-calendar.js).
    const base = process.env.DASHBOARD_BASE;
    if (base && process.env.DASHBOARD_BASE_DROP === '1') {
      for (const shared of await databasesNamed(server.url, `${base}_%`)) {
        await dropDatabase(server.url, shared);
      }
    }
    await server.release();
  };
}

function databasesNamed(adminUrl: string, pattern: string): Promise<string[]> {
  return withClient(adminUrl, async (client) => {
    const found = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    return found.rows.map((row) => row.datname);
  });
}

/**
 * Shared dashboard bases (`dashboard_base_<pid>_<year>`) of a calendar run that is gone, stopped
 * before its last day could drop them.
 */
async function dropOrphanedBases(adminUrl: string) {
  for (const name of await databasesNamed(adminUrl, 'dashboard_base_%')) {
    const pid = Number(/^dashboard_base_(\d+)_/.exec(name)?.[1]);
    if (Number.isInteger(pid) && !alive(pid)) await dropDatabase(adminUrl, name);
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
