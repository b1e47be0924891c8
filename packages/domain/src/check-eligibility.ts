import { ageOn, civil } from './civil-date.js';
import { type BasisRule, basisRules, isMet, type Requirement, toDocument } from './documents.js';
import { type PolicyRules, rulesFor } from './editions.js';
import { AdmissionBasis, type DocumentType, EnrollmentStatus, GradeLevel } from './enums.js';
import { toCivilDate } from './learner-profile.js';
import { parseSchoolYear, type SchoolYear } from './school-year.js';

export interface EligibilityInput {
  schoolYear: string;
  gradeLevel: GradeLevel;
  basis: AdmissionBasis;
  birthDate: string;
  /** Enrolling in basic education for the first time (§V.A). */
  firstTimeEnrollee: boolean;
  /** Documents handed in for this enrollment. */
  documents: readonly DocumentType[];
  /** A birth document was handed in before: it is never asked for again (§V.A). */
  birthDocumentOnFile?: boolean;
  /** The day of the check (PHT), for the document deadline; omitted, the deadline is not judged. */
  asOf?: string;
  /**
   * The school year's calendar dates, where an administrator set them (SPEC §2); omitted, the
   * edition's rules give the age cut-off and the document deadline.
   */
  dates?: { ageCutoff: string; documentDeadline: string };
}

export interface EligibilityResult {
  eligible: boolean;
  /** Stable SCREAMING_SNAKE codes: why, in order of weight. */
  reasons: string[];
  /** One document per requirement at enrollment: the one given, or the preferred alternative. */
  requiredDocuments: DocumentType[];
  missingDocuments: DocumentType[];
  /** Documents that may follow during the school year (§V.A special cases). */
  documentsDuringYear: DocumentType[];
  documentsDueBy: string | null;
  /** The status on the first date of attendance, if enrolled with these documents. */
  resultingStatus: EnrollmentStatus | null;
  recommendation: 'ALS' | null;
  /** The age on the cut-off date, when the input allowed computing it. */
  ageOnCutoff: number | null;
}

const alsGrades: readonly GradeLevel[] = [
  GradeLevel.ALS_BLP,
  GradeLevel.ALS_AE_ELEMENTARY,
  GradeLevel.ALS_AE_SECONDARY,
];
/** Bases that speak of earlier schooling, which a first-time enrollee cannot have. */
const schoolingBases: readonly AdmissionBasis[] = [
  AdmissionBasis.KINDER_COMPLETED_ACCREDITED,
  AdmissionBasis.GRADE_6_GRADUATE,
  AdmissionBasis.GRADE_10_COMPLETER,
  AdmissionBasis.CONTINUING,
  AdmissionBasis.TRANSFEREE,
  AdmissionBasis.BALIK_ARAL,
];
/**
 * §V.A: first-time enrollees aged 6-12 enter by KCEP completion or PEPT placement; the table's own
 * Grade 1 paths for six-year-olds without (DepEd) Kindergarten are first placements too.
 */
const firstTimePlacementBases: readonly AdmissionBasis[] = [
  AdmissionBasis.KCEP_COMPLETED,
  AdmissionBasis.PEPT_PASSER,
  AdmissionBasis.NO_KINDER_AGE_6,
  AdmissionBasis.KINDER_NON_ACCREDITED_OR_HOMESCHOOLED,
];

const refusal = (reasons: string[], ageOnCutoff: number | null = null): EligibilityResult => ({
  eligible: false,
  reasons,
  requiredDocuments: [],
  missingDocuments: [],
  documentsDuringYear: [],
  documentsDueBy: null,
  resultingStatus: null,
  recommendation: null,
  ageOnCutoff,
});

/** The year, the edition in force and the age on the cut-off, or why none of them can be read. */
type AgeOnCutoff =
  | { ok: true; year: SchoolYear; rules: PolicyRules; age: number }
  | { ok: false; refused: EligibilityResult };

