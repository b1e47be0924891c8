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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AccountEntity } from '../auth/account.entity.js';

/**
 * A learner's profile (SPEC §3). Personal data: row-level security limits it to the schools the
 * learner has attended and their divisions (see the LearnerRegistry migration).
 */
@Entity('learner')
@Check('CHK_learner_sex', `"sex" IN ('MALE', 'FEMALE')`)
@Check('CHK_learner_lrn', `"lrn" ~ '^[0-9]{12}$'`)
@Check(
  'CHK_learner_birth_document',
  `"birth_document_type" IN ('PSA_BIRTH_CERTIFICATE', 'LCR_BIRTH_CERTIFICATE', 'BARANGAY_CERTIFICATION')`,
)
@Index('IDX_learner_birth_date', ['birthDate'])
// Trigram search over the normalised name; built by the migration (TypeORM cannot describe GiST).
@Index('IDX_learner_name_key_trgm', { synchronize: false })
// The name's words, for order-free exact-word search (an expression GIN index, by migration).
@Index('IDX_learner_name_words', { synchronize: false })
@Index('IDX_learner_merged_into_id', ['mergedIntoId'], { where: '"merged_into_id" IS NOT NULL' })
export class LearnerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Issued at the first date of attendance (DO 03 s. 2018 §V.A, §VI); null until then. */
  @Column({ type: 'char', length: 12, nullable: true, unique: true })
  lrn: string | null;

  /** When the LRN was issued: in a merge, the older LRN survives. */
  @Column({ name: 'lrn_issued_at', type: 'timestamptz', nullable: true })
  lrnIssuedAt: Date | null;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'middle_name', type: 'varchar', length: 100, nullable: true })
  middleName: string | null;

  @Column({ name: 'extension_name', type: 'varchar', length: 10, nullable: true })
  extensionName: string | null;

  /** The normalised full name the duplicate search matches on (domain `names`). */
  @Column({ name: 'name_key', type: 'varchar', length: 400 })
  nameKey: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: string;

  @Column({ name: 'place_of_birth', type: 'varchar', length: 200, nullable: true })
  placeOfBirth: string | null;

  @Column({ name: 'mother_tongue', type: 'varchar', length: 60, nullable: true })
  motherTongue: string | null;

  @Column({ name: 'is_indigenous', type: 'boolean', default: false })
  isIndigenous: boolean;

  @Column({ name: 'ip_community', type: 'varchar', length: 100, nullable: true })
  ipCommunity: string | null;

  /** Disabilities or special needs: a SPED learner (DO 03 s. 2018 §IV.n) when any. */
  @Column({ name: 'special_needs', type: 'varchar', array: true, default: () => "'{}'" })
  specialNeeds: string[];

  @Column({ name: 'is_four_ps', type: 'boolean', default: false })
  isFourPs: boolean;

  /**
   * A fixed random key from 0 to 255 for the cell-key method of the counts (issue 18,
   * @repo/domain/cell-key): drawn by the database when the row is made, never read by the app.
   */
  @Column({
    name: 'record_key',
    type: 'smallint',
    default: () => 'new_record_key()',
    select: false,
    insert: false,
    update: false,
  })
  recordKey: number;

  @Column({ name: 'address_street', type: 'varchar', length: 200, nullable: true })
  addressStreet: string | null;

  @Column({ name: 'address_barangay', type: 'varchar', length: 120, nullable: true })
  addressBarangay: string | null;

  @Column({ name: 'address_municipality', type: 'varchar', length: 80, nullable: true })
  addressMunicipality: string | null;

  @Column({ name: 'address_province', type: 'varchar', length: 80, nullable: true })
  addressProvince: string | null;

  @Column({ name: 'father_name', type: 'varchar', length: 200, nullable: true })
  fatherName: string | null;

  @Column({ name: 'mother_maiden_name', type: 'varchar', length: 200, nullable: true })
  motherMaidenName: string | null;

  @Column({ name: 'guardian_name', type: 'varchar', length: 200, nullable: true })
  guardianName: string | null;

  /** Submitted once in the learner's whole basic education (DO 03 s. 2018 §V.A). */
  @Column({ name: 'birth_document_type', type: 'varchar', length: 24, nullable: true })
  birthDocumentType: string | null;

  @Column({ name: 'birth_document_received_on', type: 'date', nullable: true })
  birthDocumentReceivedOn: string | null;

  /** Set when a division-approved merge folded this record into another (SPEC §3). */
  @Column({ name: 'merged_into_id', type: 'bigint', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'FK_learner_merged_into' })
  mergedInto: Relation<LearnerEntity> | null;

  /** Optimistic concurrency: an update names the version it read. */
  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_learner_created_by' })
  creator: Relation<AccountEntity>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
