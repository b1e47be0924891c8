import { BirthDocumentType, Sex } from '@repo/domain/enums';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The Basic Education Enrollment Form profile (DO 03 s. 2018 §V.A).' })
export class LearnerProfileInput {
  @Field(() => String, { nullable: true })
  lastName?: string;

  @Field(() => String, { nullable: true })
  firstName?: string;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field(() => String, { nullable: true, description: 'Jr., Sr., II, III, IV or V.' })
  extensionName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthDate?: string;

  @Field(() => Sex, { nullable: true })
  sex?: Sex;

  @Field(() => String, { nullable: true })
  placeOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  motherTongue?: string | null;

  @Field(() => Boolean, { nullable: true })
  isIndigenous?: boolean;

  @Field(() => String, { nullable: true })
  ipCommunity?: string | null;

  @Field(() => [String], { nullable: true })
  specialNeeds?: string[];

  @Field(() => Boolean, { nullable: true })
  isFourPs?: boolean;

  @Field(() => String, { nullable: true })
  addressStreet?: string | null;

  @Field(() => String, { nullable: true })
  addressBarangay?: string | null;

  @Field(() => String, { nullable: true })
  addressMunicipality?: string | null;

  @Field(() => String, { nullable: true })
  addressProvince?: string | null;

  @Field(() => String, { nullable: true })
  fatherName?: string | null;

  @Field(() => String, { nullable: true })
  motherMaidenName?: string | null;

  @Field(() => String, { nullable: true })
  guardianName?: string | null;

  @Field(() => BirthDocumentType, { nullable: true })
  birthDocumentType?: BirthDocumentType | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthDocumentReceivedOn?: string | null;
}

@InputType()
export class CreateLearnerInput extends LearnerProfileInput {
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'The guide\'s "No, this is correct. Create New Record": create even though likely duplicates were shown.',
  })
  confirmNoDuplicate: boolean;
}

@InputType()
export class UpdateLearnerInput extends LearnerProfileInput {}
