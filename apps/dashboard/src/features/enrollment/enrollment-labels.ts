import {
  type AdmissionBasis,
  type BirthDocumentType,
  type DocumentType,
  type Strand,
} from '@repo/domain/enums';
import { policyDates, type SchoolCalendar } from '@repo/domain/school-year';

/** The names DepEd forms use for each document (DO 03 s. 2018 §V.A). */
export const documentLabel: Record<DocumentType, string> = {
  PSA_BIRTH_CERTIFICATE: 'PSA birth certificate',
  LCR_BIRTH_CERTIFICATE: 'Late-registration birth certificate (LCR)',
  BARANGAY_CERTIFICATION: 'Barangay certification',
  SF9: 'SF9 (report card)',
  REGISTRAR_LETTER: 'Registrar’s letter certifying the last grade completed',
  AFFIDAVIT_OF_UNDERTAKING: 'Affidavit of Undertaking',
  KINDER_CERTIFICATE_OF_COMPLETION: 'Kindergarten certificate of completion',
  ECCD_CHECKLIST: 'ECCD checklist result',
  PEPT_RESULT: 'PEPT result',
  PVT_RESULT: 'PVT result',
  AE_RESULT: 'A&E test result',
  FOREIGN_REPORT_CARD: 'Latest report card from the school abroad',
  TRANSCRIPT_OF_RECORDS: 'Transcript of records',
  PROOF_OF_IDENTITY: 'Proof of identity',
};

export const birthDocumentLabel: Record<BirthDocumentType, string> = {
  PSA_BIRTH_CERTIFICATE: 'PSA birth certificate',
  LCR_BIRTH_CERTIFICATE: 'Late-registration birth certificate (LCR)',
  BARANGAY_CERTIFICATION: 'Barangay certification',
};

export const basisLabel: Record<AdmissionBasis, string> = {
  CONTINUING: 'Continuing learner',
  TRANSFEREE: 'Transferee',
  BALIK_ARAL: 'Balik-Aral (returning)',
  KINDER_AGE_5: 'Aged 5 by the cut-off',
  KINDER_COMPLETED_ACCREDITED: 'Completed Kindergarten (DepEd-accredited)',
  NO_KINDER_AGE_6: 'Aged 6+, no Kindergarten',
  KINDER_NON_ACCREDITED_OR_HOMESCHOOLED: 'Kindergarten non-accredited or home-schooled',
  KCEP_COMPLETED: 'Completed the Kindergarten Catch-up Education Program',
  GRADE_6_GRADUATE: 'Grade 6 graduate',
  GRADE_10_COMPLETER: 'Grade 10 completer',
  PEPT_PASSER: 'PEPT passer',
  AE_ELEMENTARY_PASSER: 'A&E Elementary passer',
  AE_SECONDARY_PASSER: 'A&E Secondary passer',
  FROM_SCHOOL_ABROAD: 'From a Philippine school abroad or a foreign school',
  FROM_NON_ACCREDITED_SCHOOL: 'From a non-accredited school',
  DISPLACED: 'Displaced learner',
};

export const strandLabel: Record<Strand, string> = {
  ABM: 'ABM',
  ARTS: 'Arts and Design',
  GAS: 'GAS',
  HUMSS: 'HUMSS',
  PBM: 'PBM',
  SPORTS: 'Sports',
  STEM: 'STEM',
  TVL: 'TVL',
};

/** What each field is called on screen: errors name it (issue 8). */
export const fieldLabel: Record<string, string> = {
  proof: 'The papers',
  documentSeen: 'Document seen',
  lastSchoolId: 'Last school ID',
  lastName: 'Last name',
  firstName: 'First name',
  middleName: 'Middle name',
  extensionName: 'Extension name',
  birthDate: 'Birth date',
  sex: 'Sex',
  placeOfBirth: 'Place of birth',
  motherTongue: 'Mother tongue',
  ipCommunity: 'IP community',
  birthDocumentType: 'Birth document on file',
  birthDocumentReceivedOn: 'Birth document received on',
  gradeLevel: 'Grade level',
  strand: 'Strand',
  admissionBasis: 'Admission basis',
  firstTimeEnrollee: 'First-time enrollee',
  documents: 'Documents handed in',
  enrolledOn: 'Date of enrolment',
  firstAttendance: 'First date of attendance',
  placementReason: 'Reason for a formal grade',
  lateApproval: 'Late enrolment approval',
  catchUpPlan: 'Catch-up plan',
  schoolYear: 'School year',
  categories: 'Categories',
  circumstances: 'Circumstances',
  registeredOn: 'Date of registration',
  moveDate: 'Date of moving in',
  effectiveOn: 'Effectivity date',
  facilitatorName: 'ALS facilitator',
  alsFacilitatorName: 'ALS facilitator',
  program: 'ALS program',
  reason: 'Reason',
  learnerId: 'Learner',
  documentType: 'Document',
  receivedOn: 'Date received',
  lrn: 'LRN',
  name: 'Name',
};

