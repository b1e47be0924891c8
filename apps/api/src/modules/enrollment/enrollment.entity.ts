import {
  AdmissionBasis,
  DocumentType,
  EnrollmentStatus,
  GradeLevel,
  Strand,
} from '@repo/domain/enums';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { SchoolCalendarEntity } from '../calendar/school-calendar.entity.js';
import { LearnerEntity } from '../learner/learner.entity.js';
import { SchoolEntity } from '../school/school.entity.js';

const oneOf = (values: object) =>
  Object.values(values)
    .map((v) => `'${String(v)}'`)
    .join(', ');

/**
 * One learner in one school for one school year, from early registration or enrollment to the
 * year's end (SPEC §4). `status` is the latest of the enrollment's status changes, kept here for
 * the one-active-enrollment rule and for counting; the history is `enrollment_status_change`.
 */
@Entity('enrollment')
@Check('CHK_enrollment_grade_level', `"grade_level" IN (${oneOf(GradeLevel)})`)
@Check('CHK_enrollment_strand', `"strand" IN (${oneOf(Strand)})`)
@Check('CHK_enrollment_admission_basis', `"admission_basis" IN (${oneOf(AdmissionBasis)})`)
@Check('CHK_enrollment_status', `"status" IN (${oneOf(EnrollmentStatus)})`)
@Check('CHK_enrollment_categories', `"categories" <@ ARRAY['BALIK_ARAL', 'OSY', 'OSC']::varchar[]`)
// At most one active enrollment per learner per school year, whoever tries (SPEC §4, issue 5).
@Index('UQ_enrollment_active_learner_year', ['learnerId', 'schoolYear'], {
  unique: true,
  where: `"status" IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')`,
})
// At most one enrolment awaiting the school head's approval per learner and year (issue 21).
@Index('UQ_enrollment_awaiting_learner_year', ['learnerId', 'schoolYear'], {
  unique: true,
  where: `"status" = 'AWAITING_APPROVAL'`,
})
@Index('IDX_enrollment_school_year_grade', ['schoolId', 'schoolYear', 'gradeLevel'])
@Index('IDX_enrollment_learner', ['learnerId'])
@Check(
  'CHK_enrollment_data_source',
  `"data_source" IN ('OFFICIAL_SY2023_24', 'SYNTHESISED_SY2023_24', 'SYNTHETIC')`,
)
export class EnrollmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'learner_id', type: 'bigint' })
  learnerId: string;

  @ManyToOne(() => LearnerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'learner_id', foreignKeyConstraintName: 'FK_enrollment_learner' })
  learner: Relation<LearnerEntity>;

  @Column({ name: 'school_id', type: 'integer' })
  schoolId: number;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'FK_enrollment_school' })
  school: Relation<SchoolEntity>;

  @Column({ name: 'school_year', type: 'varchar', length: 9 })
  schoolYear: string;

  @ManyToOne(() => SchoolCalendarEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_year', foreignKeyConstraintName: 'FK_enrollment_school_calendar' })
  calendar: Relation<SchoolCalendarEntity>;

  @Column({ name: 'grade_level', type: 'varchar', length: 24 })
  gradeLevel: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  strand: string | null;

  /** Null for an early registration that has not yet become an enrollment. */
  @Column({ name: 'admission_basis', type: 'varchar', length: 40, nullable: true })
  admissionBasis: string | null;

  @Column({ name: 'first_time_enrollee', type: 'boolean', default: false })
  firstTimeEnrollee: boolean;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  /** Balik-Aral, OSY, OSC: what the learner was at this enrollment (SPEC §3). */
  @Column({ type: 'varchar', length: 12, array: true, default: () => "'{}'" })
  categories: string[];

  /** The §V.A circumstances of an out-of-school child or youth at registration. */
  @Column({ type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  circumstances: string[];

  /** The day of early registration (§V.A), when the learner registered early. */
  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @Column({ name: 'enrolled_on', type: 'date', nullable: true })
  enrolledOn: string | null;

  /** The first date of attendance: the LRN is issued then, and the status follows (§V.A, §V.B). */
  @Column({ name: 'first_attendance', type: 'date', nullable: true })
  firstAttendance: string | null;

  /** Documents still owed, as the domain computed them when the enrollment last changed. */
  @Column({
    name: 'missing_documents',
    type: 'varchar',
    length: 40,
    array: true,
    default: () => "'{}'",
  })
  missingDocuments: string[];

  @Column({ name: 'documents_due_by', type: 'date', nullable: true })
  documentsDueBy: string | null;

  /** Why a first-time enrollee aged 13+ was placed in a formal grade rather than ALS (§V.A). */
  @Column({ name: 'placement_reason', type: 'varchar', length: 500, nullable: true })
  placementReason: string | null;

  /**
   * The catch-up plan of a late enrollment the school head approved (§V.D), or the head's note on
   * approving a backdated one.
   */
  @Column({ name: 'catch_up_plan', type: 'varchar', length: 1000, nullable: true })
  catchUpPlan: string | null;

  /** Arrived from another school during the year (§V.E), and within the transfer window. */
  @Column({ name: 'moved_in', type: 'boolean', default: false })
  movedIn: boolean;

  @Column({ name: 'transferred_in', type: 'boolean', default: false })
  transferredIn: boolean;

  @Column({ name: 'moved_from_enrollment_id', type: 'bigint', nullable: true })
  movedFromEnrollmentId: string | null;

  /** Left during the year: moved out, transferred to ALS or dropped out, on this day. */
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ name: 'transferred_out', type: 'boolean', default: false })
  transferredOut: boolean;

  /** Transfer to ALS (§V.E): the program and the facilitator. */
  @Column({ name: 'als_program', type: 'varchar', length: 24, nullable: true })
  alsProgram: string | null;

  @Column({ name: 'als_facilitator_name', type: 'varchar', length: 200, nullable: true })
  alsFacilitatorName: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /**
   * Where a loaded enrollment came from: DepEd's official SY 2023-24 cells, synthesised for the
   * purely elementary schools the file lacks, or a synthetic benchmark set; null when entered.
   */
  @Column({ name: 'data_source', type: 'varchar', length: 24, nullable: true })
  dataSource: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One change of an enrollment's status, with its date and reason: the enrollment's history. */
@Entity('enrollment_status_change')
@Check('CHK_enrollment_status_change_status', `"status" IN (${oneOf(EnrollmentStatus)})`)
@Index('IDX_enrollment_status_change_enrollment', ['enrollmentId'])
export class EnrollmentStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'enrollment_id', type: 'bigint' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'FK_enrollment_status_change_enrollment',
  })
  enrollment: Relation<EnrollmentEntity>;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** A stable code: PRE_REGISTERED, ENROLLED, FIRST_ATTENDANCE, DOCUMENTS_COMPLETE, MOVED… */
  @Column({ type: 'varchar', length: 40 })
  reason: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A document received for an enrollment (§V.A, §V.C), once per type. */
@Entity('enrollment_document')
@Check('CHK_enrollment_document_type', `"document_type" IN (${oneOf(DocumentType)})`)
export class EnrollmentDocumentEntity {
  @PrimaryColumn({ name: 'enrollment_id', type: 'bigint' })
  enrollmentId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'FK_enrollment_document_enrollment',
  })
  enrollment: Relation<EnrollmentEntity>;

  @PrimaryColumn({ name: 'document_type', type: 'varchar', length: 40 })
  documentType: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