/** The age on the year's cut-off (§V.A table), the calendar's where an administrator set it. */
function readAgeOnCutoff(input: EligibilityInput): AgeOnCutoff {
  const year = parseSchoolYear(input.schoolYear);
  if (!year) return { ok: false, refused: refusal(['SCHOOL_YEAR_INVALID']) };
  const rules = rulesFor(input.schoolYear);
  if (!rules) return { ok: false, refused: refusal(['POLICY_NOT_IN_FORCE']) };
  if (!toCivilDate(input.birthDate)) return { ok: false, refused: refusal(['BIRTH_DATE_INVALID']) };
  const cutoff =
    input.dates?.ageCutoff ?? civil(year.startYear, rules.ageCutoff.month, rules.ageCutoff.day);
  if (input.birthDate > cutoff) return { ok: false, refused: refusal(['BIRTH_DATE_AFTER_CUTOFF']) };
  return { ok: true, year, rules, age: ageOn(input.birthDate, cutoff) };
}

/** ALS programs follow the ALS guide, not the formal-school table: no documents gate them. */
function alsProgramEligibility(age: number): EligibilityResult {
  return {
    ...refusal([]),
    eligible: true,
    reasons: ['ALS_PROGRAM'],
    resultingStatus: EnrollmentStatus.OFFICIALLY_ENROLLED,
    ageOnCutoff: age,
  };
}

/** Why the admission basis does not fit the grade, the learner's schooling or age (§V.A). */
function basisRefusals(
  input: EligibilityInput,
  rule: BasisRule,
  rules: PolicyRules,
  age: number,
): string[] {
  const reasons: string[] = [];
  if (!rule.grades.includes(input.gradeLevel)) reasons.push('BASIS_NOT_FOR_GRADE');
  if (input.firstTimeEnrollee && schoolingBases.includes(input.basis))
    reasons.push('BASIS_CONTRADICTS_FIRST_TIME');
  // §V.A table: Kinder at five, Grade 1 without Kindergarten at six, by the cut-off.
  if (input.basis === AdmissionBasis.KINDER_AGE_5 && age < rules.kinderMinimumAge)
    reasons.push('AGE_BELOW_CUTOFF');
  if (input.basis === AdmissionBasis.NO_KINDER_AGE_6 && age < rules.grade1WithoutKinderMinimumAge)
    reasons.push('AGE_BELOW_CUTOFF');
  if (
    input.firstTimeEnrollee &&
    !schoolingBases.includes(input.basis) &&
    age >= rules.firstTimePlacementFromAge &&
    age < rules.alsRecommendedFromAge &&
    input.gradeLevel !== GradeLevel.KINDER &&
    !firstTimePlacementBases.includes(input.basis)
  ) {
    reasons.push('FIRST_TIME_NEEDS_KCEP_OR_PEPT');
  }
  return reasons;
}

/** The documents a path asks for at enrollment and during the year, against those in hand. */
interface DocumentCheck {
  /** Requirements at enrollment that neither the documents given nor the file meet. */
  unmet: readonly Requirement[];
  requiredDocuments: DocumentType[];
  missingDocuments: DocumentType[];
  documentsDuringYear: DocumentType[];
}

/** A birth document on file is never asked for again (§V.A). */
function checkDocuments(input: EligibilityInput, rule: BasisRule, onFile: boolean): DocumentCheck {
  const required = rule.plan.atEnrollment;
  const unmet = required.filter((r) => !isMet(r, input.documents, onFile));
  return {
    unmet,
    requiredDocuments: required
      .filter((r) => !(r.code === 'BIRTH_DOCUMENT' && onFile))
      .map((r) => toDocument(r, input.documents)),
    missingDocuments: unmet.map((r) => toDocument(r, input.documents)),
    documentsDuringYear: rule.plan.duringYear
      .filter((r) => !isMet(r, input.documents, onFile))
      .map((r) => toDocument(r, input.documents)),
  };
}

/** What the eligible learner's enrollment will say, whatever the documents decide. */
interface Admitted {
  reasons: string[];
  documents: DocumentCheck;
  recommendation: 'ALS' | null;
  age: number;
}

