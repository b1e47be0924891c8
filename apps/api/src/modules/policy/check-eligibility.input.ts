import { AdmissionBasis, DocumentType, GradeLevel } from '@repo/domain/enums';
import { Field, InputType } from 'type-graphql';

@InputType()
export class CheckEligibilityInput {
  @Field({ description: 'e.g. "2025-2026"' })
  schoolYear: string;

  @Field(() => GradeLevel)
  gradeLevel: GradeLevel;

  @Field(() => AdmissionBasis)
  basis: AdmissionBasis;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field({ description: 'Enrolling in basic education for the first time.' })
  firstTimeEnrollee: boolean;

  @Field(() => [DocumentType], { defaultValue: [] })
  documents: DocumentType[];

  @Field({
    defaultValue: false,
    description: 'A birth document is already on file (never asked again).',
  })
  birthDocumentOnFile: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The day to judge the deadline on (YYYY-MM-DD); default today in the Philippines.',
  })
  asOf?: string | null;
}
