import { Sex } from '@repo/domain/enums';
import { MatchReason } from '@repo/domain/similarity';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

export const ImportOutcome = {
  NEW_LEARNER: 'NEW_LEARNER',
  EXISTING_LEARNER: 'EXISTING_LEARNER',
  SUSPECTED_DUPLICATE: 'SUSPECTED_DUPLICATE',
  ALREADY_ENROLLED: 'ALREADY_ENROLLED',
  INVALID: 'INVALID',
} as const;

export const ImportRowResult = {
  CREATED_AND_ENROLLED: 'CREATED_AND_ENROLLED',
  ENROLLED: 'ENROLLED',
  /** Late or backdated: saved as awaiting the school head's approval (§V.D; issue 21). */
  SENT_FOR_APPROVAL: 'SENT_FOR_APPROVAL',
  SKIPPED_ALREADY_ENROLLED: 'SKIPPED_ALREADY_ENROLLED',
  SKIPPED_INVALID: 'SKIPPED_INVALID',
  SKIPPED_SUSPECTED_DUPLICATE: 'SKIPPED_SUSPECTED_DUPLICATE',
  FAILED: 'FAILED',
} as const;

@InputType()
export class LearnerImportInput {
  @Field({ description: 'Ends in .csv or .xlsx.' })
  fileName: string;

  @Field({
    description:
      'The file, base64-encoded: at most 700,000 bytes and 2,000 rows; an XLSX of at most 500 parts unpacking to at most 10 MB (FILE_TOO_LARGE past them).',
  })
  contentBase64: string;

  @Field()
  schoolYear: string;
}

@ObjectType()
export class ImportRowError {
  @Field()
  field: string;

  @Field()
  rule: string;
}

@ObjectType({ description: 'A record already in the registry that looks like this row.' })
export class ImportCandidate {
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

  @Field()
  birthDate: string;

  @Field(() => Sex, { nullable: true })
  sex: Sex | null;

  @Field(() => String, { nullable: true })
  lastSchoolId: string | null;

  @Field(() => String, { nullable: true })
  lastSchoolName: string | null;

  @Field({ description: "Whether the learner is in your school's place; outside it, no LRN." })
  inScope: boolean;

  @Field()
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}

@ObjectType({ description: 'One row of the file, as the preview judged it.' })
export class ImportRow {
  @Field(() => Int, { description: 'The spreadsheet row (the header is row 1).' })
  rowNumber: number;

  @Field(() => String, { nullable: true })
  lrn: string | null;

  @Field(() => String, { nullable: true })
  lastName: string | null;

  @Field(() => String, { nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true })
  birthDate: string | null;

  @Field(() => String, { nullable: true })
  gradeLevel: string | null;

  @Field(() => ImportOutcome)
  outcome: keyof typeof ImportOutcome;

  @Field(() => [ImportRowError])
  errors: ImportRowError[];

  @Field(() => ID, { nullable: true })
  learnerId: string | null;

  @Field(() => [ImportCandidate])
  candidates: ImportCandidate[];
}

@ObjectType()
export class ImportRowCommitted {
  @Field(() => Int)
  rowNumber: number;

  @Field(() => ImportRowResult)
  result: keyof typeof ImportRowResult;

  @Field(() => ID, { nullable: true })
  learnerId: string | null;

  @Field(() => ID, { nullable: true })
  enrollmentId: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType({ description: 'A learner list staged for import, and what its commit did.' })
export class LearnerImport {
  @Field(() => ID)
  id: string;

  @Field()
  fileName: string;

  @Field()
  schoolYear: string;

  @Field({ description: 'PREVIEWED or COMMITTED.' })
  status: string;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  invalidRows: number;

  @Field(() => Int)
  suspectedDuplicates: number;

  @Field(() => [ImportRow])
  rows: ImportRow[];

  @Field(() => [ImportRowCommitted], { description: 'After commit: each row’s result.' })
  committed: ImportRowCommitted[];

  @Field(() => Int, { description: 'After commit: learners created.' })
  created: number;

  @Field(() => Int, { description: 'After commit: enrolments made.' })
  enrolled: number;
}
