// `npm run backup` and `npm run restore` (issue 20): a custom-format pg_dump of the database, and
// its restore into a new database with the row count of every table. docs/operations.md says how
// to run them nightly, what the target server needs first (the roles), and how to check a restore.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dropDatabase, withDatabaseName } from './database.js';
import {
  clientConnection,
  describeTool,
  newestPgRestore,
  pgDumpFor,
  pgRestoreFor,
  type FoundTool,
  type ToolOptions,
} from './pg-tools.js';

const run = promisify(execFile);
/** pg_restore's listing and a schema's SQL fit well within this. */
const maxBuffer = 256 * 1024 * 1024;

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  pgDump: FoundTool;
  serverVersion: string;
}

/**
 * Dumps the database at `url` to `file` in pg_dump's custom format (compressed; pg_restore can
 * pick from it). Written to `file.partial` and renamed when pg_dump has finished, so a file by the
 * name is always a whole dump; an existing file is never overwritten.
 */
export async function backupDatabase(
  url: string,
  file: string,
  options: ToolOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(file)) throw new Error(`${file} exists already: a backup is never overwritten`);
  const { tool, server } = await pgDumpFor(url, options);
  // Learners' personal data: the folder and the file are the owner's alone (pg_dump keeps the
  // mode of a file that exists).
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  await writeFile(partial, '', { mode: 0o600 });
  await chmod(partial, 0o600);
  const { dbname, env } = clientConnection(url);
  try {
    await run(
      tool.command,
      ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`],
      { env, maxBuffer },
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(`${describeTool(tool)} failed: ${toolError(error)}`);
  }
  return {
    file,
    bytes: (await stat(file)).size,
    seconds: (performance.now() - started) / 1000,
    pgDump: tool,
    serverVersion: server.version,
  };
}

export interface RestoreResult {
  database: string;
  seconds: number;
  pgRestore: FoundTool;
  /** Every table of the restored database with its rows, by schema and name. */
  rowCounts: TableRows[];
}

export interface TableRows {
  table: string;
  rows: number;
}

/**
 * Restores a custom-format dump into `database` on the server of `adminUrl` (its maintenance
 * database). pg_restore fills a staging database made from template0, with --no-owner (objects
 * belong to the user restoring, who is the user the API connects as) and --exit-on-error in one
 * transaction; only a whole restore, analysed (statistics are not in a dump), takes the name, so a
 * failure leaves the server as it was. A database of that name with tables is refused, or with
 * `replace` dropped at that last step. The roles the dump grants to must exist on the server
 * first: roles are not in a dump of one database.
 */
export async function restoreDatabase(
  file: string,
  adminUrl: string,
  database: string,
  options: ToolOptions & { replace?: boolean } = {},
): Promise<RestoreResult> {
  const started = performance.now();
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  const tool = await pgRestoreFor(adminUrl, await dumpedBy(file, options), options);
  const staging = `restoring_${Date.now()}_${process.pid}`;
  const stagingUrl = withDatabaseName(adminUrl, staging);
  await withClient(adminUrl, async (admin) => {
    await refuseMissingRoles(admin, await rolesGrantedIn(tool, file));
    await refuseOccupied(admin, adminUrl, database, options.replace ?? false);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(staging)} TEMPLATE template0`);
  });
  let rowCounts: TableRows[];
  try {
    const { dbname, env } = clientConnection(stagingUrl);
    await run(
      tool.command,
      [
        '--no-owner',
        '--exit-on-error',
        '--single-transaction',
        '--no-password',
        '-d',
        dbname,
        file,
      ],
      { env, maxBuffer },
    ).catch((error: unknown) => {
      throw new Error(`${describeTool(tool)} failed: ${toolError(error)}`);
    });
    rowCounts = await withClient(stagingUrl, async (client) => {
      await client.query('ANALYZE');
      return tableRowCounts(client);
    });
  } catch (error) {
    await dropDatabase(adminUrl, staging);
    throw error;
  }
  await dropDatabase(adminUrl, database);
  await withClient(adminUrl, (admin) =>
    admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(staging)} RENAME TO ${admin.escapeIdentifier(database)}`,
    ),
  );
  return { database, seconds: (performance.now() - started) / 1000, pgRestore: tool, rowCounts };
}

/** The major version of the pg_dump that wrote the archive, as the newest pg_restore reads it. */
async function dumpedBy(file: string, options: ToolOptions): Promise<number> {
  const newest = await newestPgRestore(options);
  let listing: string;
  try {
    listing = (await run(newest.command, ['--list', file], { maxBuffer })).stdout;
  } catch (error) {
    throw new Error(`${file} is not a dump ${describeTool(newest)} can read: ${toolError(error)}`);
  }
  const version = /Dumped by pg_dump version: (\d+)/.exec(listing);
  if (!version) throw new Error(`${file}: its header names no pg_dump version`);
  return Number(version[1]);
}

/** The roles the dump's GRANT statements name (the app role enrollment_app, at least). */
async function rolesGrantedIn(tool: FoundTool, file: string): Promise<string[]> {
  const { stdout } = await run(tool.command, ['--schema-only', '--file=-', file], { maxBuffer });
  const roles = new Set<string>();
  for (const [, grantees] of stdout.matchAll(/^GRANT .* TO (.+?)( WITH GRANT OPTION)?;$/gm))
    for (const role of grantees!.split(', '))
      if (role !== 'PUBLIC') roles.add(role.replace(/^"(.*)"$/, '$1').replaceAll('""', '"'));
  return [...roles].sort();
}

async function refuseMissingRoles(admin: pg.Client, roles: string[]): Promise<void> {
  const { rows } = await admin.query<{ rolname: string }>(
    'SELECT rolname FROM pg_roles WHERE rolname = ANY ($1)',
    [roles],
  );
  const missing = roles.filter((role) => !rows.some((r) => r.rolname === role));
  if (missing.length > 0)
    throw new Error(
      `the server has no role ${missing.join(', ')}, which the dump grants to; create it first: CREATE ROLE ${missing.join(' NOLOGIN; CREATE ROLE ')} NOLOGIN; (docs/operations.md, "Backup and restore")`,
    );
}

/** A database of that name with tables is kept unless `replace` says otherwise. */
async function refuseOccupied(
  admin: pg.Client,
  adminUrl: string,
  database: string,
  replace: boolean,
) {
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0 || replace) return;
  const url = withDatabaseName(adminUrl, database);
  const tables = await withClient(url, async (client) => (await tableNames(client)).length);
  if (tables > 0)
    throw new Error(
      `database ${database} exists and holds ${tables} table(s): name a new one with --database, or give --replace to drop it once the restore has succeeded`,
    );
}

/** Every table outside the system schemas, from the catalog, as schema.name. */
export async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY n.nspname, c.relname`,
  );
  return rows.map((r) => r.name);
}

/** The exact row count of every table (not the planner's estimate). */
export async function tableRowCounts(client: pg.Client): Promise<TableRows[]> {
  const counts: TableRows[] = [];
  for (const table of await tableNames(client)) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts.push({ table: table.replace(/^public\./, ''), rows: Number(rows[0]!.n) });
  }
  return counts;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A failed tool's own words (its stderr's last lines), else the error's. */
function toolError(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  return stderr ? stderr.split('\n').slice(-3).join(' / ') : String(error);
}
