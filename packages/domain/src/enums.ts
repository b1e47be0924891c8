/**
 * The names SPEC §7 fixes: tests, scripts and outside clients depend on them. Each is an `as const`
 * object (for GraphQL enum registration and labels) and a union type of its values.
 */

type ValueOf<T> = T[keyof T];

export const GradeLevel = {
  KINDER: 'KINDER',
  GRADE_1: 'GRADE_1',
  GRADE_2: 'GRADE_2',
  GRADE_3: 'GRADE_3',
  GRADE_4: 'GRADE_4',
  GRADE_5: 'GRADE_5',
  GRADE_6: 'GRADE_6',
  GRADE_7: 'GRADE_7',
  GRADE_8: 'GRADE_8',
  GRADE_9: 'GRADE_9',
  GRADE_10: 'GRADE_10',
  GRADE_11: 'GRADE_11',
  GRADE_12: 'GRADE_12',
  /** Special-education non-graded classes in DepEd's files. */
  ELEMENTARY_NON_GRADED: 'ELEMENTARY_NON_GRADED',
  JHS_NON_GRADED: 'JHS_NON_GRADED',
  /** ALS Basic Literacy Program. */
  ALS_BLP: 'ALS_BLP',
  ALS_AE_ELEMENTARY: 'ALS_AE_ELEMENTARY',
  ALS_AE_SECONDARY: 'ALS_AE_SECONDARY',
} as const;
export type GradeLevel = ValueOf<typeof GradeLevel>;

export const Sex = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Sex = ValueOf<typeof Sex>;

export const LearnerCategory = {
  IP: 'IP',
  SPED: 'SPED',
  BALIK_ARAL: 'BALIK_ARAL',
  OSY: 'OSY',
  OSC: 'OSC',
  FOUR_PS: 'FOUR_PS',
} as const;
export type LearnerCategory = ValueOf<typeof LearnerCategory>;

export const EnrollmentStatus = {
  PRE_REGISTERED: 'PRE_REGISTERED',
  TEMPORARILY_ENROLLED: 'TEMPORARILY_ENROLLED',
  OFFICIALLY_ENROLLED: 'OFFICIALLY_ENROLLED',
  MOVED_OUT: 'MOVED_OUT',
  TRANSFERRED_TO_ALS: 'TRANSFERRED_TO_ALS',
  DROPPED_OUT: 'DROPPED_OUT',
  /**
   * A late or backdated enrolment filed by the registrar, awaiting the school head's approval
   * (§V.D): not yet enrolled, and not counted as enrolled.
   */
  AWAITING_APPROVAL: 'AWAITING_APPROVAL',
  /** A late or backdated enrolment the school head declined (§V.D): never enrolled. */
  DECLINED: 'DECLINED',
} as const;
export type EnrollmentStatus = ValueOf<typeof EnrollmentStatus>;

/**
 * Why an enrolment needs the school head's approval: fewer than 80% of the prescribed school days
 * left (§V.D), or a date of enrolment more than 7 days before the day it is entered (issue 21).
 */
export const ApprovalReason = {
  LATE_BELOW_ATTENDANCE_SHARE: 'LATE_BELOW_ATTENDANCE_SHARE',
  BACKDATED: 'BACKDATED',
} as const;
export type ApprovalReason = ValueOf<typeof ApprovalReason>;

/** School sectors as DepEd reports them; SUCs and LUCs are one sector. */
export const Sector = { PUBLIC: 'PUBLIC', PRIVATE: 'PRIVATE', SUC_LUC: 'SUC_LUC' } as const;
export type Sector = ValueOf<typeof Sector>;

/** Senior high school strands (Grades 11-12). */
export const Strand = {
  ABM: 'ABM',
  HUMSS: 'HUMSS',
  STEM: 'STEM',
  GAS: 'GAS',
  PBM: 'PBM',
  TVL: 'TVL',
  SPORTS: 'SPORTS',
  ARTS: 'ARTS',
} as const;
export type Strand = ValueOf<typeof Strand>;

