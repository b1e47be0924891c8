import { type LookupQuery, shownLrn } from '@repo/domain/disclosure';
import { type EnrollmentStatus } from '@repo/domain/enums';
import { formatSchoolId } from '@repo/domain/school';
import { type Match } from '@repo/domain/similarity';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { CreateLearnerInput, UpdateLearnerInput } from './create-learner.input.js';
import {
  CandidateEnrollment,
  Learner,
  LearnerCandidate,
  LearnerHistoryEntry,
  toLearner,
} from './learner.type.js';
import { createLearner, type ScoredCandidate, searchLearners } from './learner.service.js';
import { learnerHistory, updateLearner, viewLearner } from './learner-record.service.js';
import { checkId, isId } from '../../ids.js';

/** A candidate as the viewer may see it: outside its place, only what a duplicate check needs. */
function toCandidate(
  { row, match, profile, schoolYear, enrolled }: ScoredCandidate,
  query: LookupQuery,
): LearnerCandidate {
  const result: Match = match;
  return Object.assign(new LearnerCandidate(), {
    learnerId: row.id,
    lrn: shownLrn(row.lrn?.trim() ?? null, query, row.in_scope),
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    extensionName: row.extension_name,
    birthDate: row.birth_date,
    sex: row.sex,
    lastSchoolId: row.last_school_id === null ? null : formatSchoolId(row.last_school_id),
    lastSchoolName: row.last_school_name,
    score: result.score,
    reasons: result.reasons,
    likelyDuplicate: result.likelyDuplicate,
    inScope: profile !== null,
    learner: profile ? toLearner(profile) : null,
    enrolledThisYear:
      enrolled && schoolYear
        ? Object.assign(new CandidateEnrollment(), {
            ...enrolled,
            schoolYear,
            status: enrolled.status as EnrollmentStatus | null,
          })
        : null,
  });
}

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

@Resolver()
export class LearnerResolver {
  @Query(() => [LearnerCandidate], {
    description:
      'Search the whole registry before creating a learner (DO 03 s. 2018 §VI): by LRN, or by name with an optional birth date (YYYY-MM-DD). Best match first, each with where it is enrolled in the school year (YYYY-YYYY; the current one by default).',
  })
  async searchLearners(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('lrn', () => String, { nullable: true }) lrn?: string | null,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
    @Arg('birthDate', () => String, { nullable: true }) birthDate?: string | null,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit = 10,
    @Arg('schoolYear', () => String, { nullable: true }) schoolYear?: string | null,
  ): Promise<LearnerCandidate[]> {
    const found = await searchLearners(dataSource, viewer!, {
      lrn,
      name,
      birthDate,
      schoolYear,
      limit,
    });
    return found.map((candidate) => toCandidate(candidate, { lrn, name, birthDate }));
  }

  @Query(() => Learner, {
    nullable: true,
    description: 'A learner in your scope; each view is recorded.',
  })
  async learner(
    @Arg('id', () => ID) id: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<Learner | null> {
    if (!isId('learner', id)) return null;
    const row = await viewLearner(dataSource, viewer!, id);
    return row ? toLearner(row) : null;
  }

  @Query(() => [LearnerHistoryEntry], {
    description: "A learner's audit trail: who did what, when.",
  })
  async learnerHistory(
    @Arg('learnerId', () => ID) learnerId: string,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerHistoryEntry[]> {
    checkId('learner', learnerId, 'learnerId');
    const rows = await learnerHistory(dataSource, viewer!, learnerId);
    return rows.map((row) =>
      Object.assign(new LearnerHistoryEntry(), {
        at: row.at,
        action: row.action,
        username: row.username,
        before: json(row.before),
        after: json(row.after),
      }),
    );
  }

  @Mutation(() => Learner, {
    description:
      'Registers a new learner at your school. Refused with DUPLICATE_SUSPECTED when likely duplicates exist, unless confirmNoDuplicate.',
  })
  async createLearner(
    @Arg('input', () => CreateLearnerInput) input: CreateLearnerInput,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<Learner> {
    return toLearner(await createLearner(dataSource, viewer!, input));
  }

  @Mutation(() => Learner, { description: 'Updates a profile; `version` is the one you read.' })
  async updateLearner(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateLearnerInput) input: UpdateLearnerInput,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<Learner> {
    checkId('learner', id, 'id');
    return toLearner(await updateLearner(dataSource, viewer!, id, version, input));
  }
}
