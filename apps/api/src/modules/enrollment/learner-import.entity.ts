import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A school's learner list, staged between preview and commit (issue 5): the rows as parsed and
 * judged at preview, then what the commit did with each.
 */
@Entity('learner_import')
@Check('CHK_learner_import_status', `"status" IN ('PREVIEWED', 'COMMITTED')`)
@Index('IDX_learner_import_school', ['schoolId', 'createdAt'])
export class LearnerImportEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'school_id', type: 'integer' })
  schoolId: number;

  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  /** SHA-256 of the file, to tell a re-import of the same file. */
  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** The staged rows: values, errors, candidates and outcome, as the preview judged them. */
  @Column({ type: 'jsonb' })
  rows: unknown;

  /** What the commit did with each row. */
  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}
