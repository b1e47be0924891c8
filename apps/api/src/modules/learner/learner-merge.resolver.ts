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
    description: 'Merges proposed by your school, or in your division.',
  })
  async learnerMerges(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('status', () => MergeStatus, { nullable: true }) status?: MergeStatus | null,
  ): Promise<LearnerMerge[]> {
    return (await listLearnerMerges(dataSource, viewer!, status)).map(toLearnerMerge);
  }

  @Mutation(() => LearnerMerge, {
    description: 'Proposes that two records are one learner; the division decides.',
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
    );
  }

  @Mutation(() => LearnerMerge, { description: 'The division approves: the records become one.' })
  async approveLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(await decideLearnerMerge(dataSource, viewer!, mergeId, 'APPROVED', note));
  }

  @Mutation(() => LearnerMerge, { description: 'The division rejects a proposal, saying why.' })
  async rejectLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('note', () => String) note: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(await decideLearnerMerge(dataSource, viewer!, mergeId, 'REJECTED', note));
  }

  @Mutation(() => LearnerMerge, {
    description: 'The division undoes an approved merge, saying why.',
  })
  async revertLearnerMerge(
    @Arg('mergeId', () => ID) mergeId: string,
    @Arg('note', () => String) note: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerMerge> {
    return toLearnerMerge(await decideLearnerMerge(dataSource, viewer!, mergeId, 'REVERTED', note));
  }
}
