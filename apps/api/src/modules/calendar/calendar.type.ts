import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The dates the policy fixes for a school year (SPEC §2).' })
export class PolicyDatesType {
  @Field({ description: 'Last Saturday of January (§V.A), unless overridden.' })
  earlyRegistrationStart: string;

  @Field({ description: 'Last Friday of February (§V.A), unless overridden.' })
  earlyRegistrationEnd: string;

  @Field({ description: 'August 31 (§V.A table), unless overridden.' })
  ageCutoff: string;

  @Field({ description: 'August 31 (§V.A, §V.C), unless overridden.' })
  documentDeadline: string;

  @Field({ description: 'First Friday of classes (§IV.h, §IV.i), unless overridden.' })
  transferWindowStart: string;

  @Field({ description: 'March 31, unless overridden.' })
  transferWindowEnd: string;

  @Field({ description: 'First day of classes (§VI), unless overridden.' })
  quickCountStart: string;

  @Field({ description: 'Last school day of the opening month (§VI), unless overridden.' })
  quickCountEnd: string;

  @Field(() => String, {
    nullable: true,
    description: 'Set by the administrator (ALS guide step 4).',
  })
  alsFirstAttendanceCutoff: string | null;
}

@ObjectType({ description: 'A school year’s calendar and the policy dates derived from it.' })
export class SchoolCalendarType {
  @Field()
  schoolYear: string;

  @Field()
  openingDay: string;

  @Field()
  closingDay: string;

  @Field(() => Int)
  prescribedSchoolDays: number;

  @Field(() => [String])
  nonSchoolDays: string[];

  @Field(() => PolicyDatesType, { description: 'Derived by rule, then the overrides.' })
  policyDates: PolicyDatesType;

  @Field(() => [String], { description: 'The policy dates an administrator overrode.' })
  overridden: string[];

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'Dates that replace the rule for this year; null keeps the rule.' })
export class PolicyDateOverridesInput {
  @Field(() => String, { nullable: true }) earlyRegistrationStart?: string | null;
  @Field(() => String, { nullable: true }) earlyRegistrationEnd?: string | null;
  @Field(() => String, { nullable: true }) ageCutoff?: string | null;
  @Field(() => String, { nullable: true }) documentDeadline?: string | null;
  @Field(() => String, { nullable: true }) transferWindowStart?: string | null;
  @Field(() => String, { nullable: true }) transferWindowEnd?: string | null;
  @Field(() => String, { nullable: true }) quickCountStart?: string | null;
  @Field(() => String, { nullable: true }) quickCountEnd?: string | null;
  @Field(() => String, { nullable: true }) alsFirstAttendanceCutoff?: string | null;
}

@InputType()
export class SchoolCalendarInput {
  @Field({ description: 'e.g. "2026-2027"' })
  schoolYear: string;

  @Field()
  openingDay: string;

  @Field()
  closingDay: string;

  @Field(() => Int)
  prescribedSchoolDays: number;

  @Field(() => [String], { defaultValue: [] })
  nonSchoolDays: string[];

  @Field(() => PolicyDateOverridesInput, { nullable: true })
  overrides?: PolicyDateOverridesInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you read, to change an existing calendar; omit to create one.',
  })
  version?: number | null;
}

@ObjectType({
  description:
    'The application’s clock: the day the policy judges today, so that screens default to the same day as the server.',
})
export class ClockType {
  @Field({ description: 'Today in the Philippines (YYYY-MM-DD).' })
  today: string;

  @Field({ description: 'The current instant on the same clock.' })
  now: Date;

  @Field({ description: 'True when the day is pinned (tests and demo runs with APP_TODAY).' })
  pinned: boolean;
}