export const AdmissionBasis = {
  KINDER_AGE_5: 'KINDER_AGE_5',
  KINDER_COMPLETED_ACCREDITED: 'KINDER_COMPLETED_ACCREDITED',
  NO_KINDER_AGE_6: 'NO_KINDER_AGE_6',
  KINDER_NON_ACCREDITED_OR_HOMESCHOOLED: 'KINDER_NON_ACCREDITED_OR_HOMESCHOOLED',
  KCEP_COMPLETED: 'KCEP_COMPLETED',
  GRADE_6_GRADUATE: 'GRADE_6_GRADUATE',
  GRADE_10_COMPLETER: 'GRADE_10_COMPLETER',
  PEPT_PASSER: 'PEPT_PASSER',
  AE_ELEMENTARY_PASSER: 'AE_ELEMENTARY_PASSER',
  AE_SECONDARY_PASSER: 'AE_SECONDARY_PASSER',
  CONTINUING: 'CONTINUING',
  TRANSFEREE: 'TRANSFEREE',
  BALIK_ARAL: 'BALIK_ARAL',
  FROM_SCHOOL_ABROAD: 'FROM_SCHOOL_ABROAD',
  FROM_NON_ACCREDITED_SCHOOL: 'FROM_NON_ACCREDITED_SCHOOL',
  DISPLACED: 'DISPLACED',
} as const;
export type AdmissionBasis = ValueOf<typeof AdmissionBasis>;

export const DocumentType = {
  PSA_BIRTH_CERTIFICATE: 'PSA_BIRTH_CERTIFICATE',
  LCR_BIRTH_CERTIFICATE: 'LCR_BIRTH_CERTIFICATE',
  BARANGAY_CERTIFICATION: 'BARANGAY_CERTIFICATION',
  KINDER_CERTIFICATE_OF_COMPLETION: 'KINDER_CERTIFICATE_OF_COMPLETION',
  ECCD_CHECKLIST: 'ECCD_CHECKLIST',
  PEPT_RESULT: 'PEPT_RESULT',
  PVT_RESULT: 'PVT_RESULT',
  AE_RESULT: 'AE_RESULT',
  SF9: 'SF9',
  REGISTRAR_LETTER: 'REGISTRAR_LETTER',
  AFFIDAVIT_OF_UNDERTAKING: 'AFFIDAVIT_OF_UNDERTAKING',
  FOREIGN_REPORT_CARD: 'FOREIGN_REPORT_CARD',
  TRANSCRIPT_OF_RECORDS: 'TRANSCRIPT_OF_RECORDS',
  PROOF_OF_IDENTITY: 'PROOF_OF_IDENTITY',
} as const;
export type DocumentType = ValueOf<typeof DocumentType>;

/** The documents that prove birth (DO 03 s. 2018 §V.A): any one of them, submitted once. */
export const BirthDocumentType = {
  PSA_BIRTH_CERTIFICATE: DocumentType.PSA_BIRTH_CERTIFICATE,
  LCR_BIRTH_CERTIFICATE: DocumentType.LCR_BIRTH_CERTIFICATE,
  BARANGAY_CERTIFICATION: DocumentType.BARANGAY_CERTIFICATION,
} as const;
export type BirthDocumentType = ValueOf<typeof BirthDocumentType>;

export const Dimension = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  REGION: 'REGION',
  DIVISION: 'DIVISION',
  SCHOOL: 'SCHOOL',
  SECTOR: 'SECTOR',
  GRADE_LEVEL: 'GRADE_LEVEL',
  STRAND: 'STRAND',
  SEX: 'SEX',
  CATEGORY: 'CATEGORY',
  STATUS: 'STATUS',
} as const;
export type Dimension = ValueOf<typeof Dimension>;

export const sexLabel: Record<Sex, string> = { MALE: 'Male', FEMALE: 'Female' };

export const sectorLabel: Record<Sector, string> = {
  PUBLIC: 'Public',
  PRIVATE: 'Private',
  SUC_LUC: 'SUC / LUC',
};
