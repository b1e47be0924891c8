import { type EntityManager } from 'typeorm';
import { type AuditRecord, heldAuditSavepoint, holdAudit } from '../../db/held-audit.js';
import { type Viewer } from '../auth/viewer.js';

export { type AuditRecord } from '../../db/held-audit.js';

/** Appends to the audit trail inside the caller's transaction: it commits or rolls back with it. */
export function audit(
  manager: EntityManager,
  viewer: Viewer | null,
  record: AuditRecord,
): Promise<void> {
  return auditAll(manager, viewer, [record]);
}

/**
 * Before a savepoint: returns what undoes the entries held since, for a ROLLBACK TO SAVEPOINT
 * (the rows written directly are undone by the database itself).
 */
export function auditSavepoint(manager: EntityManager): () => void {
  return heldAuditSavepoint(manager);
}

/** Several entries in one statement, or held for the COMMIT when the transaction does that. */
export async function auditAll(
  manager: EntityManager,
  viewer: Viewer | null,
  records: AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  if (holdAudit(manager, viewer?.accountId ?? null, records)) return;
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
