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