/** Plain words for the API's and the domain's rule codes; an unknown code is shown as it is. */
export const ruleLabel: Record<string, string> = {
  PROOF_REQUIRED:
    "are needed for a learner of another school: the LRN and birth date from the learner's papers, a reason and the document seen",
  PROOF_MISMATCH:
    "do not match the learner's record: check the papers, or ask the school the learner comes from",
  REASON_REQUIRED: 'is required',
  REQUIRED: 'is required',
  DATE_INVALID: 'is not a real date (YYYY-MM-DD)',
  DATE_IN_FUTURE: 'cannot be later than today',
  OUTSIDE_SCHOOL_YEAR: 'is outside the school year',
  BEFORE_ENROLLMENT: 'cannot be before the date of enrolment',
  AFTER_ALS_CUTOFF: 'is later than the school year’s ALS cut-off',
  ALS_CUTOFF_NOT_SET: 'cannot be checked: the ALS cut-off is not set for this school year',
  GRADE_NOT_OFFERED: 'is not offered by this school',
  STRAND_REQUIRED: 'is required in senior high school',
  STRAND_NOT_FOR_GRADE: 'is only for Grades 11 and 12',
  BASIS_NOT_FOR_GRADE: 'does not admit to this grade',
  BASIS_CONTRADICTS_FIRST_TIME: 'speaks of earlier schooling, which a first-time enrollee lacks',
  FIRST_TIME_NEEDS_KCEP_OR_PEPT: 'for a first-time enrollee aged 6-12 must be KCEP or PEPT',
  AGE_BELOW_CUTOFF: 'makes the learner too young for this grade on the age cut-off',
  BIRTH_DATE_AFTER_CUTOFF: 'is after the age cut-off',
  BIRTH_DATE_INVALID: 'is not a real date',
  AFFIDAVIT_OF_UNDERTAKING_REQUIRED:
    'must include the Affidavit of Undertaking when the SF9 is missing',
  ONE_BIRTH_DOCUMENT:
    'may hold only one birth document: a learner files one for the whole of basic education; tick the one handed in',
  BIRTH_DOCUMENT_ALREADY_ON_FILE:
    'include a birth document other than the one on file: a learner files one for the whole of basic education',
  FORMAL_PLACEMENT_NEEDS_REASON:
    'is required: learners aged 13+ enrolling for the first time are advised to take ALS',
  HEAD_APPROVAL_AND_CATCH_UP_PLAN_REQUIRED:
    'is needed: less than 80% of the school days remain, so the school head must approve with a catch-up plan',
  ONLY_SCHOOL_HEAD_APPROVES: 'can only be given by the school head',
  BACKDATED_NEEDS_HEAD_APPROVAL:
    'is needed: the date of enrolment is more than 7 days before today, so the school head must approve it',
  CATCH_UP_PLAN_REQUIRED:
    'is required: fewer than 80% of the school days remain, so the approval comes with the catch-up activities (§V.D)',
  AWAITING_APPROVAL: 'already awaits the school head’s approval',
  NOT_AWAITING_APPROVAL: 'is no longer awaiting approval: it was already decided',
  NAME_INVALID: 'has characters a name cannot have',
  NAME_CHARACTERS:
    'may have only letters, with spaces, hyphens, apostrophes and periods between them (as in “Ma. Cristina”, “O’Brien”)',
  TOO_LONG: 'is too long',
  DATE_TOO_EARLY: 'is too far in the past',
  EXTENSION_UNKNOWN: 'must be Jr., Sr., II, III, IV or V',
  IP_COMMUNITY_WITHOUT_IP: 'is only for a learner who belongs to an Indigenous Peoples community',
  NOT_A_BIRTH_DOCUMENT:
    'must be a PSA or late-registration birth certificate, or a barangay certification',
  NAME_TOO_SHORT: 'must have at least 2 letters',
  SEARCH_TOO_BROAD: 'is needed: search by LRN, or by name with the birth date if you know it',
  PAGE_SIZE_RANGE: 'must be from 1 to 50',
  NAME_TOO_LONG: 'is too long',
  EXTENSION_INVALID: 'must be Jr., Sr., II, III, IV or V',
  LRN_INVALID: 'must be 12 digits',
  OUTSIDE_EARLY_REGISTRATION_WINDOW: 'is outside the early registration window',
  NOT_AN_EARLY_REGISTRATION_GRADE:
    'is not an early-registration grade (Kindergarten, Grades 1, 7, 11)',
  CIRCUMSTANCES_ONLY_FOR_OSC_OSY: 'apply only to out-of-school children and youth',
  CATEGORY_BELONGS_TO_LEARNER: 'IP, SPED and 4Ps belong to the learner’s profile',
  ALREADY_ENROLLED: 'the learner is already enrolled this school year',
  SCHOOL_YEAR_INVALID: 'is not a school year',
  POLICY_NOT_IN_FORCE: 'is before the policy took effect',
  GRADE_LEVEL_INVALID: 'is not a grade level (Kinder, Grade 1 to Grade 12)',
  SEX_INVALID: 'must be M or F',
  DATE_FORMAT: 'must be written YYYY-MM-DD',
};

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2027-10-30' → '30 October 2027', as DepEd's orders write a date. */
export function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const name = months[(month ?? 0) - 1];
  return name && date ? `${date} ${name} ${year}` : day;
}

