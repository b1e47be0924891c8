import { type DataSource, type EntityManager } from 'typeorm';
import { type Viewer } from '../modules/auth/viewer.js';

/**
 * Runs `work` in one transaction as the unprivileged `enrollment_app` role with the viewer's scope
 * set for row-level security, so a mistake in a resolver cannot reach rows outside the scope.
 */
export function inViewerScope<T>(
  dataSource: DataSource,
  viewer: Viewer,
  work: (manager: EntityManager) => Promise<T>,
  options: { readMostly?: boolean } = {},
): Promise<T> {
  const { scope } = viewer;
  // Reads that only append to the audit trail need not wait for the WAL flush at commit: a crash
  // could lose the last moments of search and view records, never an enrollment or a profile.
  const synchronousCommit = options.readMostly ? 'off' : 'on';
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `SELECT set_config('role', 'enrollment_app', true),
              set_config('app.account_id', $1, true),
              set_config('app.scope_kind', $2, true),
              set_config('app.school_id', $3, true),
              set_config('app.division_id', $4, true),
              set_config('app.region_id', $5, true),
              set_config('synchronous_commit', $6, true)`,
      [
        viewer.accountId,
        scope.kind,
        scope.kind === 'SCHOOL' ? String(scope.schoolId) : '',
        scope.kind === 'DIVISION' ? String(scope.divisionId) : '',
        scope.kind === 'REGION' ? String(scope.regionId) : '',
        synchronousCommit,
      ],
    );
    return work(manager);
  });
}
