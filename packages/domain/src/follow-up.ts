import { addDays, type CivilDate } from './civil-date.js';

/**
 * How a temporarily enrolled learner's missing documents stand on a day (DO 03 s. 2018 §V.C: the
 * learner stays temporarily enrolled until they are submitted, by the deadline), for the
 * division's follow-up (SPEC §1: "follow up temporarily enrolled learners before the deadline").
 */
export const DocumentDueState = {
  /** The deadline has passed. */
  OVERDUE: 'OVERDUE',
  /** Due today or within the days the follow-up looks ahead. */
  DUE_SOON: 'DUE_SOON',
  /** Due later than that: not yet a follow-up. */
  DUE_LATER: 'DUE_LATER',
} as const;
export type DocumentDueState = (typeof DocumentDueState)[keyof typeof DocumentDueState];

/** How many days ahead the follow-up looks by default: two school weeks. */
export const defaultFollowUpDays = 14;

/** §V.C: overdue from the day after the deadline; due soon from `soonDays` before it. */
export function documentDueState(
  dueBy: CivilDate,
  today: CivilDate,
  soonDays: number = defaultFollowUpDays,
): DocumentDueState {
  if (dueBy < today) return DocumentDueState.OVERDUE;
  return dueBy <= addDays(today, soonDays) ? DocumentDueState.DUE_SOON : DocumentDueState.DUE_LATER;
}
