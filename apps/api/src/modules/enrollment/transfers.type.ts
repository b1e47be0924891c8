import { reversalWindowDays } from '@repo/domain/transfer';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

/** Which end of a transfer the viewer's place is. */
export enum TransferDirection {
  IN = 'IN',
  OUT = 'OUT',
}

@ObjectType({
  description:
    "A school taking in another school's learner (issue 18): a move during the year (DO 03 s. 2018 §V.E), or an enrollment or early registration of a learner another school held; who, when, why and on what papers. Read by the school the learner came from, the receiving school and both divisions.",
})
export class Transfer {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  learnerId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Shown where you may see the learner (both ends, until a reversal).',
  })
  learnerName: string | null;

  @Field(() => String, { nullable: true })
  lrn: string | null;

  @Field()
  schoolYear: string;

  @Field({ description: 'MOVED_IN, ENROLLED or REGISTERED.' })
  kind: string;

  @Field(() => String, { nullable: true })
  fromSchoolId: string | null;

  @Field(() => String, { nullable: true })
  fromSchoolName: string | null;

  @Field()
  toSchoolId: string;

  @Field()
  toSchoolName: string;

  @Field({
    description:
      'LRN_AND_BIRTH_DATE, NAME_BIRTH_DATE_AND_SCHOOL, or ALREADY_HELD (a move of a learner the school had before).',
  })
  proofBasis: string;

  @Field(() => String, { nullable: true })
  documentSeen: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field({ description: 'The day of the move, enrollment or registration.' })
  movedOn: string;

  @Field({ description: 'When it was recorded (ISO 8601).' })
  recordedAt: string;

  @Field(() => String, { nullable: true })
  recordedBy: string | null;

  @Field(() => String, { nullable: true })
  reversedOn: string | null;

  @Field(() => String, { nullable: true })
  reversedBy: string | null;

  @Field(() => String, { nullable: true })
  reversalReason: string | null;

  @Field({
    description: `Whether your division may still reverse it: the division the learner came from, within ${reversalWindowDays} days, while neither enrollment changed since.`,
  })
  reversible: boolean;
}

@InputType()
export class ReverseTransferInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Why the admission was an error (at most 300 characters).' })
  reason: string;
}
