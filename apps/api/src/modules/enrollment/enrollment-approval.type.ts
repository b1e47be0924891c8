import { ApprovalReason, EnrollmentStatus, Strand } from '@repo/domain/enums';
import { Field, Int, ObjectType } from 'type-graphql';
import { LearnerEnrollmentRow } from './learner-row.type.js';

@ObjectType({
  description:
    'An enrolment that needed the school head’s approval (DO 03 s. 2018 §V.D; a date of enrolment more than 7 days back): awaiting it, or decided.',
})
export class EnrollmentApproval extends LearnerEnrollmentRow {
  @Field()
  schoolYear: string;

  @Field(() => Strand, { nullable: true })
  strand: Strand | null;

  @Field(() => EnrollmentStatus, {
    description: 'AWAITING_APPROVAL, DECLINED, or what the approval made it.',
  })
  status: EnrollmentStatus;

  @Field({ description: 'The date of enrolment, YYYY-MM-DD.' })
  enrolledOn: string;

  @Field(() => String, { nullable: true })
  firstAttendance: string | null;

  @Field({ description: 'The day it was entered and sent for approval.' })
  requestedOn: string;

  @Field(() => [ApprovalReason], { description: 'Why it needs the approval.' })
  reasons: ApprovalReason[];

  @Field(() => Int, { nullable: true, description: '§V.D: school days left from the start.' })
  remainingSchoolDays: number | null;

  @Field(() => Int, { nullable: true, description: '§V.D: 80% of the prescribed school days.' })
  requiredSchoolDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Days from the date of enrolment to entry.' })
  backdatedDays: number | null;

  @Field({ description: 'Whether approving takes a catch-up plan (late by §V.D).' })
  catchUpPlanRequired: boolean;

  @Field(() => String, { nullable: true, description: 'The day the head decided.' })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The approved catch-up plan or note.' })
  catchUpPlan: string | null;

  @Field(() => String, { nullable: true, description: 'Why the head declined.' })
  declineReason: string | null;
}
