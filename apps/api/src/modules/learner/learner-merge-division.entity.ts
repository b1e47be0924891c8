import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { DivisionEntity } from '../division/division.entity.js';
import { LearnerMergeEntity } from './learner-merge.entity.js';

/**
 * A division whose approval a merge needs (issue 18; RA 10173 §11, §20): one row for each division
 * whose school held one of the two records when the merge was proposed, fixed then so it can be
 * audited, and its approval when given.
 */
@Entity('learner_merge_division')
@Index('IDX_learner_merge_division_division_id', ['divisionId'])
export class LearnerMergeDivisionEntity {
  @PrimaryColumn({ name: 'merge_id', type: 'bigint' })
  mergeId: string;

  @ManyToOne(() => LearnerMergeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merge_id', foreignKeyConstraintName: 'FK_learner_merge_division_merge' })
  merge: Relation<LearnerMergeEntity>;

  @PrimaryColumn({ name: 'division_id', type: 'smallint' })
  divisionId: number;

  @ManyToOne(() => DivisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'division_id',
    foreignKeyConstraintName: 'FK_learner_merge_division_division',
  })
  division: Relation<DivisionEntity>;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
