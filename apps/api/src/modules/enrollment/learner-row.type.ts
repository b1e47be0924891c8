import { GradeLevel } from '@repo/domain/enums';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What every list of a school's enrolments shows of each row: the enrolment, the learner's record
 * and name, the grade. The class list, the documents due and the approvals queue extend it with
 * what each of them needs. A base class: no field returns it, so type-graphql 2 leaves it out of
 * the schema and builds its fields into each object type that extends it.
 */
@ObjectType()
export abstract class LearnerEnrollmentRow {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => ID)
  learnerId: string;

  @Field(() => String, { nullable: true })
  lrn: string | null;

  @Field()
  lastName: string;

  @Field()
  firstName: string;

  @Field(() => String, { nullable: true })
  middleName: string | null;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;
}
