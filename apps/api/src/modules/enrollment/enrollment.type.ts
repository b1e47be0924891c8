import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import {
  AdmissionBasis,
  DocumentType,
  EnrollmentStatus,
  GradeLevel,
  LearnerCategory,
  Sex,
  Strand,
} from '@repo/domain/enums';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LearnerEnrollmentRow } from './learner-row.type.js';

@ObjectType({ description: 'One change of an enrollment status, with its date and reason.' })
export class EnrollmentStatusChange {
  @Field(() => EnrollmentStatus)
  status: EnrollmentStatus;

  @Field({ description: 'YYYY-MM-DD' })
  effectiveOn: string;

  @Field({ description: 'A stable code: REGISTERED_EARLY, ENROLLED, FIRST_ATTENDANCE, …' })
  reason: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  recordedAt: Date;
}

@ObjectType()
export class ReceivedDocument {
  @Field(() => DocumentType)
  documentType: DocumentType;

  @Field({ description: 'YYYY-MM-DD' })
  receivedOn: string;
}

@ObjectType({ description: 'One learner in one school for one school year (SPEC §4).' })
export class Enrollment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  learnerId: string;

  @Field({ description: '6-digit School ID' })
  schoolId: string;

  @Field()
  schoolYear: string;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;

  @Field(() => Strand, { nullable: true })
  strand: Strand | null;

  @Field(() => AdmissionBasis, { nullable: true })
  admissionBasis: AdmissionBasis | null;

  @Field(() => EnrollmentStatus)
  status: EnrollmentStatus;

  @Field(() => [LearnerCategory])
  categories: LearnerCategory[];

  @Field(() => [OutOfSchoolCircumstance])
  circumstances: OutOfSchoolCircumstance[];

  @Field(() => String, { nullable: true })
  registeredOn: string | null;

  @Field(() => String, { nullable: true })
  enrolledOn: string | null;

  @Field(() => String, { nullable: true })
  firstAttendance: string | null;

  @Field(() => [DocumentType], { description: 'Still owed for this enrollment.' })
  missingDocuments: DocumentType[];

  @Field(() => String, { nullable: true })
  documentsDueBy: string | null;

  @Field(() => String, { nullable: true })
  placementReason: string | null;

  @Field(() => String, { nullable: true })
  catchUpPlan: string | null;

  @Field()
  movedIn: boolean;

  @Field()
  transferredIn: boolean;

  @Field(() => String, { nullable: true })
  leftOn: string | null;

  @Field()
  transferredOut: boolean;

  @Field(() => GradeLevel, { nullable: true })
  alsProgram: GradeLevel | null;

  @Field(() => String, { nullable: true })
  alsFacilitatorName: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => [ReceivedDocument])
  documents: ReceivedDocument[];

  @Field(() => [EnrollmentStatusChange], { description: 'Oldest first.' })
  history: EnrollmentStatusChange[];
}

@ObjectType({ description: 'What an enrolment did, with the policy engine’s account of it.' })
export class EnrollmentResult {
  @Field(() => Enrollment)
  enrollment: Enrollment;

  @Field({ description: 'The ALS guide’s step 5 confirmation: "Enrolment Added".' })
  message: string;

  @Field(() => [String], { description: 'Stable codes from the policy engine.' })
  reasons: string[];

  @Field(() => String, { nullable: true, description: '"ALS" for first-time enrollees aged 13+.' })
  recommendation: string | null;

  @Field(() => String, { nullable: true, description: 'The LRN, once issued.' })
  lrn: string | null;

  @Field({ description: 'True when an idempotency key replayed an earlier result.' })
  replayed: boolean;
}

@ObjectType({ description: 'A row of the class list (SF1-like).' })
export class ClassListRow extends LearnerEnrollmentRow {
  @Field(() => String, { nullable: true })
  extensionName: string | null;

  @Field(() => Sex)
  sex: Sex;

  @Field()
  birthDate: string;

  @Field(() => Strand, { nullable: true })
  strand: Strand | null;

  @Field(() => EnrollmentStatus)
  status: EnrollmentStatus;

  @Field(() => [LearnerCategory], {
    description: 'Of the learner (IP, SPED, 4Ps) and of this enrollment.',
  })
  categories: LearnerCategory[];

  @Field(() => String, { nullable: true })
  firstAttendance: string | null;

  @Field(() => [DocumentType])
  missingDocuments: DocumentType[];

  @Field(() => String, { nullable: true })
  documentsDueBy: string | null;
}

@ObjectType()
export class ClassList {
  @Field(() => Int)
  total: number;

  @Field({
    description:
      "The database's time when the list was read (its transaction's statement): what it is as of.",
  })
  asOf: Date;

  @Field(() => [ClassListRow])
  rows: ClassListRow[];
}

@ObjectType({ description: 'A temporarily enrolled learner whose documents are due (§V.C).' })
export class TemporaryEnrollment {
  @Field(() => ClassListRow)
  learner: ClassListRow;

  @Field({ description: '6-digit School ID' })
  schoolId: string;

  @Field()
  schoolName: string;

  @Field()
  documentsDueBy: string;

  @Field(() => Int, { description: 'Days from today to the deadline; negative when past.' })
  daysLeft: number;

  @Field()
  overdue: boolean;
}

@ObjectType({ description: 'One school on one day of the quick count window (§VI).' })
export class QuickCountDay {
  @Field({ description: '6-digit School ID' })
  schoolId: string;

  @Field()
  schoolName: string;

  @Field()
  date: string;

  @Field(() => Int, {
    description: 'Attending that day: enrolled with a first attendance, not left.',
  })
  enrolled: number;

  @Field(() => Int)
  male: number;

  @Field(() => Int)
  female: number;
}

@ObjectType({ description: 'Early registrations of one school on one day (§V.A).' })
export class PreRegistrationDay {
  @Field({ description: '6-digit School ID' })
  schoolId: string;

  @Field()
  schoolName: string;

  @Field()
  date: string;

  @Field(() => Int)
  registrations: number;

  @Field(() => Int)
  outOfSchoolChildren: number;

  @Field(() => Int)
  outOfSchoolYouth: number;
}
