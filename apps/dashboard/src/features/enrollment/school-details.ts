import { basisRules } from '@repo/domain/documents';
import { planEnrollment, type SchoolOffering } from '@repo/domain/enrollment';
import {
  AdmissionBasis,
  type DocumentType,
  type GradeLevel,
  type LearnerCategory,
  type Strand,
} from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { type EnrollmentDetailsInput } from '../../gql/graphql.js';
import { defaultDates } from './default-dates.js';

/** What the school's enrollment form asks beyond the learner's profile. */
export interface SchoolDetails {
  gradeLevel: GradeLevel | '';
  strand: Strand | '';
  admissionBasis: AdmissionBasis | '';
  firstTimeEnrollee: boolean;
  categories: LearnerCategory[];
  documents: DocumentType[];
  enrolledOn: string;
  firstAttendance: string;
  placementReason: string;
  catchUpPlan: string;
}

/** The form as it opens: nothing chosen, dated today (or the chosen year's last day of classes). */
export function emptySchoolDetails(calendar: SchoolCalendar, today: string): SchoolDetails {
  return {
    gradeLevel: '',
    strand: '',
    admissionBasis: '',
    firstTimeEnrollee: false,
    categories: [],
    documents: [],
    // Today, or the year's last day of classes when a year already closed is chosen.
    enrolledOn: defaultDates(calendar, today).enrolledOn,
    firstAttendance: '',
    placementReason: '',
    catchUpPlan: '',
  };
}

/** What the school offers, from the levels DepEd lists for it (SPEC §2). */
export function toSchoolOffering(levels: readonly string[]): SchoolOffering {
  return {
    offersKinder: levels.includes('KINDERGARTEN'),
    offersElementary: levels.includes('ELEMENTARY'),
    offersJuniorHigh: levels.includes('JUNIOR_HIGH'),
    offersSeniorHigh: levels.includes('SENIOR_HIGH'),
    isAlsLearningCenter: false,
  };
}

/** The documents one admission path asks for (§V.A table and special cases), each once. */
export function checklistOf(basis: AdmissionBasis | ''): DocumentType[] {
  if (!basis) return [];
  const plan = basisRules[basis].plan;
  const documents = [...plan.atEnrollment, ...plan.duringYear].flatMap((r) => r.anyOf);
  if (basis === AdmissionBasis.TRANSFEREE) documents.push('AFFIDAVIT_OF_UNDERTAKING');
  return [...new Set(documents)];
}

/** The admission bases that admit to the chosen grade (§V.A), none before a grade is chosen. */
export function basesFor(gradeLevel: GradeLevel | ''): AdmissionBasis[] {
  return gradeLevel
    ? Object.values(AdmissionBasis).filter((b) => basisRules[b].grades.includes(gradeLevel))
    : [];
}

/** Where the form's plan is made: the school, its calendar, today and who enters it. */
export interface PlanSetting {
  calendar: SchoolCalendar;
  school: SchoolOffering;
  today: string;
  /**
   * The school head enters it: a late or backdated enrolment is approved by entering it (with the
   * catch-up plan a late learner needs); anyone else's goes to the head for approval (§V.D).
   */
  approver: boolean;
}

/** `planEnrollment` on the form's details, the same pure function the API runs; null until a grade is chosen. */
export function planSchoolEnrollment(
  d: SchoolDetails,
  { calendar, school, today, approver }: PlanSetting,
  learner: { birthDate: string; birthDocumentOnFile: boolean },
) {
  return d.gradeLevel
    ? planEnrollment({
        calendar,
        school,
        gradeLevel: d.gradeLevel,
        strand: d.strand || null,
        basis: d.admissionBasis || null,
        birthDate: learner.birthDate,
        firstTimeEnrollee: d.firstTimeEnrollee,
        documents: d.documents,
        birthDocumentOnFile: learner.birthDocumentOnFile,
        categories: d.categories,
        enrolledOn: d.enrolledOn,
        firstAttendance: d.firstAttendance || null,
        placementReason: d.placementReason || null,
        lateApproval: approver ? { headApproved: true, catchUpPlan: d.catchUpPlan.trim() } : null,
        fileForApproval: !approver,
        enteredOn: today,
        today,
      })
    : null;
}
export type SchoolPlan = NonNullable<ReturnType<typeof planSchoolEnrollment>>;

/** The enrolment's part of the API's input from the form (the flow adds the learner). */
export function toSchoolEnrollInput(d: SchoolDetails, schoolYear: string): EnrollmentDetailsInput {
  return {
    schoolYear,
    gradeLevel: d.gradeLevel as GradeLevel,
    strand: d.strand || null,
    admissionBasis: d.admissionBasis || null,
    firstTimeEnrollee: d.firstTimeEnrollee,
    categories: d.categories,
    documents: d.documents,
    enrolledOn: d.enrolledOn,
    firstAttendance: d.firstAttendance || null,
    placementReason: d.placementReason.trim() || null,
    lateApproval: d.catchUpPlan.trim() ? { catchUpPlan: d.catchUpPlan.trim() } : null,
  };
}
