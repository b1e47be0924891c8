import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AccountEntity } from './account.entity.js';

/**
 * One sign-in (issue 18): every access token names its session, and a token whose session has
 * ended is refused. A session ends by `logout`, at `expires_at`, or when its account is disabled,
 * deleted, or given another role, place or password (db/sql/account-session.sql).
 */
@Entity('account_session')
@Index('IDX_account_session_account', ['accountId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_account_session_account' })
  account: Relation<AccountEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The latest a token of this session may be renewed: the sign-in's working day. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'renewed_at', type: 'timestamptz', nullable: true })
  renewedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** LOGOUT, ACCOUNT_DISABLED, ROLE_OR_PLACE_CHANGED, PASSWORD_CHANGED. */
  @Column({ name: 'ended_reason', type: 'varchar', length: 30, nullable: true })
  endedReason: string | null;

  /** The client address the sign-in came from, for the account's owner and the audit. */
  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;
}
