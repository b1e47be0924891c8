/**
 * Who must approve a merge of two records of one learner (issue 18, "Privacy by design").
 *
 * A merge rewrites records that another division's schools hold: the survivor takes over the
 * merged record's enrollments, so a school's class list can change. Under the Data Privacy Act of
 * 2012 (RA 10173) §11 personal data is processed transparently and for a legitimate purpose by
 * whoever controls it, and §20 asks for organizational measures against its unauthorized
 * alteration: each division answers for its own schools' records. So every division whose school
 * holds one of the two records approves the merge, and it is carried out only when the last of
 * them does. Holding a record is being linked to it by registration or enrollment, now or before
 * (the schools row-level security keys on; DO 03 s. 2018 §VI keeps one LRN for both).
 */
export interface MergeApproval {
  /** Fixed when the merge is proposed. */
  requiredDivisionIds: readonly number[];
  approvedDivisionIds: readonly number[];
}

/** The divisions that must approve: those of the schools holding either record, once each. */
export function divisionsRequiredForMerge(holdingDivisionIds: readonly number[]): number[] {
  return [...new Set(holdingDivisionIds)].sort((a, b) => a - b);
}

/** Every required division has approved (and there is at least one). */
export function isMergeApproved(approval: MergeApproval): boolean {
  const approved = new Set(approval.approvedDivisionIds);
  return (
    approval.requiredDivisionIds.length > 0 &&
    approval.requiredDivisionIds.every((division) => approved.has(division))
  );
}

export type MergeApprovalOutcome =
  | { ok: false; code: 'MERGE_APPROVAL_NOT_REQUIRED' }
  | {
      ok: true;
      approvedDivisionIds: number[];
      /** False when this division had already approved: a second approval counts once. */
      counted: boolean;
      /** This approval was the last one required: the merge is carried out. */
      complete: boolean;
    };

/** A division's approval: refused when its approval is not required; counted once. */
export function approveMergeAs(approval: MergeApproval, divisionId: number): MergeApprovalOutcome {
  if (!approval.requiredDivisionIds.includes(divisionId)) {
    return { ok: false, code: 'MERGE_APPROVAL_NOT_REQUIRED' };
  }
  const counted = !approval.approvedDivisionIds.includes(divisionId);
  const approvedDivisionIds = divisionsRequiredForMerge([
    ...approval.approvedDivisionIds,
    divisionId,
  ]);
  const complete = isMergeApproved({ ...approval, approvedDivisionIds });
  return { ok: true, approvedDivisionIds, counted, complete };
}

/**
 * Whether a division may decide the merge at all (approve, reject, revert): only a required one.
 * A rejection by any of them rejects it.
 */
export function mayDecideMerge(approval: MergeApproval, divisionId: number | null): boolean {
  return divisionId !== null && approval.requiredDivisionIds.includes(divisionId);
}

/** A proposal still waits for this division's approval. */
export function awaitsDivision(
  pending: boolean,
  approval: MergeApproval,
  divisionId: number | null,
): boolean {
  return (
    pending &&
    mayDecideMerge(approval, divisionId) &&
    !approval.approvedDivisionIds.includes(divisionId!)
  );
}
