import { chooseSurvivor, type MergeStatus } from '@repo/domain/merge';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { isId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { LearnerMergeEntity } from './learner-merge.entity.js';

const messages: Record<string, string> = {
  FORBIDDEN: 'Your scope may not do this',
  MERGE_SAME_LEARNER: 'A learner cannot be merged with itself',
  LEARNER_NOT_FOUND: 'One of the learners does not exist or was already merged',
  MERGE_OUTSIDE_SCOPE: 'Neither learner belongs to your school',
  MERGE_ALREADY_PROPOSED: 'A merge of one of these learners already awaits the division',
  MERGE_NOT_FOUND: 'No such merge in your division',
  MERGE_NOT_PENDING: 'This merge was already decided',
  MERGE_NOT_APPROVED: 'Only an approved merge can be reverted',
  LEARNER_ALREADY_MERGED: 'One of the learners was merged meanwhile',
  MERGE_ENROLLMENT_CONFLICT:
    'Both records are enrolled in the same school year: one enrollment must end (moved out or dropped) before the merge',
};

/** The merge functions refuse with SQLSTATE P0001 and a code as the message: turn it into ours. */
async function callMergeFunction<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const driver =
      error instanceof QueryFailedError
        ? (error.driverError as { code?: string; message?: string })
        : null;
    if (driver?.code === 'P0001' && driver.message && messages[driver.message]) {
      throw refused(driver.message, messages[driver.message]!);
    }
    throw error;
  }
}

async function auditBoth(
  manager: EntityManager,
  viewer: Viewer,
  merge: LearnerMergeEntity,
  action: string,
) {
  for (const entityId of [merge.survivorId, merge.mergedId]) {
    await audit(manager, viewer, {
      action,
      entity: 'learner',
      entityId,
      after: {
        mergeId: merge.id,
        survivorId: merge.survivorId,
        mergedId: merge.mergedId,
        status: merge.status,
      },
    });
  }
}

const reasonOf = (field: string, text: string | null | undefined, required: boolean) => {
  const value = text?.trim() ?? '';
  if (required && !value) throw badUserInput(field, 'REQUIRED', `${field} is required`);
  if (value.length > 500)
    throw badUserInput(field, 'TOO_LONG', `${field} must be at most 500 characters`);
  return value || null;
};

/**
 * A school proposes that two records are one learner (DO 03 s. 2018 §VI); the record whose LRN is
 * oldest is kept (domain `chooseSurvivor`). Nothing moves until the division approves.
 */
export async function proposeLearnerMerge(
  dataSource: DataSource,
  viewer: Viewer,
  learnerId: string,
  duplicateId: string,
  reason: string,
): Promise<LearnerMergeEntity> {
  const why = reasonOf('reason', reason, true)!;
  return inViewerScope(dataSource, viewer, async (manager) => {
    const facts = await manager.query<
      {
        id: string;
        lrn: string | null;
        lrn_issued_at: Date | null;
        created_at: Date;
        merged_into_id: string | null;
      }[]
    >(
      'SELECT id::text, lrn, lrn_issued_at, created_at, merged_into_id::text FROM learner_merge_facts($1::bigint[])',
      [[learnerId, duplicateId]],
    );
    const byId = new Map(facts.map((f) => [f.id, f]));
    const toCandidate = (id: string) => {
      const f = byId.get(id);
      return {
        id,
        lrn: f?.lrn ?? null,
        lrnIssuedAt: f?.lrn_issued_at?.toISOString() ?? null,
        createdAt: f?.created_at.toISOString() ?? '',
      };
    };
    const { survivor, merged } = chooseSurvivor(toCandidate(learnerId), toCandidate(duplicateId));
    const [row] = await callMergeFunction(() =>
      manager.query<{ id: string }[]>('SELECT propose_learner_merge($1, $2, $3)::text AS id', [
        survivor.id,
        merged.id,
        why,
      ]),
    );
    const merge = await manager.getRepository(LearnerMergeEntity).findOneByOrFail({ id: row!.id });
    await auditBoth(manager, viewer, merge, 'MERGE_PROPOSED');
    return merge;
  });
}

/**
 * The division decides a proposal from one of its schools: approved, the merged record points to
 * the survivor, which takes over its schools; rejected, nothing moves. An approved merge can be
 * reverted, which puts everything back.
 */
export function decideLearnerMerge(
  dataSource: DataSource,
  viewer: Viewer,
  mergeId: string,
  decision: Extract<MergeStatus, 'APPROVED' | 'REJECTED' | 'REVERTED'>,
  note: string | null | undefined,
): Promise<LearnerMergeEntity> {
  const text = reasonOf('note', note, decision !== 'APPROVED');
  if (!isId('merge', mergeId)) throw refused('MERGE_NOT_FOUND', messages.MERGE_NOT_FOUND!);
  return inViewerScope(dataSource, viewer, async (manager) => {
    await callMergeFunction(() =>
      manager.query('SELECT decide_learner_merge($1, $2, $3)', [mergeId, decision, text]),
    );
    const merge = await manager.getRepository(LearnerMergeEntity).findOneByOrFail({ id: mergeId });
    await auditBoth(manager, viewer, merge, `MERGE_${decision}`);
    return merge;
  });
}

/** Merges proposed by the viewer's school, or by the schools of the viewer's division. */
export function listLearnerMerges(
  dataSource: DataSource,
  viewer: Viewer,
  status: MergeStatus | null | undefined,
) {
  return inViewerScope(dataSource, viewer, (manager) =>
    manager.getRepository(LearnerMergeEntity).find({
      where: status ? { status } : {},
      order: { proposedAt: 'DESC' },
      take: 200,
    }),
  );
}
