// Restores a dump of `npm run backup` into a new database on the server (DATABASE_URL's, else the
// embedded one) and prints every table's rows (issue 20; docs/operations.md, "Backup and
// restore"). Usage, from the repository's root:
//   npm run restore -- FILE                       into enrollment_restored_<UTC time>
//   npm run restore -- FILE --database NAME       into NAME, refused if it holds tables
//   npm run restore -- FILE --database NAME --replace   NAME dropped once the restore succeeded
// FILE is relative to the repository's root. The roles the dump grants to (enrollment_app) must
// exist on the server first.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDatabase } from '../db/backup.js';
import { config } from '../config.js';
import { openDatabase, withDatabaseName } from '../db/database.js';
import { describeTool } from '../db/pg-tools.js';
import { runThenExit, shown, utcStamp } from './backup-support.js';
import { repoRoot } from '../paths.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { database: { type: 'string' }, replace: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- FILE [--database NAME] [--replace]');
  process.exit(2);
}
const file = path.resolve(repoRoot, positionals[0]!);
const target =
  values.database ?? `enrollment_restored_${utcStamp().replace('T', '_').slice(0, -1)}`;

const server = await openDatabase('postgres');
await runThenExit('restore', server, async () => {
  const adminUrl = withDatabaseName(server.url, 'postgres');
  const done = await restoreDatabase(file, adminUrl, target, { replace: values.replace });
  console.log(
    `restored ${shown(file)} into database ${done.database} in ${done.seconds.toFixed(1)} s (${describeTool(done.pgRestore)})`,
  );
  const width = Math.max(...done.rowCounts.map((t) => t.table.length));
  for (const { table, rows } of done.rowCounts)
    console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString('en-PH').padStart(12)}`);
  const total = done.rowCounts.reduce((sum, t) => sum + t.rows, 0);
  console.log(`  ${done.rowCounts.length} tables, ${total.toLocaleString('en-PH')} rows`);
  if (config.databaseUrl) console.log(`the API serves it once DATABASE_URL names ${done.database}`);
  else if (done.database !== 'enrollment')
    console.log(
      "the embedded server's API serves the database enrollment: to serve this dump, stop the API and restore with --database enrollment --replace",
    );
});
