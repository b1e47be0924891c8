import { type EntityManager } from 'typeorm';
import { type Viewer } from '../auth/viewer.js';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends to the audit trail inside the caller's transaction: it commits or rolls back with it. */
export async function audit(
  manager: EntityManager,
  viewer: Viewer | null,
  record: AuditRecord,
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_event (account_id, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      viewer?.accountId ?? null,
      record.action,
      record.entity,
      record.entityId ?? null,
      record.before ? JSON.stringify(record.before) : null,
      record.after ? JSON.stringify(record.after) : null,
    ],
  );
}
