import { formatSchoolId } from '@repo/domain/school';
import { MergeStatus } from '@repo/domain/merge';
import { awaitsDivision } from '@repo/domain/merge-approval';
import { Field, ID, ObjectType } from 'type-graphql';
import { type Viewer } from '../auth/viewer.js';
import { approvalOf, type MergeWithDivisions } from './learner-merge.service.js';

@ObjectType({ description: 'Two records of one learner folded into one (DO 03 s. 2018 §VI).' })
export class LearnerMerge {
  @Field(() => ID)
  id: string;

  @Field(() => MergeStatus)
  status: MergeStatus;

  @Field(() => ID, { description: 'The record kept: its LRN is the older.' })
  survivorId: string;

  @Field(() => ID, { description: 'The record folded into the survivor; its LRN is retired.' })
  mergedId: string;

  @Field()
  reason: string;

  @Field({ description: 'School ID of the school that proposed the merge.' })
  proposingSchoolId: string;

  @Field()
  proposedAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true })
  revertedAt: Date | null;

  @Field(() => [ID], {
    description:
      'Divisions whose schools held one of the two records when it was proposed: each must approve (issue 18).',
  })
  requiredDivisionIds: string[];

  @Field(() => [ID], { description: 'The required divisions that have approved.' })
  approvedDivisionIds: string[];

  @Field({ description: "True while the proposal waits for your division's approval." })
  awaitsYourDivision: boolean;
}

export function toLearnerMerge(
  { merge: entity, divisions }: MergeWithDivisions,
  viewer: Viewer,
): LearnerMerge {
  const approval = approvalOf(divisions);
  const divisionId = viewer.scope.kind === 'DIVISION' ? viewer.scope.divisionId : null;
  return Object.assign(new LearnerMerge(), {
    id: String(entity.id),
    status: entity.status as MergeStatus,
    survivorId: String(entity.survivorId),
    mergedId: String(entity.mergedId),
    reason: entity.reason,
    proposingSchoolId: formatSchoolId(entity.proposingSchoolId),
    proposedAt: entity.proposedAt,
    decidedAt: entity.decidedAt,
    decisionNote: entity.decisionNote,
    revertedAt: entity.revertedAt,
    requiredDivisionIds: approval.requiredDivisionIds.map(String),
    approvedDivisionIds: approval.approvedDivisionIds.map(String),
    awaitsYourDivision: awaitsDivision(entity.status === 'PROPOSED', approval, divisionId),
  });
}
