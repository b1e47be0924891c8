import { type PoolClient, type QueryResult } from 'pg';
import { type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { dropHeldAudit, holdAuditUntilCommit, releaseHeldAudit } from './held-audit.js';

/**
 * Whose transaction it is and the place row-level security limits it to: the shape of a verified
 * token's viewer (modules/auth's Viewer is one), declared here so db/ depends on no module.
 */
export interface ScopedViewer {
  accountId: string;
  scope:
    | { kind: 'SCHOOL'; schoolId: number }
    | { kind: 'DIVISION'; divisionId: number }
    | { kind: 'REGION'; regionId: number }
    | { kind: 'NATION' };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const scopeKinds = new Set(['SCHOOL', 'DIVISION', 'REGION', 'NATION']);

/**
 * The unprivileged role and the viewer's scope as transaction-local settings. Sent together with
 * what follows in one round trip, so its values are literals; each is checked against its exact
 * shape first (they come from a verified token).
 */
function scopeSettings(viewer: ScopedViewer, synchronousCommit: 'on' | 'off'): string {
  const { scope } = viewer;
  const id = (value: number) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error('scope id is not an id');
    return String(value);
  };
  if (!uuid.test(viewer.accountId)) throw new Error('account id is not a uuid');
  if (!scopeKinds.has(scope.kind)) throw new Error('unknown scope kind');
  const settings: [string, string][] = [
    ['role', 'enrollment_app'],
    ['app.account_id', viewer.accountId],
    ['app.scope_kind', scope.kind],
    ['app.school_id', scope.kind === 'SCHOOL' ? id(scope.schoolId) : ''],
    ['app.division_id', scope.kind === 'DIVISION' ? id(scope.divisionId) : ''],
    ['app.region_id', scope.kind === 'REGION' ? id(scope.regionId) : ''],
    ['synchronous_commit', synchronousCommit],
  ];
  return `SELECT ${settings
    .map(([name, value]) => `set_config('${name}', '${value}', true)`)
    .join(', ')}`;
}

/**
 * Runs `work` in one transaction as the unprivileged `enrollment_app` role with the viewer's scope
 * set for row-level security, so a mistake in a resolver cannot reach rows outside the scope.
 */
export async function inViewerScope<T>(
  dataSource: DataSource,
  viewer: ScopedViewer,
  work: (manager: EntityManager) => Promise<T>,
  options: { readMostly?: boolean } = {},
): Promise<T> {
  // Reads that only append to the audit trail need not wait for the WAL flush at commit: a crash
  // could lose the last moments of search and view records, never an enrollment or a profile.
  const open = `START TRANSACTION; ${scopeSettings(viewer, options.readMostly ? 'off' : 'on')}`;
  // The query runner's class declares the flag writable; the QueryRunner interface, read-only.
  const runner = dataSource.createQueryRunner() as QueryRunner & { isTransactionActive: boolean };
  try {
    const client = (await runner.connect()) as PoolClient;
    // No parameters: the simple protocol, which takes both statements in one message.
    await runner.query(open);
    // The transaction is ours: TypeORM must not open or commit one of its own inside it.
    runner.isTransactionActive = true;
    holdAuditUntilCommit(runner);
    try {
      const result = await work(runner.manager);
      // The audit trail's entries go with the COMMIT, in the same message.
      const entries = releaseHeldAudit(runner, (value) =>
        value === null ? 'NULL' : client.escapeLiteral(value),
      );
      await runner.query(entries ? `${entries}; COMMIT` : 'COMMIT');
      return result;
    } catch (error) {
      dropHeldAudit(runner);
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      runner.isTransactionActive = false;
    }
  } finally {
    await runner.release();
  }
}

/** A value written into SQL text: the driver's own quoting, for the one-message reads below. */
export type Literal = (value: string | null) => string;

/**
 * One statement under the viewer's scope, sent with the scope's settings in a single message: the
 * simple query protocol runs the two as one implicit transaction, so the settings last exactly as
 * long as the statement and the whole read costs one round trip. For reads that record themselves
 * (a search and its audit row in one statement); values go in through `literal`, which quotes with
 * the driver's escaping.
 */
export async function scopedStatement<T>(
  dataSource: DataSource,
  viewer: ScopedViewer,
  statement: (literal: Literal) => string,
): Promise<T[]> {
  const settings = scopeSettings(viewer, 'off');
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const literal: Literal = (value) => (value === null ? 'NULL' : client.escapeLiteral(value));
    const results = (await client.query(
      `${settings}; ${statement(literal)}`,
    )) as unknown as QueryResult[];
    return results[1]!.rows as T[];
  } finally {
    await runner.release();
  }
}
