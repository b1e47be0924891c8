import { randomUUID } from 'node:crypto';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, openTestDataSource } from '../../test/harness.js';
import { audit, auditSavepoint } from '../modules/audit/audit.service.js';
import { type Viewer } from '../modules/auth/viewer.js';
import { inViewerScope } from './scoped.js';

let dataSource: DataSource;
let viewer: Viewer;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 500743 });
  viewer = {
    accountId: account.id,
    username: account.username,
    role: Role.SCHOOL_REGISTRAR,
    scope: { kind: 'SCHOOL', schoolId: 500743 },
  };
});
afterAll(() => dataSource.destroy());

/** The audit entries of one test, by the entity id it made up. */
const entries = async (entityId: string) =>
  (
    await dataSource.query<{ action: string; after: unknown }[]>(
      'SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY id',
      [entityId],
    )
  ).map((r) => [r.action, r.after]);

describe('audit entries held for the COMMIT of inViewerScope', () => {
  it('writes them with the commit, values quoted whatever they hold', async () => {
    const id = randomUUID().slice(0, 30);
    const odd = `O'Brien "Ñiño" \\ ; DROP TABLE learner; --`;
    await inViewerScope(dataSource, viewer, async (manager) => {
      await audit(manager, viewer, { action: 'TEST_ONE', entity: 'test', entityId: id });
      await audit(manager, viewer, {
        action: 'TEST_TWO',
        entity: 'test',
        entityId: id,
        after: { name: odd },
      });
      // Held: not in the database before the commit.
      const rows = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1',
        [id],
      );
      expect(rows).toEqual([{ n: 0 }]);
    });
    expect(await entries(id)).toEqual([
      ['TEST_ONE', null],
      ['TEST_TWO', { name: odd }],
    ]);
  });

  it('drops them when the transaction fails', async () => {
    const id = randomUUID().slice(0, 30);
    await expect(
      inViewerScope(dataSource, viewer, async (manager) => {
        await audit(manager, viewer, { action: 'TEST_ONE', entity: 'test', entityId: id });
        throw new Error('refused after the audit');
      }),
    ).rejects.toThrow('refused after the audit');
    expect(await entries(id)).toEqual([]);
  });

  it('fails the commit, and writes nothing, when an entry cannot be written', async () => {
    const id = randomUUID().slice(0, 30);
    await expect(
      inViewerScope(dataSource, viewer, async (manager) => {
        // action is varchar(40): too long, so the INSERT sent with the COMMIT fails.
        await audit(manager, viewer, { action: 'X'.repeat(41), entity: 'test', entityId: id });
      }),
    ).rejects.toThrow(/too long/);
    expect(await entries(id)).toEqual([]);
  });

  it('forgets those held after a savepoint that is rolled back, keeps those before', async () => {
    const id = randomUUID().slice(0, 30);
    await inViewerScope(dataSource, viewer, async (manager) => {
      await audit(manager, viewer, { action: 'BEFORE', entity: 'test', entityId: id });
      const undo = auditSavepoint(manager);
      await manager.query('SAVEPOINT s');
      await audit(manager, viewer, { action: 'INSIDE', entity: 'test', entityId: id });
      await manager.query('ROLLBACK TO SAVEPOINT s');
      undo();
      await audit(manager, viewer, { action: 'AFTER', entity: 'test', entityId: id });
    });
    expect(await entries(id)).toEqual([
      ['BEFORE', null],
      ['AFTER', null],
    ]);
  });
});
