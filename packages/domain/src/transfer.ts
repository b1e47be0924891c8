/**
 * Transfers with cause (issue 18). A learner's enrollment is never refused for want of the other
 * school's consent: DO 03 s. 2018 §V.E lets a learner move during the year, and the receiving
 * school enrolls with the learner's SF9. But under the Data Privacy Act of 2012 (RA 10173) §11 a
 * school takes another school's learner only with cause: it shows that it holds the learner's
 * papers (the LRN and the birth date, or the full name, the birth date and the last school, as an
 * SF9 or a registrar's letter gives them), says why, and names the document it saw. The origin
 * school and both divisions see every such admission; the origin's division may reverse one made
 * in error within 30 days.
 */
import { type CivilDate, daysBetween } from './civil-date.js';
import { toNameKey } from './names.js';

/** The papers a school saw that tell who the learner is (SF9: the report card, §V.E). */
export const transferDocuments = ['SF9', 'REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'] as const;
export type TransferDocument = (typeof transferDocuments)[number];

/** What the receiving school says it holds. */
export interface TransferProof {
  lrn?: string | null;
  birthDate?: string | null;
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastSchoolId?: number | null;
  reason?: string | null;
  documentSeen?: string | null;
}

/** The learner's record, as the database holds it, for the comparison only. */
export interface RecordIdentity {
  lrn: string | null;
  birthDate: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** The schools the learner was last enrolled at or registered with (any may be named). */
  lastSchoolIds: readonly number[];
}

export type ProofBasis = 'LRN_AND_BIRTH_DATE' | 'NAME_BIRTH_DATE_AND_SCHOOL';

export interface ProofProblem {
  field: string;
  code: 'PROOF_REQUIRED' | 'PROOF_MISMATCH' | 'REASON_REQUIRED' | 'REASON_TOO_LONG';
  message: string;
}

export type ProofJudgement = { ok: true; basis: ProofBasis } | { ok: false; problem: ProofProblem };

export const maxReasonLength = 300;

const has = (value: string | null | undefined): value is string => Boolean(value?.trim());

/**
 * Whether the proof shows the school holds the learner's papers. Which of the given values did not
 * match is never said: the answer would let a caller guess a birth date one day at a time.
 */
export function checkTransferProof(
  proof: TransferProof | null | undefined,
  record: RecordIdentity,
): ProofJudgement {
  const fail = (field: string, code: ProofProblem['code'], message: string): ProofJudgement => ({
    ok: false,
    problem: { field, code, message },
  });
  if (!proof)
    return fail(
      'proof',
      'PROOF_REQUIRED',
      "This learner is not your school's: give the LRN and birth date (or full name, birth date and last school) from the learner's papers, a reason and the document you saw",
    );
  if (!has(proof.reason))
    return fail('proof.reason', 'REASON_REQUIRED', 'Say why the learner comes to your school');
  if (proof.reason.trim().length > maxReasonLength)
    return fail(
      'proof.reason',
      'REASON_TOO_LONG',
      `The reason is at most ${maxReasonLength} characters`,
    );
  if (!transferDocuments.includes(proof.documentSeen as TransferDocument))
    return fail(
      'proof.documentSeen',
      'PROOF_REQUIRED',
      `Name the document you saw: ${transferDocuments.join(', ')}`,
    );
  if (!has(proof.birthDate))
    return fail('proof.birthDate', 'PROOF_REQUIRED', "Give the learner's birth date");
  const byLrn = has(proof.lrn);
  const byName = has(proof.lastName) && has(proof.firstName) && proof.lastSchoolId != null;
  if (!byLrn && !byName)
    return fail(
      'proof',
      'PROOF_REQUIRED',
      'Give the LRN, or the full name and the last school, with the birth date',
    );
  const birthMatches = proof.birthDate.trim() === record.birthDate;
  if (byLrn) {
    if (birthMatches && record.lrn !== null && proof.lrn!.trim() === record.lrn.trim())
      return { ok: true, basis: 'LRN_AND_BIRTH_DATE' };
  } else {
    const nameMatches =
      toNameKey({
        lastName: proof.lastName!,
        firstName: proof.firstName!,
        middleName: proof.middleName,
      }) === toNameKey(record);
    if (birthMatches && nameMatches && record.lastSchoolIds.includes(proof.lastSchoolId!))
      return { ok: true, basis: 'NAME_BIRTH_DATE_AND_SCHOOL' };
  }
  return fail(
    'proof',
    'PROOF_MISMATCH',
    "What you gave does not match the learner's record: check the papers, or ask the school the learner comes from",
  );
}

/** Days after an admission within which the origin's division may reverse it. */
export const reversalWindowDays = 30;

/** An admission as the reversal sees it. */
export interface AdmissionState {
  recordedOn: CivilDate;
  reversedOn: CivilDate | null;
  /**
   * Whether either enrollment changed after the admission: the admitted one (a status, a
   * document, a move) or the origin's, after it was moved out.
   */
  changedSince: boolean;
}

export type ReversalRefusal =
  'ALREADY_REVERSED' | 'REVERSAL_WINDOW_CLOSED' | 'CHANGED_SINCE_ADMISSION' | null;

/**
 * Whether an admission may still be reversed: once, within 30 days of being recorded, and only
 * while neither enrollment has changed since (a reversal restores both exactly, so nothing done
 * after it may be lost silently; such a case goes to the schools).
 */
export function reversalRefusal(admission: AdmissionState, today: CivilDate): ReversalRefusal {
  if (admission.reversedOn !== null) return 'ALREADY_REVERSED';
  if (daysBetween(admission.recordedOn, today) > reversalWindowDays)
    return 'REVERSAL_WINDOW_CLOSED';
  if (admission.changedSince) return 'CHANGED_SINCE_ADMISSION';
  return null;
}
