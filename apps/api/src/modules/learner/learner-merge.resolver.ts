import { MergeStatus } from '@repo/domain/merge';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import {
  decideLearnerMerge,
  listLearnerMerges,
  proposeLearnerMerge,
} from './learner-merge.service.js';
import { LearnerMerge, toLearnerMerge } from './learner-merge.type.js';
import { checkId } from '../../ids.js';

@Resolver(() => LearnerMerge)
export class LearnerMergeResolver {
  @Query(() => [LearnerMerge], {
    description:
      'Merges proposed by your school; for a division, those it must approve (every division whose schools hold one of the records, issue 18).',
  })
  async learnerMerges(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('status', () => MergeStatus, { nullable: true }) status?: MergeStatus | null,
  ): Promise<LearnerMerge[]> {
    return (await listLearnerMerges(dataSource, viewer!, status)).map((m) =>
      toLearnerMerge(m, viewer!),
    );
  }

  @Mutation(() => LearnerMerge, {
    description:
      'Proposes that two records are one learner; every division whose school holds one of them decides.',
  })
  async proposeLearnerMerge(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('duplicateId', () => ID) duplicateId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerMerge> {
    checkId('learner', learnerId, 'learnerId');
    checkId('learner', duplicateId, 'duplicateId');
    return toLearnerMerge(
      await proposeLearnerMerge(dataSource, viewer!, learnerId, duplicateId, reason),
      viewer!,
    );
  }

  @Mutation(() => LearnerMerge, {
    description:
      'A division whose school holds one of the records approves; the records become one when the last such division has (issue 18).',
  })
  async approveLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(
      await decideLearnerMerge(dataSource, viewer!, mergeId, 'APPROVED', note),
      viewer!,
    );
  }

  @Mutation(() => LearnerMerge, {
    description:
      'A division whose school holds one of the records rejects the proposal, saying why.',
  })
  async rejectLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('note', () => String) note: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(
      await decideLearnerMerge(dataSource, viewer!, mergeId, 'REJECTED', note),
      viewer!,
    );
  }

  @Mutation(() => LearnerMerge, {
    description: 'The division undoes an approved merge, saying why.',
  })
  async revertLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('note', () => String) note: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(
      await decideLearnerMerge(dataSource, viewer!, mergeId, 'REVERTED', note),
      viewer!,
    );
  }
}