/** The dates a screen knows, so that a rule's words can say which day it means. */
export interface RuleDates {
  today?: string;
  /** The date of enrollment on the form. */
  enrolledOn?: string;
  /** The school year's calendar: its classes, early registration window and ALS cut-off. */
  calendar?: SchoolCalendar | null;
  /** Set on ALS forms, where the first attendance is held to the cut-off (ALS guide step 4). */
  als?: boolean;
}

/** The words of the rules about dates, naming the day each one means when the screen knows it. */
function datedRule(field: string, rule: string, d: RuleDates): string | null {
  const dates = d.calendar ? policyDates(d.calendar) : null;
  const cutoff = dates?.alsFirstAttendanceCutoff ?? null;
  switch (rule) {
    case 'DATE_IN_FUTURE':
      return d.today ? `cannot be later than today, ${dayLabel(d.today)}` : null;
    case 'AFTER_ALS_CUTOFF':
      return cutoff ? `is later than ${dayLabel(cutoff)}, this school year’s ALS cut-off` : null;
    case 'BEFORE_ENROLLMENT': {
      if (!d.enrolledOn) return null;
      const words = `cannot be before the date of enrolment, ${dayLabel(d.enrolledOn)}`;
      // Attendance must be on or after the enrollment and on or before the cut-off: an enrollment
      // after the cut-off leaves no day, and that is what the user has to change.
      return d.als && cutoff && d.enrolledOn > cutoff
        ? `${words}, which is itself after this school year’s ALS cut-off, ${dayLabel(cutoff)}: enter a date of enrolment not later than the cut-off`
        : words;
    }
    case 'OUTSIDE_SCHOOL_YEAR': {
      if (!d.calendar || !dates) return null;
      const [from, what] =
        field === 'enrolledOn'
          ? [dates.earlyRegistrationStart, 'enrolment runs']
          : [d.calendar.openingDay, 'classes run'];
      return `is outside SY ${d.calendar.schoolYear}, whose ${what} from ${dayLabel(from)} to ${dayLabel(d.calendar.closingDay)}`;
    }
    case 'OUTSIDE_EARLY_REGISTRATION_WINDOW':
      return dates
        ? `is outside the early registration window, ${dayLabel(dates.earlyRegistrationStart)} to ${dayLabel(dates.earlyRegistrationEnd)}`
        : null;
    default:
      return null;
  }
}

/**
 * "<field> <what the rule asks>", in words only: the rule's code is kept for support in a
 * message's detail line (issue 21). `name` overrides the field's label (a file's column); `dates`
 * lets a rule about dates say which day it means ("later than 30 October 2027, this school
 * year’s ALS cut-off"). A rule this screen does not know yet still names the field.
 */
export function describeRule(
  field: string,
  rule: string,
  name = fieldLabel[field] ?? field,
  dates: RuleDates = {},
): string {
  const words = datedRule(field, rule, dates) ?? ruleLabel[rule] ?? 'is not accepted as it is';
  return `${name} ${words}`;
}

export const matchReasonLabel: Record<string, string> = {
  SAME_LRN: 'same LRN',
  FORMER_LRN: 'a former LRN',
  SAME_NAME: 'same name',
  SAME_FIRST_AND_LAST_NAME: 'same first and last name (no middle name typed)',
  SIMILAR_NAME: 'similar name',
  SAME_LAST_NAME: 'same last name',
  SAME_FIRST_NAME: 'same first name',
  SAME_MIDDLE_NAME: 'same middle name',
  FIRST_MIDDLE_SWAPPED: 'first and middle names swapped',
  SAME_BIRTH_DATE: 'same birth date',
  BIRTH_DAY_MONTH_SWAPPED: 'birth day and month swapped',
  DIFFERENT_BIRTH_DATE: 'different birth date',
  SAME_SEX: 'same sex',
  DIFFERENT_SEX: 'different sex',
  DIFFERENT_EXTENSION: 'different extension',
};

export const strandOptions = Object.entries(strandLabel) as [Strand, string][];

/** The ALS programs a learning center enrolls in (SPEC §5). */
export const alsPrograms = ['ALS_BLP', 'ALS_AE_ELEMENTARY', 'ALS_AE_SECONDARY'] as const;
export type AlsProgram = (typeof alsPrograms)[number];
