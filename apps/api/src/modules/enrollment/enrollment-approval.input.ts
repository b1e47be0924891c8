import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description:
    'The school head approves an enrolment awaiting approval (DO 03 s. 2018 §V.D: the head’s discretion, with catch-up activities).',
})
export class ApproveEnrollmentInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The catch-up activities (§V.D): required when fewer than 80% of the school days remain; a note otherwise. At most 1,000 characters.',
  })
  catchUpPlan?: string | null;
}

@InputType({ description: 'The school head declines an enrolment awaiting approval (§V.D).' })
export class DeclineEnrollmentInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field({
    description: 'Why, for the registrar and the learner’s family: at most 500 characters.',
  })
  reason: string;
}
