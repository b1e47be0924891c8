// What a production start needs before it serves anyone (issue 20): each missing thing is one line
// that says what to do, and the process exits non-zero before it listens. Demo mode needs none.
import { type DataSource } from 'typeorm';
import { authSecret, config } from './config.js';

/** Why this process may not start in production as configured; null when it may. */
export function productionConfigProblem(): string | null {
  if (!config.production) return null;
  if (!config.databaseUrl)
    return 'NODE_ENV=production needs DATABASE_URL (postgres://user:password@host:5432/database): the embedded database is for demos';
  try {
    authSecret();
  } catch {
    return 'NODE_ENV=production needs AUTH_SECRET of at least 32 characters (for example `openssl rand -base64 48`)';
  }
  return null;
}

/**
 * A database once used in demo mode holds demo accounts, who may have registered learners: a
 * production start refuses it rather than deleting them (their rows reference them) or serving
 * alongside them.
 */
export async function demoDataProblem(dataSource: DataSource): Promise<string | null> {
  if (!config.production) return null;
  const [{ demo }] = await dataSource.query<[{ demo: number }]>(
    'SELECT count(*)::int AS demo FROM account WHERE is_demo',
  );
  return demo > 0
    ? `This database holds demo data (${demo} demo accounts): NODE_ENV=production needs a database of its own, never one used in demo mode`
    : null;
}
