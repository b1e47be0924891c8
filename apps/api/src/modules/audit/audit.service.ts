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
export function audit(
  manager: EntityManager,
  viewer: Viewer | null,
  record: AuditRecord,
): Promise<void> {
  return auditAll(manager, viewer, [record]);
}

/** Several entries in one statement. */
export async function auditAll(
  manager: EntityManager,
  viewer: Viewer | null,
  records: AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const json = (value: Record<string, unknown> | null | undefined) =>
    value ? JSON.stringify(value) : null;
  await manager.query(
    `INSERT INTO audit_event (account_id, action, entity, entity_id, before, after)
     SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[], $6::jsonb[])`,
    [
      viewer?.accountId ?? null,
      records.map((r) => r.action),
      records.map((r) => r.entity),
      records.map((r) => r.entityId ?? null),
      records.map((r) => json(r.before)),
      records.map((r) => json(r.after)),
    ],
  );
}
