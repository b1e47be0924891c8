import { DocumentType, EnrollmentStatus } from '@repo/domain/enums';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The policy engine’s answer (DO 03 s. 2018 §V.A-§V.C).' })
export class EligibilityResult {
  @Field()
  eligible: boolean;

  @Field(() => [String], { description: 'Stable SCREAMING_SNAKE codes.' })
  reasons: string[];

  @Field(() => [DocumentType], { description: 'At enrollment, one per requirement.' })
  requiredDocuments: DocumentType[];

  @Field(() => [DocumentType])
  missingDocuments: DocumentType[];

  @Field(() => [DocumentType], { description: 'Documents that may follow during the school year.' })
  documentsDuringYear: DocumentType[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  documentsDueBy: string | null;

  @Field(() => EnrollmentStatus, { nullable: true })
  resultingStatus: EnrollmentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: '"ALS" for first-time enrollees aged 13 and above.',
  })
  recommendation: string | null;

  @Field(() => Int, { nullable: true })
  ageOnCutoff: number | null;
}
