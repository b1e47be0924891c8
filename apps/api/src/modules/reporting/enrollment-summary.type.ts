import {
  EnrollmentStatus,
  GradeLevel,
  LearnerCategory,
  Sector,
  Sex,
  Strand,
} from '@repo/domain/enums';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Every field narrows; an empty or missing list does not.' })
export class EnrollmentSummaryFilter {
  @Field(() => String, { nullable: true, description: 'e.g. "2025-2026"; all years if omitted.' })
  schoolYear?: string | null;

  @Field(() => [ID], { nullable: true })
  regionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  divisionIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: '6-digit School IDs.' })
  schoolIds?: string[] | null;

  @Field(() => [Sector], { nullable: true })
  sectors?: Sector[] | null;

  @Field(() => [GradeLevel], { nullable: true })
  gradeLevels?: GradeLevel[] | null;

  @Field(() => [Strand], { nullable: true })
  strands?: Strand[] | null;

  @Field(() => [Sex], { nullable: true })
  sexes?: Sex[] | null;

  @Field(() => [LearnerCategory], {
    nullable: true,
    description: 'Learners in any of these categories.',
  })
  categories?: LearnerCategory[] | null;

  @Field(() => [EnrollmentStatus], {
    nullable: true,
    description: 'Whom `learners` counts; default the enrolled (temporarily or officially).',
  })
  statuses?: EnrollmentStatus[] | null;
}

const perturbedNote =
  'Perturbed (cell-key method) when the group involves a learner category, for roles without personal data and in exports (see enrollmentSummary).';

@ObjectType({
  description:
    'One group of learners. `learners`, `male`, `female` and the parity index follow the statuses filter; the status breakdowns and the move counts do not.',
})
export class EnrollmentSummaryRow {
  @Field(() => String, { nullable: true })
  schoolYear: string | null;

  @Field({
    description:
      "The database's time when the statement that counted this row ran: what the counts are as of (rows of one answer share it).",
  })
  asOf: Date;

  /** Resolved by the resolver's field resolvers, only when asked for. */
  regionId: number | null;
  divisionId: number | null;
  schoolId: number | null;

  @Field(() => Sector, { nullable: true })
  sector: Sector | null;

  @Field(() => GradeLevel, { nullable: true })
  gradeLevel: GradeLevel | null;

  @Field(() => Strand, { nullable: true })
  strand: Strand | null;

  @Field(() => Sex, { nullable: true })
  sex: Sex | null;

  @Field(() => LearnerCategory, { nullable: true })
  category: LearnerCategory | null;

  @Field(() => EnrollmentStatus, { nullable: true })
  status: EnrollmentStatus | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  learners: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  male: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  female: number | null;

  @Field(() => Float, { nullable: true, description: 'Female ÷ male; null without males.' })
  genderParityIndex: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `The same group the school year before (when the filter names a year). ${perturbedNote}`,
  })
  previousYearLearners: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'learners − previousYearLearners; null when either is.',
  })
  change: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  officiallyEnrolled: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  temporarilyEnrolled: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  preRegistered: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `${perturbedNote} Enrollments that arrived from another school in the year.`,
  })
  movedIn: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `${perturbedNote} Of those, within the transfer window.`,
  })
  transferredIn: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `${perturbedNote} Enrollments that ended by a move to another school.`,
  })
  movedOut: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `${perturbedNote} Of those, within the transfer window.`,
  })
  transferredOut: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  transferredToAls: number | null;

  @Field(() => Int, { nullable: true, description: perturbedNote })
  droppedOut: number | null;
}
