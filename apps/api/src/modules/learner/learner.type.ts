import { BirthDocumentType, EnrollmentStatus, Sex } from '@repo/domain/enums';
import { MatchReason } from '@repo/domain/similarity';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { type LearnerEntity } from './learner.entity.js';

@ObjectType()
export class LearnerAddress {
  @Field(() => String, { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  barangay: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => String, { nullable: true })
  province: string | null;
}

@ObjectType({ description: 'Submitted once in the whole of basic education (DO 03 s. 2018 §V.A).' })
export class BirthDocument {
  @Field(() => BirthDocumentType)
  type: BirthDocumentType;

  @Field({ description: 'YYYY-MM-DD' })
  receivedOn: string;
}

@ObjectType({ description: "A learner's full profile: personal data, shown only within scope." })
export class Learner {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Issued at the first date of attendance.' })
  lrn: string | null;

  @Field()
  lastName: string;

  @Field()
  firstName: string;

  @Field(() => String, { nullable: true })
  middleName: string | null;

  @Field(() => String, { nullable: true })
  extensionName: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  birthDate: string;

  @Field(() => Sex)
  sex: Sex;

  @Field(() => String, { nullable: true })
  placeOfBirth: string | null;

  @Field(() => String, { nullable: true })
  motherTongue: string | null;

  @Field({ description: 'Indigenous Peoples (IP) learner (DO 03 s. 2018 §IV.m).' })
  isIndigenous: boolean;

  @Field(() => String, { nullable: true })
  ipCommunity: string | null;

  @Field(() => [String], { description: 'Disabilities or special needs; SPED when any (§IV.n).' })
  specialNeeds: string[];

  @Field({ description: '4Ps beneficiary.' })
  isFourPs: boolean;

  @Field(() => LearnerAddress)
  address: LearnerAddress;

  @Field(() => String, { nullable: true })
  fatherName: string | null;

  @Field(() => String, { nullable: true })
  motherMaidenName: string | null;

  @Field(() => String, { nullable: true })
  guardianName: string | null;

  @Field(() => BirthDocument, { nullable: true })
  birthDocument: BirthDocument | null;

  @Field(() => Int, { description: 'Send back with an update: a stale one is refused.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType({
  description:
    'Where a search result is enrolled in the school year searched for. Outside your place, the school only: the receiving school coordinates with the originating one (DO 03 s. 2018 §V.E).',
})
export class CandidateEnrollment {
  @Field()
  schoolYear: string;

  @Field()
  schoolId: string;

  @Field()
  schoolName: string;

  @Field({ description: 'Registered early (§V.A), not enrolled yet.' })
  preRegistered: boolean;

  @Field(() => EnrollmentStatus, { nullable: true, description: 'Within your place only.' })
  status: EnrollmentStatus | null;
}

@ObjectType({
  description:
    'A search result. Outside your place only what a duplicate check needs is shown: name, birth date, sex, last school, where enrolled this school year and why it matched (SPEC §3; issues 18, 21).',
})
export class LearnerCandidate {
  @Field(() => ID)
  learnerId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Outside your place, only when you searched by this LRN.',
  })
  lrn: string | null;

  @Field()
  lastName: string;

  @Field()
  firstName: string;

  @Field(() => String, { nullable: true })
  middleName: string | null;

  @Field(() => String, { nullable: true })
  extensionName: string | null;

  @Field()
  birthDate: string;

  @Field(() => Sex)
  sex: Sex;

  @Field(() => String, { nullable: true, description: "School ID of the learner's latest school." })
  lastSchoolId: string | null;

  @Field(() => String, { nullable: true, description: "The name of the learner's latest school." })
  lastSchoolName: string | null;

  @Field(() => Float, { description: '0 to 1.' })
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];

  @Field({ description: 'Likely the same learner: confirm before creating a new record.' })
  likelyDuplicate: boolean;

  @Field({ description: 'Whether the full profile is yours to see.' })
  inScope: boolean;

  @Field(() => CandidateEnrollment, {
    nullable: true,
    description:
      'Where the learner is enrolled (or registered early) in the school year searched for, the current one unless named; null: not enrolled that year.',
  })
  enrolledThisYear: CandidateEnrollment | null;

  @Field(() => Learner, { nullable: true, description: 'The full profile, when in scope.' })
  learner: Learner | null;
}

@ObjectType({ description: 'One entry of a learner’s audit trail.' })
export class LearnerHistoryEntry {
  @Field()
  at: Date;

  @Field()
  action: string;

  @Field(() => String, { nullable: true, description: 'Who did it.' })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'The record before, as JSON.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The record after, as JSON.' })
  after: string | null;
}

export function toLearner(entity: LearnerEntity): Learner {
  return Object.assign(new Learner(), {
    id: String(entity.id),
    lrn: entity.lrn,
    lastName: entity.lastName,
    firstName: entity.firstName,
    middleName: entity.middleName,
    extensionName: entity.extensionName,
    birthDate: entity.birthDate,
    sex: entity.sex as Sex,
    placeOfBirth: entity.placeOfBirth,
    motherTongue: entity.motherTongue,
    isIndigenous: entity.isIndigenous,
    ipCommunity: entity.ipCommunity,
    specialNeeds: entity.specialNeeds,
    isFourPs: entity.isFourPs,
    address: Object.assign(new LearnerAddress(), {
      street: entity.addressStreet,
      barangay: entity.addressBarangay,
      municipality: entity.addressMunicipality,
      province: entity.addressProvince,
    }),
    fatherName: entity.fatherName,
    motherMaidenName: entity.motherMaidenName,
    guardianName: entity.guardianName,
    birthDocument:
      entity.birthDocumentType && entity.birthDocumentReceivedOn
        ? Object.assign(new BirthDocument(), {
            type: entity.birthDocumentType as BirthDocumentType,
            receivedOn: entity.birthDocumentReceivedOn,
          })
        : null,
    version: entity.version,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}
