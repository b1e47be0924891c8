import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every write, and every view of a learner's personal data: who, when, what, before and after.
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, for every role.
 */
@Entity('audit_event')
@Index('IDX_audit_event_entity', ['entity', 'entityId', 'at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  /** What happened: LEARNER_CREATED, LEARNER_VIEWED, LEARNER_SEARCHED, LRN_ISSUED, … */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 40, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
