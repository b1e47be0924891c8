import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A mutation's idempotency key (issue 5): the first request with a key acts and records what it
 * made; a retry with the same key gets that result instead of acting twice.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'varchar', length: 60 })
  operation: string;

  /** SHA-256 of the operation's input: the same key with another input is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  /** The id of what the first request made. */
  @Column({ name: 'result_id', type: 'varchar', length: 40, nullable: true })
  resultId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
