import { type TestProject } from 'vitest/node';
import { dropDatabase, openDatabase, withDatabaseName } from '../src/db/database.js';
import {
  copyDatabase,
  databasesNamed,
  dropStaleKept,
  schemaTemplate,
} from './template-databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The migrated database with the reference data that test databases are copies of. */
    schemaTemplate: string;
  }
}

/**
 * One throwaway database per run, on the embedded server (started here unless another of our
 * processes owns it) or on DATABASE_URL's server: a copy of the kept database migrated and loaded
 * with the reference data (test/template-databases.ts); each test then creates its own rows.
 */
export default async function setup(project: TestProject) {
  const server = await openDatabase('postgres');
  await dropStaleKept(server.url);
  const template = await schemaTemplate(server.url);
  const name = `test_${Date.now()}_${process.pid}`;
  await copyDatabase(server.url, template, name);
  const url = withDatabaseName(server.url, name);
  project.provide('databaseUrl', url);
  project.provide('schemaTemplate', template);

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
