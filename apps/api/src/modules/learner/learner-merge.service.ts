import { chooseSurvivor, type MergeStatus } from '@repo/domain/merge';
import { approveMergeAs, mayDecideMerge, type MergeApproval } from '@repo/domain/merge-approval';
import { In, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { isId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { LearnerMergeDivisionEntity } from './learner-merge-division.entity.js';
import { LearnerMergeEntity } from './learner-merge.entity.js';

/** A merge and the divisions whose approval it needs (issue 18). */
export interface MergeWithDivisions {
  merge: LearnerMergeEntity;
  divisions: LearnerMergeDivisionEntity[];
}

const messages: Record<string, string> = {
  FORBIDDEN: 'Your scope may not do this',
  MERGE_SAME_LEARNER: 'A learner cannot be merged with itself',
  LEARNER_NOT_FOUND: 'One of the learners does not exist or was already merged',
  MERGE_OUTSIDE_SCOPE: 'Neither learner belongs to your school',
  MERGE_ALREADY_PROPOSED: 'A merge of one of these learners already awaits the division',
  MERGE_NOT_FOUND: 'No such merge',
  MERGE_APPROVAL_NOT_REQUIRED:
    'Only the divisions whose schools hold one of the two records decide this merge (issue 18, RA 10173): your division is not one of them',
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
  { merge, divisions }: MergeWithDivisions,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const approval = approvalOf(divisions);
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
        requiredDivisionIds: approval.requiredDivisionIds,
        approvedDivisionIds: approval.approvedDivisionIds,
        ...extra,
      },
    });
  }
}

export function approvalOf(divisions: readonly LearnerMergeDivisionEntity[]): MergeApproval {
  return {
    requiredDivisionIds: divisions.map((d) => Number(d.divisionId)).sort((a, b) => a - b),
    approvedDivisionIds: divisions
      .filter((d) => d.approvedAt !== null)
      .map((d) => Number(d.divisionId))
      .sort((a, b) => a - b),
  };
}

async function withDivisions(
  manager: EntityManager,
  merges: LearnerMergeEntity[],
): Promise<MergeWithDivisions[]> {
  const rows = merges.length
    ? await manager.getRepository(LearnerMergeDivisionEntity).find({
        where: { mergeId: In(merges.map((m) => m.id)) },
      })
    : [];
  return merges.map((merge) => ({
    merge,
    divisions: rows.filter((row) => String(row.mergeId) === String(merge.id)),
  }));
}

async function loadMerge(manager: EntityManager, id: string): Promise<MergeWithDivisions> {
  const merge = await manager.getRepository(LearnerMergeEntity).findOneByOrFail({ id });
  return (await withDivisions(manager, [merge]))[0]!;
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
): Promise<MergeWithDivisions> {
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
    const merge = await loadMerge(manager, row!.id);
    await auditBoth(manager, viewer, merge, 'MERGE_PROPOSED');
    return merge;
  });
}

/**
 * What deciding needs of a merge, read past row-level security so that a division that may not
 * decide it learns why (issue 18): the divisions required and approved, and the status. The merge
 * is locked from here, so two divisions approving at once are judged one after the other.
 */
async function approvalFacts(manager: EntityManager, mergeId: string) {
  // Lock first, then read in a statement of its own: a statement that waits for the lock re-reads
  // only the locked merge row (READ COMMITTED), its division rows stay as they were when it began,
  // so the second of two divisions approving at once counted the first's approval as missing and
  // the domain and the database disagreed (an internal error, one run in three under load).
  await manager.query('SELECT count(*) FROM learner_merge_approvals($1)', [mergeId]);
  const rows = await manager.query<{ division_id: number; approved: boolean; status: string }[]>(
    'SELECT division_id, approved, status FROM learner_merge_approvals($1)',
    [mergeId],
  );
  const approval: MergeApproval = {
    requiredDivisionIds: rows.map((r) => r.division_id),
    approvedDivisionIds: rows.filter((r) => r.approved).map((r) => r.division_id),
  };
  return { found: rows.length > 0, status: rows[0]?.status, approval };
}

/**
 * Every division whose school holds one of the records decides (issue 18; domain
 * `merge-approval`): an approval counts once per division and the merge is carried out on the last
 * one; a rejection by any of them rejects it; any of them may revert it, which puts everything back.
 * The database refuses the same, as it does scope.
 */
export function decideLearnerMerge(
  dataSource: DataSource,
  viewer: Viewer,
  mergeId: string,
  decision: Extract<MergeStatus, 'APPROVED' | 'REJECTED' | 'REVERTED'>,
  note: string | null | undefined,
): Promise<MergeWithDivisions> {
  const text = reasonOf('note', note, decision !== 'APPROVED');
  if (!isId('merge', mergeId)) throw refused('MERGE_NOT_FOUND', messages.MERGE_NOT_FOUND!);
  const divisionId = viewer.scope.kind === 'DIVISION' ? viewer.scope.divisionId : null;
  return inViewerScope(dataSource, viewer, async (manager) => {
    const facts = await approvalFacts(manager, mergeId);
    if (divisionId !== null && !facts.found) {
      throw refused('MERGE_NOT_FOUND', messages.MERGE_NOT_FOUND!);
    }
    if (divisionId !== null && !mayDecideMerge(facts.approval, divisionId)) {
      throw refused('MERGE_APPROVAL_NOT_REQUIRED', messages.MERGE_APPROVAL_NOT_REQUIRED!);
    }
    const outcome =
      decision === 'APPROVED' && facts.status === 'PROPOSED' && divisionId !== null
        ? approveMergeAs(facts.approval, divisionId)
        : null;
    await callMergeFunction(() =>
      manager.query('SELECT decide_learner_merge($1, $2, $3)', [mergeId, decision, text]),
    );
    const merge = await loadMerge(manager, mergeId);
    if (outcome?.ok && outcome.complete !== (merge.merge.status === 'APPROVED')) {
      throw new Error(`Merge ${mergeId}: the domain and decide_learner_merge disagree`);
    }
    const partial = outcome?.ok && !outcome.complete;
    await auditBoth(
      manager,
      viewer,
      merge,
      partial ? 'MERGE_DIVISION_APPROVED' : `MERGE_${decision}`,
      {
        divisionId,
        ...(outcome?.ok ? { counted: outcome.counted } : {}),
      },
    );
    return merge;
  });
}

/**
 * Merges proposed by the viewer's school; for a division, those it must approve, which include
 * every merge proposed by its schools (issue 18).
 */
export function listLearnerMerges(
  dataSource: DataSource,
  viewer: Viewer,
  status: MergeStatus | null | undefined,
): Promise<MergeWithDivisions[]> {
  return inViewerScope(dataSource, viewer, async (manager) =>
    withDivisions(
      manager,
      await manager.getRepository(LearnerMergeEntity).find({
        where: status ? { status } : {},
        order: { proposedAt: 'DESC' },
        take: 200,
      }),
    ),
  );
}
