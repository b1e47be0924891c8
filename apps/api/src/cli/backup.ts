// Dumps the database (DATABASE_URL, else the embedded server's `enrollment`) in pg_dump's custom
// format (issue 20; docs/operations.md, "Backup and restore"). Usage, from the repository's root:
//   npm run backup                    to .data/backups/<database>-<UTC time>.dump
//   npm run backup -- --out FILE      to FILE (relative to the repository's root); never overwritten
// pg_dump is PG_BIN_DIR's, else the bundled PostgreSQL 18 client, else the PATH's (db/pg-tools.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../db/backup.js';
import { openDatabase } from '../db/database.js';
import { describeTool } from '../db/pg-tools.js';
import { runThenExit, shown, utcStamp } from './backup-support.js';
import { repoRoot } from '../paths.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

const database = await openDatabase('enrollment');
await runThenExit('backup', database, async () => {
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  const file = values.out
    ? path.resolve(repoRoot, values.out)
    : path.join(repoRoot, '.data', 'backups', `${name}-${utcStamp()}.dump`);
  const done = await backupDatabase(database.url, file);
  console.log(
    `backup of ${name}: ${shown(done.file)}, ${megabytes(done.bytes)} in ${done.seconds.toFixed(1)} s ` +
      `(${describeTool(done.pgDump)}, server PostgreSQL ${done.serverVersion})`,
  );
});

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
