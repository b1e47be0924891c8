import { transferDocuments } from '@repo/domain/transfer';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { LearnerEntity } from '../learner/learner.entity.js';

/**
 * A school taking in another school's learner (issue 18): by a move during the year, or by
 * enrolling or registering a learner another school holds. Who, when, why, on what papers, and
 * what the origin's enrollment was before, so that the origin's division can reverse it exactly
 * within 30 days (reverse_learner_transfer). The origin school and both divisions read it.
 */
@Entity('learner_transfer')
@Index('IDX_learner_transfer_from_division', ['fromDivisionId', 'recordedOn'])
@Index('IDX_learner_transfer_to_division', ['toDivisionId', 'recordedOn'])
@Index('IDX_learner_transfer_to_school_day', ['toSchoolId', 'recordedOn'])
@Index('IDX_learner_transfer_account_day', ['recordedBy', 'recordedOn'])
@Check('CHK_learner_transfer_kind', `"kind" IN ('MOVED_IN', 'ENROLLED', 'REGISTERED')`)
@Check(
  'CHK_learner_transfer_document',
  `"document_seen" IN (${transferDocuments.map((d) => `'${d}'`).join(', ')})`,
)
@Check(
  'CHK_learner_transfer_basis',
  `"proof_basis" IN ('LRN_AND_BIRTH_DATE', 'NAME_BIRTH_DATE_AND_SCHOOL', 'ALREADY_HELD')`,
)
export class LearnerTransferEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'learner_id', type: 'bigint' })
  learnerId: string;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'FK_learner_transfer_learner' })
  learner?: Relation<LearnerEntity>;

  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  /** How the school took the learner in: a move (§V.E), an enrollment, an early registration. */
  @Column({ type: 'varchar', length: 12 })
  kind: 'MOVED_IN' | 'ENROLLED' | 'REGISTERED';

  /** The school the learner comes from: of the enrollment moved out, else the latest one. */
  @Column({ name: 'from_school_id', type: 'int', nullable: true })
  fromSchoolId: number | null;

  @Column({ name: 'from_division_id', type: 'int', nullable: true })
  fromDivisionId: number | null;

  @Column({ name: 'to_school_id', type: 'int' })
  toSchoolId: number;

  @Column({ name: 'to_division_id', type: 'int' })
  toDivisionId: number;

  /** The origin's enrollment the move closed, with what it was before (for the reversal). */
  @Column({ name: 'from_enrollment_id', type: 'bigint', nullable: true })
  fromEnrollmentId: string | null;

  @Column({ name: 'from_before', type: 'jsonb', nullable: true })
  fromBefore: { status: string; left_on: string | null; transferred_out: boolean } | null;

  /** The origin's enrollment version after the move: a later change makes it irreversible. */
  @Column({ name: 'from_version', type: 'int', nullable: true })
  fromVersion: number | null;

  @Column({ name: 'to_enrollment_id', type: 'bigint' })
  toEnrollmentId: string;

  @Column({ name: 'to_version', type: 'int' })
  toVersion: number;

  /** Whether this admission linked the learner to the school (undone by a reversal). */
  @Column({ name: 'linked_school', type: 'boolean' })
  linkedSchool: boolean;

  /** How the school proved it holds the papers; ALREADY_HELD for a learner it had already. */
  @Column({ name: 'proof_basis', type: 'varchar', length: 32 })
  proofBasis: string;

  /** The papers seen and why; none for a move of a learner the school held already. */
  @Column({ name: 'document_seen', type: 'varchar', length: 40, nullable: true })
  documentSeen: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason: string | null;

  /** The day of the move or enrollment the school gave. */
  @Column({ name: 'moved_on', type: 'date' })
  movedOn: string;

  /** The app's day when it was recorded: the 30 days of the reversal run from it. */
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'reversed_on', type: 'date', nullable: true })
  reversedOn: string | null;

  @Column({ name: 'reversed_by', type: 'uuid', nullable: true })
  reversedBy: string | null;

  @Column({ name: 'reversal_reason', type: 'varchar', length: 300, nullable: true })
  reversalReason: string | null;
}
