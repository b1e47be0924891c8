/**
 * Merging two records of one learner (DO 03 s. 2018 §VI: "only one unique and permanent LRN"). The
 * record whose LRN was issued first survives, so the number the learner has used longest stays;
 * without LRNs, the record created first. The other LRN is retired, never reused.
 */
export interface MergeCandidate {
  id: string;
  lrn: string | null;
  /** ISO timestamp; null when the record has no LRN. */
  lrnIssuedAt: string | null;
  /** ISO timestamp. */
  createdAt: string;
}

export function chooseSurvivor(
  a: MergeCandidate,
  b: MergeCandidate,
): { survivor: MergeCandidate; merged: MergeCandidate } {
  const order = (x: MergeCandidate, y: MergeCandidate): number => {
    if (x.lrnIssuedAt && !y.lrnIssuedAt) return -1;
    if (!x.lrnIssuedAt && y.lrnIssuedAt) return 1;
    if (x.lrnIssuedAt && y.lrnIssuedAt && x.lrnIssuedAt !== y.lrnIssuedAt) {
      return x.lrnIssuedAt < y.lrnIssuedAt ? -1 : 1;
    }
    if (x.createdAt !== y.createdAt) return x.createdAt < y.createdAt ? -1 : 1;
    return BigInt(x.id) < BigInt(y.id) ? -1 : 1;
  };
  return order(a, b) <= 0 ? { survivor: a, merged: b } : { survivor: b, merged: a };
}

export const MergeStatus = {
  PROPOSED: 'PROPOSED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  REVERTED: 'REVERTED',
} as const;
export type MergeStatus = (typeof MergeStatus)[keyof typeof MergeStatus];

/** A school proposes, the division decides; an approved merge can be reverted, and only that. */
export const mergeTransitions: Record<MergeStatus, readonly MergeStatus[]> = {
  PROPOSED: [MergeStatus.APPROVED, MergeStatus.REJECTED],
  APPROVED: [MergeStatus.REVERTED],
  REJECTED: [],
  REVERTED: [],
};

export function canMoveMerge(from: MergeStatus, to: MergeStatus): boolean {
  return mergeTransitions[from].includes(to);
}
