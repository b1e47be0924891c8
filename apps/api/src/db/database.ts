import pg from 'pg';
import { config } from '../config.js';
import { ensureEmbeddedPostgres } from './embedded.js';

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server when this process owns it; otherwise does nothing. */
  release(): Promise<void>;
}

/**
 * `DATABASE_URL` when set; otherwise the repo's embedded PostgreSQL, with `database` created on
 * first use. Every entry point (server, tests, scripts) goes through here.
 */
export async function openDatabase(
  database = 'enrollment',
  log: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  const external = config.databaseUrl;
  if (external) return { url: external, release: () => Promise.resolve() };
  const server = await ensureEmbeddedPostgres(log);
  await createDatabaseIfMissing(server.adminUrl, database);
  return { url: server.urlFor(database), release: () => server.stop() };
}

/** One connection to `url` for the length of `work`, ended however `work` ends. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error) => {
        // Another process may have created it between our check and our CREATE.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  });
}

export function dropDatabase(adminUrl: string, database: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    const name = client.escapeIdentifier(database);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(async (error) => {
      // 42501: a role that is not a superuser may not end another role's process, and PostgreSQL
      // 15 counts an autovacuum worker as one (seen after a bulk load). Our own sessions end
      // here; a plain DROP DATABASE stops autovacuum itself.
      if ((error as { code?: string }).code !== '42501') throw error;
      await client.query(
        `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
         WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
        [database],
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  });
}

/** The same server, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
