import { type EntityManager, type QueryRunner } from 'typeorm';

/** One entry of the audit trail (the `audit_event` table). */
export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** A value written into SQL text with the driver's own quoting. */
type Literal = (value: string | null) => string;

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

const heldOf = (manager: EntityManager) =>
  manager.queryRunner ? heldUntilCommit.get(manager.queryRunner) : undefined;

export function holdAuditUntilCommit(runner: QueryRunner): void {
  heldUntilCommit.set(runner, []);
}

/**
 * Holds the entries for the COMMIT when the manager's transaction does that; false when it does
 * not (the caller then writes them itself).
 */
export function holdAudit(
  manager: EntityManager,
  accountId: string | null,
  records: readonly AuditRecord[],
): boolean {
  const held = heldOf(manager);
  if (!held) return false;
  held.push(...records.map((record) => ({ accountId, record })));
  return true;
}

/** The held entries as one INSERT, with values quoted by `literal`; null when there are none. */
export function releaseHeldAudit(runner: QueryRunner, literal: Literal): string | null {
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
export function heldAuditSavepoint(manager: EntityManager): () => void {
  const held = heldOf(manager);
  const mark = held?.length ?? 0;
  return () => {
    held?.splice(mark);
  };
}
