import { type EntityManager, type QueryRunner } from 'typeorm';
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

interface HeldRecord {
  accountId: string | null;
  record: AuditRecord;
}

/**
 * Entries of a transaction that writes them together with its COMMIT (`inViewerScope`): one
 * message instead of one round trip per entry. They still commit or roll back with the
 * transaction: the INSERT fails the COMMIT that follows it in the same message.
 */
const heldUntilCommit = new WeakMap<QueryRunner, HeldRecord[]>();

export function holdAuditUntilCommit(runner: QueryRunner): void {
  heldUntilCommit.set(runner, []);
}

/** The held entries as one INSERT, with values quoted by `literal`; null when there are none. */
export function releaseHeldAudit(
  runner: QueryRunner,
  literal: (value: string | null) => string,
): string | null {
  const held = heldUntilCommit.get(runner) ?? [];
  heldUntilCommit.delete(runner);
  if (held.length === 0) return null;
  const json = (value: Record<string, unknown> | null | undefined) =>
    value ? `${literal(JSON.stringify(value))}::jsonb` : 'NULL';
  const rows = held.map(
    ({ accountId, record: r }) =>
      `(${accountId === null ? 'NULL' : `${literal(accountId)}::uuid`}, ${literal(r.action)}, ${literal(r.entity)}, ${literal(r.entityId ?? null)}, ${json(r.before)}, ${json(r.after)})`,
  );
  return `INSERT INTO audit_event (account_id, action, entity, entity_id, before, after) VALUES ${rows.join(', ')}`;
}

export function dropHeldAudit(runner: QueryRunner): void {
  heldUntilCommit.delete(runner);
}

/**
 * Before a savepoint: returns what undoes the entries held since, for a ROLLBACK TO SAVEPOINT
 * (the rows written directly are undone by the database itself).
 */
export function auditSavepoint(manager: EntityManager): () => void {
  const held = manager.queryRunner ? heldUntilCommit.get(manager.queryRunner) : undefined;
  const mark = held?.length ?? 0;
  return () => {
    held?.splice(mark);
  };
}

/** Several entries in one statement, or held for the COMMIT when the transaction does that. */
export async function auditAll(
  manager: EntityManager,
  viewer: Viewer | null,
  records: AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const held = manager.queryRunner ? heldUntilCommit.get(manager.queryRunner) : undefined;
  if (held) {
    held.push(...records.map((record) => ({ accountId: viewer?.accountId ?? null, record })));
    return;
  }
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
