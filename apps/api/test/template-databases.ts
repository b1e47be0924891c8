import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  withClient,
  withDatabaseName,
} from '../src/db/database.js';
import { entities } from '../src/entities.js';
import { loadReferenceData } from '../src/modules/reference-data/reference-data.seed.js';

/**
 * Databases the tests build once and copy: a load of six demo school years takes one to three
 * minutes on two busy cores, a copy about 3 s.
 */

/**
 * A database built by `build` unless it exists (under an advisory lock on its name, so the other
 * workers wait for the one building it), from `from` as a template when given, then closed to
 * connections so that it can be a template itself. A build that fails leaves nothing behind.
 */
export function builtOnce(
  adminUrl: string,
  name: string,
  build: (dataSource: DataSource) => Promise<void>,
  from?: string,
): Promise<string> {
  return withClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return name;
    if (from) await copyDatabase(adminUrl, from, name);
    else await createDatabaseIfMissing(adminUrl, name);
    try {
      const dataSource = createDataSource(withDatabaseName(adminUrl, name), {
        entities,
        poolSize: 6,
      });
      await dataSource.initialize();
      try {
        await build(dataSource);
      } finally {
        await dataSource.destroy();
      }
      // No connections from now on, autovacuum's included, so CREATE DATABASE … TEMPLATE can copy.
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} ALLOW_CONNECTIONS false`);
    } catch (error) {
      await dropDatabase(adminUrl, name);
      throw error;
    }
    return name;
  });
}

/**
 * A copy of the template; a session still leaving it (55006) is waited for, briefly. Copied file
 * by file (STRATEGY FILE_COPY, PostgreSQL 15 on): the default writes every page to the WAL, 5.8 s
 * against 2.5 s for a 1.4 GB database here, and each browser file and calendar day copies one.
 */
export function copyDatabase(adminUrl: string, template: string, name: string) {
  return withClient(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)} STRATEGY FILE_COPY`,
        );
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
}

/** The names of the server's databases LIKE the pattern. */
export function databasesNamed(adminUrl: string, pattern: string): Promise<string[]> {
  return withClient(adminUrl, async (client) => {
    const found = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [pattern],
    );
    return found.rows.map((row) => row.datname);
  });
}

const apiRoot = path.resolve(import.meta.dirname, '..');
/**
 * What a built world is made of: the schema, the loaders, the policy and the data sets, and the
 * tests' code that builds it.
 */
const sources = [
  path.join(apiRoot, 'src'),
  path.join(apiRoot, 'data'),
  path.join(apiRoot, '..', '..', 'packages', 'domain', 'src'),
];
const builders = [
  path.join(apiRoot, 'test', 'template-databases.ts'),
  path.join(apiRoot, 'test', 'e2e', 'dashboard-support.ts'),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

let sourceHash: string | undefined;

/**
 * The prefix of the databases the tests keep between runs (`kept_<hash>_…`): a hash of every
 * source file they are built from, so a change to the migrations, the loaders, the policy or the
 * data sets builds new ones. global-setup.ts drops those of other hashes (dropStaleKept).
 */
function keptPrefix(): string {
  if (!sourceHash) {
    const hash = createHash('sha256');
    for (const file of [...sources.flatMap(filesUnder), ...builders]) {
      hash.update(path.relative(apiRoot, file)).update('\0').update(readFileSync(file));
    }
    sourceHash = hash.digest('hex').slice(0, 12);
  }
  return `kept_${sourceHash}`;
}

/**
 * The prefix of the dashboard's shared school years (`kept_<hash>_dashboard_<year>`): `npm test`
 * builds them and `npm run test:calendar`'s thirteen days copy them, as does the next `npm test`.
 */
export function dashboardBasePrefix(): string {
  return `${keptPrefix()}_dashboard`;
}

/**
 * A database migrated and loaded with the reference data, kept between runs: each run's test
 * database and each file's own are copies of it, instead of migrating and loading again in each of
 * `.ci/run`'s fifteen runs and a dozen files of each.
 */
export function schemaTemplate(adminUrl: string): Promise<string> {
  return builtOnce(adminUrl, `${keptPrefix()}_schema`, async (dataSource) => {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
  });
}

/**
 * Drops the kept databases of other sources than this checkout's (another hash), and the bases of
 * the calendar runs before they were kept (`dashboard_base_<pid>_<year>`).
 */
export async function dropStaleKept(adminUrl: string) {
  const current = `${keptPrefix()}_`;
  for (const pattern of ['kept\\_%', 'dashboard\\_base\\_%']) {
    for (const name of await databasesNamed(adminUrl, pattern)) {
      if (!name.startsWith(current)) await dropDatabase(adminUrl, name);
    }
  }
}
