import { checkEligibility } from '@repo/domain/check-eligibility';
import { type AdmissionBasis, type DocumentType, type GradeLevel } from '@repo/domain/enums';
import { policyDates, type SchoolCalendar } from '@repo/domain/school-year';
import { type LearnerEntity } from '../learner/learner.entity.js';
import { type EnrollmentEntity } from './enrollment.entity.js';

/**
 * What an enrollment still owes, from the documents received and the learner's birth document on
 * file (§V.A, §V.C), judged by the domain with the year's calendar.
 */
export function documentState(
  enrollment: Pick<
    EnrollmentEntity,
    'enrolledOn' | 'schoolYear' | 'gradeLevel' | 'admissionBasis' | 'firstTimeEnrollee' | 'movedIn'
  >,
  learner: LearnerEntity,
  calendar: SchoolCalendar,
  documents: readonly string[],
) {
  if (!enrollment.enrolledOn) return { missing: [] as string[], dueBy: null, complete: false };
  const dates = policyDates(calendar);
  const counted = enrollment.movedIn ? forMove(documents) : documents;
  const result = checkEligibility({
    schoolYear: enrollment.schoolYear,
    gradeLevel: enrollment.gradeLevel as GradeLevel,
    // ALS programs have none, and are judged before it is read.
    basis: (enrollment.admissionBasis ?? 'CONTINUING') as AdmissionBasis,
    birthDate: learner.birthDate,
    firstTimeEnrollee: enrollment.firstTimeEnrollee,
    documents: counted as DocumentType[],
    birthDocumentOnFile: learner.birthDocumentType !== null,
    dates: { ageCutoff: dates.ageCutoff, documentDeadline: dates.documentDeadline },
  });
  const missing = result.missingDocuments as string[];
  return {
    missing,
    dueBy: missing.length > 0 ? result.documentsDueBy : null,
    complete: missing.length === 0,
  };
}

/**
 * A move during the year needs the latest SF9 (§V.E): a registrar's letter, enough for a transferee
 * at enrollment (§V.A), leaves the mover temporary, with the Affidavit of Undertaking (§V.C).
 */
export function forMove(documents: readonly string[]): string[] {
  return documents.filter((d) => d !== 'REGISTRAR_LETTER');
}
