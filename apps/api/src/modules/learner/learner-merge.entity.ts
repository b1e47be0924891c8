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
import { AccountEntity } from '../auth/account.entity.js';
import { SchoolEntity } from '../school/school.entity.js';
import { LearnerEntity } from './learner.entity.js';

/**
 * Two records of one learner, folded into one (DO 03 s. 2018 §VI): a school proposes, its division
 * approves or rejects, and an approved merge can be reverted. What moved is kept, so the revert
 * puts it back.
 */
@Entity('learner_merge')
@Check('CHK_learner_merge_status', `"status" IN ('PROPOSED', 'APPROVED', 'REJECTED', 'REVERTED')`)
@Check('CHK_learner_merge_distinct', `"survivor_id" <> "merged_id"`)
@Index('IDX_learner_merge_school_status', ['proposingSchoolId', 'status'])
export class LearnerMergeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'survivor_id', type: 'bigint' })
  survivorId: string;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survivor_id', foreignKeyConstraintName: 'FK_learner_merge_survivor' })
  survivor: Relation<LearnerEntity>;

  @Index('IDX_learner_merge_merged_id')
  @Column({ name: 'merged_id', type: 'bigint' })
  mergedId: string;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_id', foreignKeyConstraintName: 'FK_learner_merge_merged' })
  merged: Relation<LearnerEntity>;

  @Column({ type: 'varchar', length: 10, default: 'PROPOSED' })
  status: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'proposing_school_id', type: 'integer' })
  proposingSchoolId: number;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposing_school_id', foreignKeyConstraintName: 'FK_learner_merge_school' })
  proposingSchool: Relation<SchoolEntity>;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'FK_learner_merge_proposed_by' })
  proposer: Relation<AccountEntity>;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  /** The merged record's schools that the survivor gained, removed again on revert. */
  @Column({ name: 'moved_school_ids', type: 'integer', array: true, default: () => "'{}'" })
  movedSchoolIds: number[];

  /** The merged record's enrollments that the approval moved to the survivor. */
  @Column({
    name: 'moved_enrollment_ids',
    type: 'bigint',
    array: true,
    default: () => "'{}'",
  })
  movedEnrollmentIds: string[];

  @Column({ name: 'reverted_by', type: 'uuid', nullable: true })
  revertedBy: string | null;

  @Column({ name: 'reverted_at', type: 'timestamptz', nullable: true })
  revertedAt: Date | null;
}
