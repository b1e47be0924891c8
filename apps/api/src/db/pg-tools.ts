// Which pg_dump and pg_restore the backup commands run (issue 20). The rule: the folder PG_BIN_DIR
// names, when set, and nothing else; otherwise, of the PostgreSQL 18 client bundled through npm
// (pg-bundled.ts) and the PATH's (Debian 12: 15), the one of the server's major version, else the
// newest. Why the server's own version first:
// - pg_dump refuses a server of a later major version than its own, so an older one is refused
//   here, in one line that says what to do;
// - pg_restore writes settings of its own version to the server it restores into (pg_restore 18
//   sends `SET transaction_timeout`, which PostgreSQL 15 rejects), and reads only archives of
//   pg_dump versions up to its own: so a PostgreSQL 15 server is dumped and restored with the 15
//   client, the embedded 18 with the 18 one.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { config } from '../config.js';
import { bundledPgBinDir } from './pg-bundled.js';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

export interface FoundTool {
  /** What to execute: a path, or the bare name for the PATH's. */
  command: string;
  /** As `--version` says it, e.g. "18.0". */
  version: string;
  major: number;
  /** Where the rule found it, for messages. */
  from: 'PG_BIN_DIR' | 'bundled' | 'PATH';
}

/** The folder PG_BIN_DIR names, overridable by tests. */
export interface ToolOptions {
  binDir?: string | null;
}

/** Every copy of the tool the rule may choose from, newest first; throws when there is none. */
async function candidates(tool: PgTool, options: ToolOptions): Promise<FoundTool[]> {
  const binDir = options.binDir === undefined ? config.pgBinDir : options.binDir;
  if (binDir) {
    const command = path.join(binDir, tool);
    if (!existsSync(command)) throw new Error(`PG_BIN_DIR=${binDir} holds no ${tool}`);
    return [{ command, from: 'PG_BIN_DIR', ...(await versionOf(command)) }];
  }
  const found: FoundTool[] = [];
  const bundled = await bundledPgBinDir();
  if (bundled) {
    const command = path.join(bundled, tool);
    found.push({ command, from: 'bundled', ...(await versionOf(command)) });
  }
  const onPath = await versionOf(tool).catch(() => null);
  if (onPath) found.push({ command: tool, from: 'PATH', ...onPath });
  if (found.length === 0)
    throw new Error(
      `no ${tool} found: set PG_BIN_DIR to the bin folder of a PostgreSQL client (apt-get install postgresql-client)`,
    );
  return found.sort((a, b) => b.major - a.major);
}

/**
 * The copy of the server's major version if it is of `atLeast` or later, else the newest if it
 * is; otherwise a refusal naming the newest found.
 */
async function choose(
  tool: PgTool,
  server: number,
  atLeast: number,
  options: ToolOptions,
  refusal: (newest: FoundTool) => string,
): Promise<FoundTool> {
  const found = await candidates(tool, options);
  const chosen = found.find((t) => t.major === server && t.major >= atLeast) ?? found[0]!;
  if (chosen.major < atLeast) throw new Error(refusal(chosen));
  return chosen;
}

async function versionOf(command: string): Promise<{ version: string; major: number }> {
  const { stdout } = await run(command, ['--version']);
  const match = /\(PostgreSQL\) (\d+)(\.\d+)?/.exec(stdout);
  if (!match) throw new Error(`${command} --version said "${stdout.trim()}", not a version`);
  return { version: match[1]! + (match[2] ?? ''), major: Number(match[1]) };
}

export const describeTool = (tool: FoundTool) =>
  `${path.basename(tool.command)} ${tool.version} (${tool.from === 'PATH' ? 'from PATH' : tool.from === 'bundled' ? 'bundled' : tool.command})`;

/** The server's version, e.g. { version: "18.4", major: 18 }. */
export async function serverVersion(url: string): Promise<{ version: string; major: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT current_setting('server_version_num') AS n",
    );
    const n = Number(rows[0]!.n);
    const major = Math.floor(n / 10000);
    return { version: `${major}.${n % 10000}`, major };
  } finally {
    await client.end();
  }
}

/** The pg_dump for the server at `url`: of its major version or later, as pg_dump demands. */
export async function pgDumpFor(url: string, options: ToolOptions = {}) {
  const server = await serverVersion(url);
  const tool = await choose(
    'pg_dump',
    server.major,
    server.major,
    options,
    (newest) =>
      `${describeTool(newest)} is older than the server (PostgreSQL ${server.version}) and cannot dump it: set PG_BIN_DIR to the bin folder of PostgreSQL ${server.major} or later`,
  );
  return { tool, server };
}

/**
 * The pg_restore for an archive written by pg_dump `dumpedBy` (a major version), restored into
 * the server at `url`: of the server's version when it can read the archive.
 */
export async function pgRestoreFor(url: string, dumpedBy: number, options: ToolOptions = {}) {
  const server = await serverVersion(url);
  return choose(
    'pg_restore',
    server.major,
    dumpedBy,
    options,
    (newest) =>
      `the dump was written by pg_dump ${dumpedBy}; ${describeTool(newest)} cannot read it: set PG_BIN_DIR to the bin folder of PostgreSQL ${dumpedBy} or later`,
  );
}

/** The newest pg_restore there is, to read an archive's header with. */
export async function newestPgRestore(options: ToolOptions = {}): Promise<FoundTool> {
  return (await candidates('pg_restore', options))[0]!;
}

/**
 * How a PostgreSQL client program reaches the database at `url`: the URL without its password,
 * which goes in PGPASSWORD (never on a command line, where `ps` shows it). libpq reads the same
 * URLs as pg, a Unix socket's folder in the host included.
 */
export function clientConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}
