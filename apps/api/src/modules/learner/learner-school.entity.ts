import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { SchoolEntity } from '../school/school.entity.js';
import { LearnerEntity } from './learner.entity.js';

/**
 * The schools a learner has been registered or enrolled at, now or before: what the school and
 * division scopes of row-level security key on (SPEC §1).
 */
@Entity('learner_school')
@Index('IDX_learner_school_school_id', ['schoolId'])
export class LearnerSchoolEntity {
  @PrimaryColumn({ name: 'learner_id', type: 'bigint' })
  learnerId: string;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'FK_learner_school_learner' })
  learner: Relation<LearnerEntity>;

  @PrimaryColumn({ name: 'school_id', type: 'integer' })
  schoolId: number;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'FK_learner_school_school' })
  school: Relation<SchoolEntity>;

  @CreateDateColumn({ name: 'since', type: 'timestamptz' })
  since: Date;

  @Column({ type: 'varchar', length: 20 })
  reason: string;
}
