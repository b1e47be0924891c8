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
import { Field, ID, InputType, Int } from 'type-graphql';
import { CreateLearnerInput } from '../learner/create-learner.input.js';

@InputType({
  description:
    "Proof that the school holds the papers of another school's learner (issue 18; DO 03 s. 2018 §V.E): the LRN and birth date, or the full name, birth date and last school, as the learner's SF9 or the registrar's letter gives them; why the learner comes; the document seen. Required when the learner is not yet this school's. What did not match is never said.",
})
export class TransferProofInput {
  @Field(() => String, { nullable: true })
  lrn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'The six-digit school ID on the papers.' })
  lastSchoolId?: string | null;

  @Field({ description: 'Why the learner comes to this school (at most 300 characters).' })
  reason: string;

  @Field(() => DocumentType, {
    description: 'The document seen: SF9, REGISTRAR_LETTER or AFFIDAVIT_OF_UNDERTAKING.',
  })
  documentSeen: DocumentType;
}

@InputType({ description: 'Early registration (DO 03 s. 2018 §V.A).' })
export class PreRegisterInput {
  @Field(() => ID, { nullable: true, description: 'A learner already on record; else `learner`.' })
  learnerId?: string | null;

  @Field(() => CreateLearnerInput, {
    nullable: true,
    description: 'The Basic Education Enrollment Form of a learner with no record.',
  })
  learner?: CreateLearnerInput | null;

  @Field(() => TransferProofInput, {
    nullable: true,
    description: "Required for a learner who is not yet this school's (issue 18).",
  })
  proof?: TransferProofInput | null;

  @Field({ description: 'e.g. "2026-2027"' })
  schoolYear: string;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;

  @Field(() => Strand, { nullable: true })
  strand?: Strand | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today (PHT).' })
  registeredOn?: string | null;

  @Field(() => [LearnerCategory], { defaultValue: [], description: 'BALIK_ARAL, OSY or OSC.' })
  categories: LearnerCategory[];

  @Field(() => [OutOfSchoolCircumstance], { defaultValue: [] })
  circumstances: OutOfSchoolCircumstance[];
}

@InputType({ description: 'The head’s approval of a late enrollment (§V.D).' })
export class LateApprovalInput {
  @Field({ description: 'The catch-up activities the learner will take.' })
  catchUpPlan: string;
}

@InputType({
  description:
    'What an enrolment at the viewer’s school is given besides its learner (DO 03 s. 2018 §V.A-§V.D).',
})
export class EnrollmentDetailsInput {
  @Field()
  schoolYear: string;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;

  @Field(() => Strand, { nullable: true })
  strand?: Strand | null;

  @Field(() => AdmissionBasis, {
    nullable: true,
    description: 'Required for formal grades; ALS programs take none.',
  })
  admissionBasis?: AdmissionBasis | null;

  @Field({ defaultValue: false, description: 'Enrolling in basic education for the first time.' })
  firstTimeEnrollee: boolean;

  @Field(() => [LearnerCategory], { defaultValue: [], description: 'BALIK_ARAL, OSY or OSC.' })
  categories: LearnerCategory[];

  @Field(() => [DocumentType], { defaultValue: [], description: 'Documents handed in now.' })
  documents: DocumentType[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today (PHT).' })
  enrolledOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First date of attendance, when known (required for ALS programs).',
  })
  firstAttendance?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a first-time enrollee aged 13+ goes to a formal grade rather than ALS.',
  })
  placementReason?: string | null;

  @Field(() => LateApprovalInput, {
    nullable: true,
    description: 'Late enrollment beyond the 80% rule: only a school head may approve.',
  })
  lateApproval?: LateApprovalInput | null;

  @Field(() => String, { nullable: true, description: 'ALS programs: the facilitator.' })
  alsFacilitatorName?: string | null;
}

@InputType({ description: 'Enrolment at the viewer’s school (DO 03 s. 2018 §V.A-§V.D).' })
export class EnrollLearnerInput extends EnrollmentDetailsInput {
  @Field(() => ID)
  learnerId: string;

  @Field(() => TransferProofInput, {
    nullable: true,
    description: "Required for a learner who is not yet this school's (issue 18).",
  })
  proof?: TransferProofInput | null;
}

@InputType({
  description:
    'A learner with no record, registered and enrolled at the viewer’s school as one act (issue 21): both are saved, or neither.',
})
export class EnrollNewLearnerInput {
  @Field(() => CreateLearnerInput, {
    description: 'The Basic Education Enrollment Form of the learner (uniqueness first, §VI).',
  })
  learner: CreateLearnerInput;

  @Field(() => EnrollmentDetailsInput)
  enrollment: EnrollmentDetailsInput;
}

@InputType({ description: 'A learner arriving from another school during the year (§V.E).' })
export class MoveLearnerInput {
  @Field(() => ID)
  learnerId: string;

  @Field()
  schoolYear: string;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;

  @Field(() => Strand, { nullable: true })
  strand?: Strand | null;

  @Field({ description: 'The day the learner moves in (YYYY-MM-DD).' })
  moveDate: string;

  @Field(() => [DocumentType], {
    defaultValue: [],
    description: 'SF9, or a registrar’s letter and an affidavit.',
  })
  documents: DocumentType[];

  @Field(() => TransferProofInput, {
    nullable: true,
    description: "Required for a learner who is not yet this school's (issue 18).",
  })
  proof?: TransferProofInput | null;
}

@InputType({ description: 'Which learners of a class list: all of them when nothing is set.' })
export class ClassListSelection {
  @Field(() => GradeLevel, { nullable: true })
  gradeLevel?: GradeLevel | null;

  @Field(() => Strand, { nullable: true })
  strand?: Strand | null;

  @Field(() => EnrollmentStatus, { nullable: true })
  status?: EnrollmentStatus | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'Part of a name or the LRN.' })
  search?: string | null;
}

@InputType()
export class ClassListFilter extends ClassListSelection {
  @Field(() => Int, { defaultValue: 100 })
  limit: number;

  @Field(() => Int, { defaultValue: 0 })
  offset: number;
}

@InputType({ description: 'The first date of attendance (DO 03 s. 2018 §V.A, §V.B).' })
export class FirstAttendanceInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field({ description: 'YYYY-MM-DD' })
  firstAttendance: string;

  @Field(() => LateApprovalInput, { nullable: true })
  lateApproval?: LateApprovalInput | null;
}

@InputType({ description: 'A document received for an enrollment (§V.A, §V.C).' })
export class SubmitDocumentInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => ID, { description: 'The learner the document is for: must be the enrollment’s.' })
  learnerId: string;

  @Field(() => DocumentType)
  documentType: DocumentType;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today (PHT).' })
  receivedOn?: string | null;
}

@InputType({ description: 'Transfer to ALS (§V.E): not a school leaver.' })
export class TransferToAlsInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field({ description: 'Effectivity date, YYYY-MM-DD.' })
  effectiveOn: string;

  @Field(() => GradeLevel, { description: 'ALS_BLP, ALS_AE_ELEMENTARY or ALS_AE_SECONDARY.' })
  program: GradeLevel;

  @Field()
  facilitatorName: string;
}

@InputType({ description: 'Dropping out during the year (§IV.l).' })
export class DropOutInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field({ description: 'YYYY-MM-DD' })
  effectiveOn: string;

  @Field()
  reason: string;
}