/** §V.B: every document in hand, the learner is officially enrolled at the first attendance. */
function officialEnrollment({
  reasons,
  documents,
  recommendation,
  age,
}: Admitted): EligibilityResult {
  return {
    eligible: true,
    reasons: [...reasons, 'DOCUMENTS_COMPLETE'],
    requiredDocuments: documents.requiredDocuments,
    missingDocuments: documents.missingDocuments,
    documentsDuringYear: documents.documentsDuringYear,
    // The order sets no date for documents that may follow during the year.
    documentsDueBy: null,
    resultingStatus: EnrollmentStatus.OFFICIALLY_ENROLLED,
    recommendation,
    ageOnCutoff: age,
  };
}

/** The deadline for missing documents (§V.A, §V.C), the calendar's where an administrator set it. */
function documentDeadline(input: EligibilityInput, year: SchoolYear, rules: PolicyRules): string {
  return (
    input.dates?.documentDeadline ??
    civil(year.startYear, rules.documentDeadline.month, rules.documentDeadline.day)
  );
}

/**
 * §V.C: with documents missing, the learner is temporarily enrolled until the deadline; a
 * transferee without the SF9 needs the parent's Affidavit of Undertaking to be enrolled at all.
 */
function temporaryEnrollment(
  input: EligibilityInput,
  { reasons: given, documents, recommendation, age }: Admitted,
  deadline: string,
): EligibilityResult {
  const reasons = [...given, 'DOCUMENTS_MISSING'];
  if (input.asOf && input.asOf > deadline) reasons.push('DOCUMENT_DEADLINE_PASSED');
  const { requiredDocuments, missingDocuments, documentsDuringYear } = documents;
  const needsAffidavit =
    input.basis === AdmissionBasis.TRANSFEREE &&
    !input.documents.includes('AFFIDAVIT_OF_UNDERTAKING');
  if (needsAffidavit) {
    reasons.push('AFFIDAVIT_OF_UNDERTAKING_REQUIRED');
    return {
      ...refusal(reasons, age),
      requiredDocuments: [...requiredDocuments, 'AFFIDAVIT_OF_UNDERTAKING'],
      missingDocuments: [...missingDocuments, 'AFFIDAVIT_OF_UNDERTAKING'],
      documentsDuringYear,
      documentsDueBy: deadline,
      recommendation,
    };
  }
  return {
    eligible: true,
    reasons,
    requiredDocuments,
    missingDocuments,
    documentsDuringYear,
    documentsDueBy: deadline,
    resultingStatus: EnrollmentStatus.TEMPORARILY_ENROLLED,
    recommendation,
    ageOnCutoff: age,
  };
}

/**
 * Whether a learner may enrol in a grade on a basis, which documents that takes now and later,
 * and the status that follows (DO 03 s. 2018 §V.A eligibility table and special cases, §V.B
 * official enrollment, §V.C temporary enrollment). The policy edition comes from the school year.
 */
export function checkEligibility(input: EligibilityInput): EligibilityResult {
  const read = readAgeOnCutoff(input);
  if (!read.ok) return read.refused;
  const { year, rules, age } = read;
  if (alsGrades.includes(input.gradeLevel)) return alsProgramEligibility(age);

  const rule = basisRules[input.basis];
  const reasons = basisRefusals(input, rule, rules, age);
  if (reasons.length > 0) return refusal(reasons, age);

  // §V.A: first-time enrollees aged 13 and above are advised to take ALS; formal placement stays
  // possible with a stated reason, which the enrolment asks for.
  const recommendation =
    input.firstTimeEnrollee && age >= rules.alsRecommendedFromAge ? 'ALS' : null;
  if (recommendation) reasons.push('ALS_RECOMMENDED');
  const onFile = input.birthDocumentOnFile ?? false;
  if (onFile) reasons.push('BIRTH_DOCUMENT_ON_FILE');

  const admitted: Admitted = {
    reasons,
    documents: checkDocuments(input, rule, onFile),
    recommendation,
    age,
  };
  if (admitted.documents.unmet.length === 0) return officialEnrollment(admitted);
  return temporaryEnrollment(input, admitted, documentDeadline(input, year, rules));
}
