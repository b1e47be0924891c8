import { GradeLevel, LearnerCategory, Sector, Sex } from '@repo/domain/enums';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Every field narrows; an empty or missing list does not.' })
export class LearnerFlowFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'The cohort\'s school year t, e.g. "2025-2026" (followed into t + 1); every year whose next year has opened if omitted.',
  })
  schoolYear?: string | null;

  @Field(() => [ID], { nullable: true })
  regionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  divisionIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: '6-digit School IDs (the school of t).' })
  schoolIds?: string[] | null;

  @Field(() => [Sector], { nullable: true })
  sectors?: Sector[] | null;

  @Field(() => [GradeLevel], { nullable: true, description: 'The grades of t.' })
  gradeLevels?: GradeLevel[] | null;

  @Field(() => [Sex], { nullable: true })
  sexes?: Sex[] | null;

  @Field(() => [LearnerCategory], {
    nullable: true,
    description:
      'Learners in any of these categories (IP, SPED and 4Ps of the learner, the others of its enrolment in t).',
  })
  categories?: LearnerCategory[] | null;
}

// Simple resolvers: a field reads its property, with no type-graphql wrapper around it (an answer
// has a few thousand of them, and no field here has a middleware).
@ObjectType({
  description:
    'The flow indicators of a group (docs/indicators.md); null without learners to divide by.',
  simpleResolvers: true,
})
export class FlowRates {
  @Field(() => Float, { nullable: true, description: 'Promoted ÷ cohort.' })
  promotionRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Repeating ÷ cohort.' })
  repetitionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Not enrolled in t + 1 ÷ cohort (moves and ALS are not dropouts).',
  })
  dropoutRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the Grade 6 and Grade 10 learners, those promoted to the next level.',
  })
  transitionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of the Grade 6 and 10 learners, those promoted; of Grade 12, those completing basic education.',
  })
  completionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Cohort survival (UIS): of the Grade 1 learners of a year at least five years back, those enrolled in Grade 6 since (repeaters counted when they reach it).',
  })
  survivalRateToGrade6: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Of the Grade 7 learners of a year at least three years back, those enrolled in Grade 10 since.',
  })
  survivalRateToGrade10: number | null;
}

const perturbedNote =
  'Perturbed (cell-key method) when the group involves a learner category, for roles without personal data and in exports (see enrollmentSummary).';

@ObjectType({
  description:
    "One group of a cohort: the learners of the group's grades in school year t, and what each became in t + 1, counted by LRN.",
  simpleResolvers: true,
})
export class LearnerFlowRow extends FlowRates {
  @Field({ description: "The database's time when the statement that counted this row ran." })
  asOf: Date;

  @Field(() => String, { nullable: true, description: "The cohort's school year t." })
  schoolYear: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The year the cohort is followed into, t + 1.',
  })
  nextSchoolYear: string | null;

  regionId: number | null;
  divisionId: number | null;
  schoolId: number | null;

  @Field(() => Sector, { nullable: true })
  sector: string | null;

  @Field(() => GradeLevel, { nullable: true, description: 'The grade in t.' })
  gradeLevel: string | null;

  @Field(() => Sex, { nullable: true })
  sex: string | null;

  @Field(() => LearnerCategory, { nullable: true })
  category: string | null;

  @Field(() => Int, { description: `The learners of the group in t. ${perturbedNote}` })
  cohort: number;

  @Field(() => Int, { description: `In a higher grade in t + 1, at any school. ${perturbedNote}` })
  promoted: number;

  @Field(() => Int, {
    description: `In the same grade (or a lower one) in t + 1, at any school. ${perturbedNote}`,
  })
  repeated: number;

  @Field(() => Int, {
    description: `Grade 12 in t, not dropped out, no enrolment in t + 1. ${perturbedNote}`,
  })
  completed: number;

  @Field(() => Int, {
    description: `At an ALS learning center in t + 1 (or transferred to ALS in t). ${perturbedNote}`,
  })
  transferredToAls: number;

  @Field(() => Int, { description: `No enrolment in t + 1: the dropout. ${perturbedNote}` })
  notEnrolled: number;

  @Field(() => Int, {
    description: `Of the promoted and repeating, those at another school than in t although it offers their grade (a move, not a dropout). ${perturbedNote}`,
  })
  otherSchool: number;

  @Field(() => FlowRates, {
    description: "Each rate's gender parity index: the females' rate ÷ the males'.",
  })
  genderParity: FlowRates;
}
