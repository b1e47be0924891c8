import { type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { type Viewer } from '../modules/auth/viewer.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const scopeKinds = new Set(['SCHOOL', 'DIVISION', 'REGION', 'NATION']);

/**
 * The statement that opens a scoped transaction: the unprivileged role and the viewer's scope as
 * transaction-local settings. Sent with START TRANSACTION in one round trip, so its values are
 * literals; each is checked against its exact shape first (they come from a verified token).
 */
function openStatement(viewer: Viewer, synchronousCommit: 'on' | 'off'): string {
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
  return `START TRANSACTION; SELECT ${settings
    .map(([name, value]) => `set_config('${name}', '${value}', true)`)
    .join(', ')}`;
}

/**
 * Runs `work` in one transaction as the unprivileged `enrollment_app` role with the viewer's scope
 * set for row-level security, so a mistake in a resolver cannot reach rows outside the scope.
 */
export async function inViewerScope<T>(
  dataSource: DataSource,
  viewer: Viewer,
  work: (manager: EntityManager) => Promise<T>,
  options: { readMostly?: boolean } = {},
): Promise<T> {
  // Reads that only append to the audit trail need not wait for the WAL flush at commit: a crash
  // could lose the last moments of search and view records, never an enrollment or a profile.
  const open = openStatement(viewer, options.readMostly ? 'off' : 'on');
  // The query runner's class declares the flag writable; the QueryRunner interface, read-only.
  const runner = dataSource.createQueryRunner() as QueryRunner & { isTransactionActive: boolean };
  try {
    await runner.connect();
    // No parameters: the simple protocol, which takes both statements in one message.
    await runner.query(open);
    // The transaction is ours: TypeORM must not open or commit one of its own inside it.
    runner.isTransactionActive = true;
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      runner.isTransactionActive = false;
    }
  } finally {
    await runner.release();
  }
}
