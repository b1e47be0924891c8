import { ageOn, type CivilDate } from './civil-date.js';
import { type EnrollmentStatus, type LearnerCategory } from './enums.js';

/**
 * What a class list is exported as: a spreadsheet (CSV) or the printed School Form 1 (SF1), the
 * school register. Each is a disclosure the audit trail records as such.
 */
export const ClassListExportFormat = { CSV: 'CSV', SF1: 'SF1' } as const;
export type ClassListExportFormat =
  (typeof ClassListExportFormat)[keyof typeof ClassListExportFormat];

/**
 * Who is on the school register: the enrolled, temporarily or officially (§V.B-§V.C). A
 * pre-registered learner is not enrolled until the first date of attendance (§V.A).
 */
export const registerStatuses: readonly EnrollmentStatus[] = [
  'TEMPORARILY_ENROLLED',
  'OFFICIALLY_ENROLLED',
];

/**
 * The SF1's remark codes for what the system knows of a learner's enrollment, with their meaning
 * (the form's own legend): a 4Ps household is a conditional cash transfer (CCT) recipient, a
 * Balik-Aral learner B/A (§IV), a learner with special needs LWD; a learner who left during the
 * year is T/O or DRP, and one transferred to ALS is noted as such on the SF1 (§V.E).
 */
export const sf1RemarkLegend = {
  'T/O': 'Transferred out',
  DRP: 'Dropped out',
  ALS: 'Transferred to ALS',
  TE: 'Temporarily enrolled: documents due',
  CCT: 'CCT recipient (4Ps)',
  'B/A': 'Balik-Aral',
  LWD: 'Learner with disability',
} as const;
export type Sf1Remark = keyof typeof sf1RemarkLegend;

const remarkOfStatus: Partial<Record<EnrollmentStatus, Sf1Remark>> = {
  MOVED_OUT: 'T/O',
  DROPPED_OUT: 'DRP',
  TRANSFERRED_TO_ALS: 'ALS',
  TEMPORARILY_ENROLLED: 'TE',
};
const remarkOfCategory: Partial<Record<LearnerCategory, Sf1Remark>> = {
  FOUR_PS: 'CCT',
  BALIK_ARAL: 'B/A',
  SPED: 'LWD',
};

/** A learner's SF1 remarks: the status's first, then the categories', in the legend's order. */
export function sf1Remarks(
  status: EnrollmentStatus,
  categories: readonly LearnerCategory[],
): Sf1Remark[] {
  const codes = new Set<Sf1Remark>();
  const ofStatus = remarkOfStatus[status];
  if (ofStatus) codes.add(ofStatus);
  for (const category of categories) {
    const code = remarkOfCategory[category];
    if (code) codes.add(code);
  }
  const order = Object.keys(sf1RemarkLegend);
  return [...codes].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * A learner's age on the register: taken on the school year's age cut-off, as eligibility takes
 * it (§V.A: ages are reckoned on the cut-off date, August 31).
 */
export function registerAge(birthDate: CivilDate, ageCutoff: CivilDate): number {
  return ageOn(birthDate, ageCutoff);
}
