/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The path by which a learner is admitted (DO 03 s. 2018 §V.A). */
export type AdmissionBasis =
  | 'AE_ELEMENTARY_PASSER'
  | 'AE_SECONDARY_PASSER'
  | 'BALIK_ARAL'
  | 'CONTINUING'
  | 'DISPLACED'
  | 'FROM_NON_ACCREDITED_SCHOOL'
  | 'FROM_SCHOOL_ABROAD'
  | 'GRADE_6_GRADUATE'
  | 'GRADE_10_COMPLETER'
  | 'KCEP_COMPLETED'
  | 'KINDER_AGE_5'
  | 'KINDER_COMPLETED_ACCREDITED'
  | 'KINDER_NON_ACCREDITED_OR_HOMESCHOOLED'
  | 'NO_KINDER_AGE_6'
  | 'PEPT_PASSER'
  | 'TRANSFEREE';

/** Why an enrolment needs the school head’s approval: late by DO 03 s. 2018 §V.D, or dated more than 7 days back. */
export type ApprovalReason =
  | 'BACKDATED'
  | 'LATE_BELOW_ATTENDANCE_SHARE';

/** The school head approves an enrolment awaiting approval (DO 03 s. 2018 §V.D: the head’s discretion, with catch-up activities). */
export type ApproveEnrollmentInput = {
  /** The catch-up activities (§V.D): required when fewer than 80% of the school days remain; a note otherwise. At most 1,000 characters. */
  catchUpPlan?: string | null | undefined;
  enrollmentId: string | number;
};

/** The documents that prove birth (DO 03 s. 2018 §V.A). */
export type BirthDocumentType =
  | 'BARANGAY_CERTIFICATION'
  | 'LCR_BIRTH_CERTIFICATE'
  | 'PSA_BIRTH_CERTIFICATE';

/** A class list as a spreadsheet (CSV) or as the printed School Form 1 (SF1). */
export type ClassListExportFormat =
  | 'CSV'
  | 'SF1';

export type ClassListFilter = {
  gradeLevel?: GradeLevel | null | undefined;
  limit?: number;
  offset?: number;
  /** Part of a name or the LRN. */
  search?: string | null | undefined;
  sex?: Sex | null | undefined;
  status?: EnrollmentStatus | null | undefined;
  strand?: Strand | null | undefined;
};

/** Which learners of a class list: all of them when nothing is set. */
export type ClassListSelection = {
  gradeLevel?: GradeLevel | null | undefined;
  /** Part of a name or the LRN. */
  search?: string | null | undefined;
  sex?: Sex | null | undefined;
  status?: EnrollmentStatus | null | undefined;
  strand?: Strand | null | undefined;
};

export type CreateLearnerInput = {
  addressBarangay?: string | null | undefined;
  addressMunicipality?: string | null | undefined;
  addressProvince?: string | null | undefined;
  addressStreet?: string | null | undefined;
  /** YYYY-MM-DD */
  birthDate?: string | null | undefined;
  /** YYYY-MM-DD */
  birthDocumentReceivedOn?: string | null | undefined;
  birthDocumentType?: BirthDocumentType | null | undefined;
  /** The guide's "No, this is correct. Create New Record": create even though likely duplicates were shown. */
  confirmNoDuplicate?: boolean;
  /** Jr., Sr., II, III, IV or V. */
  extensionName?: string | null | undefined;
  fatherName?: string | null | undefined;
  firstName?: string | null | undefined;
  guardianName?: string | null | undefined;
  ipCommunity?: string | null | undefined;
  isFourPs?: boolean | null | undefined;
  isIndigenous?: boolean | null | undefined;
  lastName?: string | null | undefined;
  middleName?: string | null | undefined;
  motherMaidenName?: string | null | undefined;
  motherTongue?: string | null | undefined;
  placeOfBirth?: string | null | undefined;
  sex?: Sex | null | undefined;
  specialNeeds?: Array<string> | null | undefined;
};

/** The school head declines an enrolment awaiting approval (§V.D). */
export type DeclineEnrollmentInput = {
  enrollmentId: string | number;
  /** Why, for the registrar and the learner’s family: at most 500 characters. */
  reason: string;
};

/** What enrollmentSummary groups by. */
export type Dimension =
  | 'CATEGORY'
  | 'DIVISION'
  | 'GRADE_LEVEL'
  | 'REGION'
  | 'SCHOOL'
  | 'SCHOOL_YEAR'
  | 'SECTOR'
  | 'SEX'
  | 'STATUS'
  | 'STRAND';

/** How missing documents stand on a day (DO 03 s. 2018 §V.C). */
export type DocumentDueState =
  | 'DUE_LATER'
  | 'DUE_SOON'
  | 'OVERDUE';

export type DocumentType =
  | 'AE_RESULT'
  | 'AFFIDAVIT_OF_UNDERTAKING'
  | 'BARANGAY_CERTIFICATION'
  | 'ECCD_CHECKLIST'
  | 'FOREIGN_REPORT_CARD'
  | 'KINDER_CERTIFICATE_OF_COMPLETION'
  | 'LCR_BIRTH_CERTIFICATE'
  | 'PEPT_RESULT'
  | 'PROOF_OF_IDENTITY'
  | 'PSA_BIRTH_CERTIFICATE'
  | 'PVT_RESULT'
  | 'REGISTRAR_LETTER'
  | 'SF9'
  | 'TRANSCRIPT_OF_RECORDS';

/** Every field narrows; a missing one does not. */
export type DocumentsDueFilter = {
  districtId?: string | number | null | undefined;
  /** Learners still owing this document. */
  documentType?: DocumentType | null | undefined;
  /** OVERDUE or DUE_SOON. */
  dueState?: DocumentDueState | null | undefined;
  /** 6-digit School ID */
  schoolId?: string | null | undefined;
};

/** Dropping out during the year (§IV.l). */
export type DropOutInput = {
  /** YYYY-MM-DD */
  effectiveOn: string;
  enrollmentId: string | number;
  reason: string;
};

/** Enrolment at the viewer’s school (DO 03 s. 2018 §V.A-§V.D). */
export type EnrollLearnerInput = {
  /** Required for formal grades; ALS programs take none. */
  admissionBasis?: AdmissionBasis | null | undefined;
  /** ALS programs: the facilitator. */
  alsFacilitatorName?: string | null | undefined;
  /** BALIK_ARAL, OSY or OSC. */
  categories?: Array<LearnerCategory>;
  /** Documents handed in now. */
  documents?: Array<DocumentType>;
  /** YYYY-MM-DD; default today (PHT). */
  enrolledOn?: string | null | undefined;
  /** First date of attendance, when known (required for ALS programs). */
  firstAttendance?: string | null | undefined;
  /** Enrolling in basic education for the first time. */
  firstTimeEnrollee?: boolean;
  gradeLevel: GradeLevel;
  /** Late enrollment beyond the 80% rule: only a school head may approve. */
  lateApproval?: LateApprovalInput | null | undefined;
  learnerId: string | number;
  /** Why a first-time enrollee aged 13+ goes to a formal grade rather than ALS. */
  placementReason?: string | null | undefined;
  /** Required for a learner who is not yet this school's (issue 18). */
  proof?: TransferProofInput | null | undefined;
  schoolYear: string;
  strand?: Strand | null | undefined;
};

/** A learner with no record, registered and enrolled at the viewer’s school as one act (issue 21): both are saved, or neither. */
export type EnrollNewLearnerInput = {
  enrollment: EnrollmentDetailsInput;
  /** The Basic Education Enrollment Form of the learner (uniqueness first, §VI). */
  learner: CreateLearnerInput;
};

/** What an enrolment at the viewer’s school is given besides its learner (DO 03 s. 2018 §V.A-§V.D). */
export type EnrollmentDetailsInput = {
  /** Required for formal grades; ALS programs take none. */
  admissionBasis?: AdmissionBasis | null | undefined;
  /** ALS programs: the facilitator. */
  alsFacilitatorName?: string | null | undefined;
  /** BALIK_ARAL, OSY or OSC. */
  categories?: Array<LearnerCategory>;
  /** Documents handed in now. */
  documents?: Array<DocumentType>;
  /** YYYY-MM-DD; default today (PHT). */
  enrolledOn?: string | null | undefined;
  /** First date of attendance, when known (required for ALS programs). */
  firstAttendance?: string | null | undefined;
  /** Enrolling in basic education for the first time. */
  firstTimeEnrollee?: boolean;
  gradeLevel: GradeLevel;
  /** Late enrollment beyond the 80% rule: only a school head may approve. */
  lateApproval?: LateApprovalInput | null | undefined;
  /** Why a first-time enrollee aged 13+ goes to a formal grade rather than ALS. */
  placementReason?: string | null | undefined;
  schoolYear: string;
  strand?: Strand | null | undefined;
};

export type EnrollmentStatus =
  | 'AWAITING_APPROVAL'
  | 'DECLINED'
  | 'DROPPED_OUT'
  | 'MOVED_OUT'
  | 'OFFICIALLY_ENROLLED'
  | 'PRE_REGISTERED'
  | 'TEMPORARILY_ENROLLED'
  | 'TRANSFERRED_TO_ALS';

/** Every field narrows; an empty or missing list does not. */
export type EnrollmentSummaryFilter = {
  /** Learners in any of these categories. */
  categories?: Array<LearnerCategory> | null | undefined;
  divisionIds?: Array<string | number> | null | undefined;
  gradeLevels?: Array<GradeLevel> | null | undefined;
  regionIds?: Array<string | number> | null | undefined;
  /** 6-digit School IDs. */
  schoolIds?: Array<string> | null | undefined;
  /** e.g. "2025-2026"; all years if omitted. */
  schoolYear?: string | null | undefined;
  sectors?: Array<Sector> | null | undefined;
  sexes?: Array<Sex> | null | undefined;
  /** Whom `learners` counts; default the enrolled (temporarily or officially). */
  statuses?: Array<EnrollmentStatus> | null | undefined;
  strands?: Array<Strand> | null | undefined;
};

/** The first date of attendance (DO 03 s. 2018 §V.A, §V.B). */
export type FirstAttendanceInput = {
  enrollmentId: string | number;
  /** YYYY-MM-DD */
  firstAttendance: string;
  lateApproval?: LateApprovalInput | null | undefined;
};

export type GradeLevel =
  | 'ALS_AE_ELEMENTARY'
  | 'ALS_AE_SECONDARY'
  | 'ALS_BLP'
  | 'ELEMENTARY_NON_GRADED'
  | 'GRADE_1'
  | 'GRADE_2'
  | 'GRADE_3'
  | 'GRADE_4'
  | 'GRADE_5'
  | 'GRADE_6'
  | 'GRADE_7'
  | 'GRADE_8'
  | 'GRADE_9'
  | 'GRADE_10'
  | 'GRADE_11'
  | 'GRADE_12'
  | 'JHS_NON_GRADED'
  | 'KINDER';

/** What the preview found a row to be. */
export type ImportOutcome =
  | 'ALREADY_ENROLLED'
  | 'EXISTING_LEARNER'
  | 'INVALID'
  | 'NEW_LEARNER'
  | 'SUSPECTED_DUPLICATE';

/** What the commit did. */
export type ImportRowResult =
  | 'CREATED_AND_ENROLLED'
  | 'ENROLLED'
  | 'FAILED'
  | 'SENT_FOR_APPROVAL'
  | 'SKIPPED_ALREADY_ENROLLED'
  | 'SKIPPED_INVALID'
  | 'SKIPPED_SUSPECTED_DUPLICATE';

/** The head’s approval of a late enrollment (§V.D). */
export type LateApprovalInput = {
  /** The catch-up activities the learner will take. */
  catchUpPlan: string;
};

export type LearnerCategory =
  | 'BALIK_ARAL'
  | 'FOUR_PS'
  | 'IP'
  | 'OSC'
  | 'OSY'
  | 'SPED';

/** Every field narrows; an empty or missing list does not. */
export type LearnerFlowFilter = {
  /** Learners in any of these categories (IP, SPED and 4Ps of the learner, the others of its enrolment in t). */
  categories?: Array<LearnerCategory> | null | undefined;
  divisionIds?: Array<string | number> | null | undefined;
  /** The grades of t. */
  gradeLevels?: Array<GradeLevel> | null | undefined;
  regionIds?: Array<string | number> | null | undefined;
  /** 6-digit School IDs (the school of t). */
  schoolIds?: Array<string> | null | undefined;
  /** The cohort's school year t, e.g. "2025-2026" (followed into t + 1); every year whose next year has opened if omitted. */
  schoolYear?: string | null | undefined;
  sectors?: Array<Sector> | null | undefined;
  sexes?: Array<Sex> | null | undefined;
};

export type LearnerImportInput = {
  /** The file, base64-encoded: at most 700,000 bytes and 2,000 rows; an XLSX of at most 500 parts unpacking to at most 10 MB (FILE_TOO_LARGE past them). */
  contentBase64: string;
  /** Ends in .csv or .xlsx. */
  fileName: string;
  schoolYear: string;
};

/** Why a record matched. */
export type MatchReason =
  | 'BIRTH_DAY_MONTH_SWAPPED'
  | 'DIFFERENT_BIRTH_DATE'
  | 'DIFFERENT_EXTENSION'
  | 'DIFFERENT_SEX'
  | 'FIRST_MIDDLE_SWAPPED'
  | 'FORMER_LRN'
  | 'SAME_BIRTH_DATE'
  | 'SAME_FIRST_AND_LAST_NAME'
  | 'SAME_FIRST_NAME'
  | 'SAME_LAST_NAME'
  | 'SAME_LRN'
  | 'SAME_MIDDLE_NAME'
  | 'SAME_NAME'
  | 'SAME_SEX'
  | 'SIMILAR_NAME';

/** A learner arriving from another school during the year (§V.E). */
export type MoveLearnerInput = {
  /** SF9, or a registrar’s letter and an affidavit. */
  documents?: Array<DocumentType>;
  gradeLevel: GradeLevel;
  learnerId: string | number;
  /** The day the learner moves in (YYYY-MM-DD). */
  moveDate: string;
  /** Required for a learner who is not yet this school's (issue 18). */
  proof?: TransferProofInput | null | undefined;
  schoolYear: string;
  strand?: Strand | null | undefined;
};

/** A new account; the user sets its password with a one-time code. */
export type NewAccountInput = {
  displayName: string;
  /** For the division monitoring team. */
  divisionId?: string | number | null | undefined;
  /** For single sign-on. */
  email?: string | null | undefined;
  /** For regional planners. */
  regionId?: string | number | null | undefined;
  role: Role;
  /** For school roles: the School ID. */
  schoolId?: string | number | null | undefined;
  /** 3 to 60 lower-case letters, digits, dots, hyphens or underscores. */
  username: string;
};

/** The circumstances of out-of-school children and youth (DO 03 s. 2018 §V.A). */
export type OutOfSchoolCircumstance =
  | 'ABUSE_OR_EXPLOITATION'
  | 'ARMED_CONFLICT_AREA'
  | 'BARANGAY_WITHOUT_SCHOOL'
  | 'CHRONIC_ILLNESS'
  | 'DISABILITY'
  | 'DISPLACED_BY_DISASTER'
  | 'GEOGRAPHICALLY_ISOLATED'
  | 'HIGH_CRIMINALITY_OR_DRUG_ABUSE'
  | 'IN_CONFLICT_WITH_THE_LAW'
  | 'LIVING_ON_THE_STREETS'
  | 'NUTRITIONAL_PROBLEMS'
  | 'OFF_GRID_COMMUNITY'
  | 'STATELESS_OR_UNDOCUMENTED'
  | 'WANTS_TO_RETURN_TO_SCHOOL';

/** Early registration (DO 03 s. 2018 §V.A). */
export type PreRegisterInput = {
  /** BALIK_ARAL, OSY or OSC. */
  categories?: Array<LearnerCategory>;
  circumstances?: Array<OutOfSchoolCircumstance>;
  gradeLevel: GradeLevel;
  /** The Basic Education Enrollment Form of a learner with no record. */
  learner?: CreateLearnerInput | null | undefined;
  /** A learner already on record; else `learner`. */
  learnerId?: string | number | null | undefined;
  /** Required for a learner who is not yet this school's (issue 18). */
  proof?: TransferProofInput | null | undefined;
  /** YYYY-MM-DD; default today (PHT). */
  registeredOn?: string | null | undefined;
  /** e.g. "2026-2027" */
  schoolYear: string;
  strand?: Strand | null | undefined;
};

export type Role =
  | 'ADMINISTRATOR'
  | 'ALS_FACILITATOR'
  | 'DIVISION_MONITOR'
  | 'NATIONAL_ANALYST'
  | 'REGIONAL_PLANNER'
  | 'SCHOOL_HEAD'
  | 'SCHOOL_REGISTRAR';

/** A level a school offers. */
export type SchoolLevel =
  | 'ELEMENTARY'
  | 'JUNIOR_HIGH'
  | 'KINDERGARTEN'
  | 'SENIOR_HIGH';

/** The kind of place an account covers. */
export type ScopeKind =
  | 'DIVISION'
  | 'NATION'
  | 'REGION'
  | 'SCHOOL';

export type Sector =
  | 'PRIVATE'
  | 'PUBLIC'
  | 'SUC_LUC';

export type Sex =
  | 'FEMALE'
  | 'MALE';

/** Senior high school strand. */
export type Strand =
  | 'ABM'
  | 'ARTS'
  | 'GAS'
  | 'HUMSS'
  | 'PBM'
  | 'SPORTS'
  | 'STEM'
  | 'TVL';

/** A document received for an enrollment (§V.A, §V.C). */
export type SubmitDocumentInput = {
  documentType: DocumentType;
  enrollmentId: string | number;
  /** The learner the document is for: must be the enrollment’s. */
  learnerId: string | number;
  /** YYYY-MM-DD; default today (PHT). */
  receivedOn?: string | null | undefined;
};

/** Proof that the school holds the papers of another school's learner (issue 18; DO 03 s. 2018 §V.E): the LRN and birth date, or the full name, birth date and last school, as the learner's SF9 or the registrar's letter gives them; why the learner comes; the document seen. Required when the learner is not yet this school's. What did not match is never said. */
export type TransferProofInput = {
  /** YYYY-MM-DD */
  birthDate?: string | null | undefined;
  /** The document seen: SF9, REGISTRAR_LETTER or AFFIDAVIT_OF_UNDERTAKING. */
  documentSeen: DocumentType;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** The six-digit school ID on the papers. */
  lastSchoolId?: string | null | undefined;
  lrn?: string | null | undefined;
  middleName?: string | null | undefined;
  /** Why the learner comes to this school (at most 300 characters). */
  reason: string;
};

/** Transfer to ALS (§V.E): not a school leaver. */
export type TransferToAlsInput = {
  /** Effectivity date, YYYY-MM-DD. */
  effectiveOn: string;
  enrollmentId: string | number;
  facilitatorName: string;
  /** ALS_BLP, ALS_AE_ELEMENTARY or ALS_AE_SECONDARY. */
  program: GradeLevel;
};

export type UpdateLearnerInput = {
  addressBarangay?: string | null | undefined;
  addressMunicipality?: string | null | undefined;
  addressProvince?: string | null | undefined;
  addressStreet?: string | null | undefined;
  /** YYYY-MM-DD */
  birthDate?: string | null | undefined;
  /** YYYY-MM-DD */
  birthDocumentReceivedOn?: string | null | undefined;
  birthDocumentType?: BirthDocumentType | null | undefined;
  /** Jr., Sr., II, III, IV or V. */
  extensionName?: string | null | undefined;
  fatherName?: string | null | undefined;
  firstName?: string | null | undefined;
  guardianName?: string | null | undefined;
  ipCommunity?: string | null | undefined;
  isFourPs?: boolean | null | undefined;
  isIndigenous?: boolean | null | undefined;
  lastName?: string | null | undefined;
  middleName?: string | null | undefined;
  motherMaidenName?: string | null | undefined;
  motherTongue?: string | null | undefined;
  placeOfBirth?: string | null | undefined;
  sex?: Sex | null | undefined;
  specialNeeds?: Array<string> | null | undefined;
};

export type DashboardClockQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardClockQuery = { clock: { today: string, now: string, pinned: boolean } };

export type AccountsQueryVariables = Exact<{
  search?: string | null | undefined;
  limit: number;
  offset: number;
}>;


export type AccountsQuery = { accounts: { total: number, items: Array<{ id: string, username: string, displayName: string, role: Role, email: string | null, disabled: boolean, awaitingPassword: boolean, lastSignInAt: string | null, school: { schoolId: string, name: string } | null, division: { id: string, name: string } | null, region: { id: string, name: string } | null }> } };

export type AccountEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountEventsQuery = { accountEvents: Array<{ id: string, at: string, action: string, actor: string | null, username: string, role: Role | null }> };

export type AccountPlacesQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountPlacesQuery = { regions: Array<{ id: string, name: string, divisions: Array<{ id: string, name: string }> }> };

export type CreateAccountMutationVariables = Exact<{
  input: NewAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { setupCode: string, setupCodeExpiresAt: string, account: { id: string, username: string } } };

export type DisableAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableAccountMutation = { disableAccount: { id: string, disabled: boolean } };

export type EnableAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableAccountMutation = { enableAccount: { id: string, disabled: boolean } };

export type ResetAccountPasswordMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetAccountPasswordMutation = { resetAccountPassword: { setupCode: string, setupCodeExpiresAt: string, account: { id: string, username: string, awaitingPassword: boolean } } };

export type SetPasswordMutationVariables = Exact<{
  username: string;
  code: string;
  password: string;
}>;


export type SetPasswordMutation = { setPassword: boolean };

export type ApprovalsListQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalsListQuery = { enrollmentApprovals: Array<{ enrollmentId: string, learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, schoolYear: string, gradeLevel: GradeLevel, status: EnrollmentStatus, enrolledOn: string, firstAttendance: string | null, requestedOn: string, reasons: Array<ApprovalReason>, remainingSchoolDays: number | null, requiredSchoolDays: number | null, backdatedDays: number | null, catchUpPlanRequired: boolean, decidedOn: string | null, catchUpPlan: string | null, declineReason: string | null }> };

export type ApprovalsAwaitingQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalsAwaitingQuery = { enrollmentApprovalsAwaiting: number };

export type ApprovalsApproveMutationVariables = Exact<{
  input: ApproveEnrollmentInput;
  key?: string | null | undefined;
}>;


export type ApprovalsApproveMutation = { approveEnrollment: { message: string, lrn: string | null, enrollment: { id: string, status: EnrollmentStatus } } };

export type ApprovalsDeclineMutationVariables = Exact<{
  input: DeclineEnrollmentInput;
  key?: string | null | undefined;
}>;


export type ApprovalsDeclineMutation = { declineEnrollment: { message: string, enrollment: { id: string, status: EnrollmentStatus } } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { sessionExpiresAt: string, account: { username: string, displayName: string, role: Role, scopeKind: ScopeKind, region: { id: string, name: string } | null, division: { id: string, name: string } | null, school: { schoolId: string, name: string } | null } } };

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInOptionsQuery = { signInOptions: { sso: boolean } };

export type SignedInSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SignedInSessionQuery = { session: { sessionExpiresAt: string, account: { username: string, displayName: string, role: Role, scopeKind: ScopeKind, region: { id: string, name: string } | null, division: { id: string, name: string } | null, school: { schoolId: string, name: string } | null } } };

export type AccountScopeFragment = { username: string, displayName: string, role: Role, scopeKind: ScopeKind, region: { id: string, name: string } | null, division: { id: string, name: string } | null, school: { schoolId: string, name: string } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { username: string, displayName: string, role: Role, scopeKind: ScopeKind, region: { id: string, name: string } | null, division: { id: string, name: string } | null, school: { schoolId: string, name: string } | null } };

export type DocumentsDueQueryVariables = Exact<{
  schoolYear: string;
  filter?: DocumentsDueFilter | null | undefined;
  forExport: boolean;
}>;


export type DocumentsDueQuery = { documentsDue: { total: number, cap: number, asOf: string, rows: Array<{ enrollmentId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, gradeLevel: GradeLevel, missingDocuments: Array<DocumentType>, documentsDueBy: string, daysLeft: number, dueState: DocumentDueState, school: { id: string, schoolId: string, name: string, district: { id: string, name: string } | null } }>, schools: Array<{ id: string, schoolId: string, name: string }> } };

export type EnrollSchoolCalendarsQueryVariables = Exact<{ [key: string]: never; }>;


export type EnrollSchoolCalendarsQuery = { schoolCalendars: Array<{ schoolYear: string, openingDay: string, closingDay: string, prescribedSchoolDays: number, nonSchoolDays: Array<string>, overridden: Array<string>, policyDates: { ageCutoff: string, alsFirstAttendanceCutoff: string | null, documentDeadline: string, earlyRegistrationEnd: string, earlyRegistrationStart: string, quickCountEnd: string, quickCountStart: string, transferWindowEnd: string, transferWindowStart: string } }> };

export type EnrollOwnSchoolQueryVariables = Exact<{
  schoolId: string;
}>;


export type EnrollOwnSchoolQuery = { school: { schoolId: string, name: string, levelsOffered: Array<SchoolLevel> } | null };

export type EnrollSearchLearnersQueryVariables = Exact<{
  name?: string | null | undefined;
  lrn?: string | null | undefined;
  birthDate?: string | null | undefined;
  schoolYear?: string | null | undefined;
}>;


export type EnrollSearchLearnersQuery = { searchLearners: Array<{ learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, birthDate: string, sex: Sex, lastSchoolId: string | null, inScope: boolean, likelyDuplicate: boolean, reasons: Array<MatchReason>, score: number, enrolledThisYear: { schoolYear: string, schoolId: string, schoolName: string, preRegistered: boolean, status: EnrollmentStatus | null } | null }> };

export type EnrollLearnerProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type EnrollLearnerProfileQuery = { learner: { id: string, version: number, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, birthDate: string, sex: Sex, placeOfBirth: string | null, motherTongue: string | null, isIndigenous: boolean, ipCommunity: string | null, isFourPs: boolean, specialNeeds: Array<string>, fatherName: string | null, motherMaidenName: string | null, guardianName: string | null, address: { street: string | null, barangay: string | null, municipality: string | null, province: string | null }, birthDocument: { type: BirthDocumentType, receivedOn: string } | null } | null };

export type EnrollUpdateLearnerMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: UpdateLearnerInput;
}>;


export type EnrollUpdateLearnerMutation = { updateLearner: { id: string, version: number } };

export type EnrollmentResultFieldsFragment = { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } };

export type EnrollLearnerMutationVariables = Exact<{
  input: EnrollLearnerInput;
  key?: string | null | undefined;
}>;


export type EnrollLearnerMutation = { enrollLearner: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollNewLearnerMutationVariables = Exact<{
  input: EnrollNewLearnerInput;
  key?: string | null | undefined;
}>;


export type EnrollNewLearnerMutation = { enrollNewLearner: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollPreRegisterMutationVariables = Exact<{
  input: PreRegisterInput;
  key?: string | null | undefined;
}>;


export type EnrollPreRegisterMutation = { preRegister: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollRecordFirstAttendanceMutationVariables = Exact<{
  input: FirstAttendanceInput;
  key?: string | null | undefined;
}>;


export type EnrollRecordFirstAttendanceMutation = { recordFirstAttendance: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollSubmitDocumentMutationVariables = Exact<{
  input: SubmitDocumentInput;
  key?: string | null | undefined;
}>;


export type EnrollSubmitDocumentMutation = { submitDocument: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollMoveLearnerMutationVariables = Exact<{
  input: MoveLearnerInput;
  key?: string | null | undefined;
}>;


export type EnrollMoveLearnerMutation = { moveLearner: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollTransferToAlsMutationVariables = Exact<{
  input: TransferToAlsInput;
  key?: string | null | undefined;
}>;


export type EnrollTransferToAlsMutation = { transferToAls: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type EnrollDropOutMutationVariables = Exact<{
  input: DropOutInput;
  key?: string | null | undefined;
}>;


export type EnrollDropOutMutation = { dropOut: { message: string, lrn: string | null, reasons: Array<string>, recommendation: string | null, enrollment: { id: string, learnerId: string, status: EnrollmentStatus, gradeLevel: GradeLevel, strand: Strand | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, firstAttendance: string | null, movedIn: boolean, transferredIn: boolean, leftOn: string | null } } };

export type ClassListRowFieldsFragment = { enrollmentId: string, learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, sex: Sex, birthDate: string, gradeLevel: GradeLevel, strand: Strand | null, status: EnrollmentStatus, firstAttendance: string | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, categories: Array<LearnerCategory> };

export type EnrollClassListQueryVariables = Exact<{
  schoolId: string;
  schoolYear: string;
  filter?: ClassListFilter | null | undefined;
}>;


export type EnrollClassListQuery = { classList: { total: number, asOf: string, rows: Array<{ enrollmentId: string, learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, sex: Sex, birthDate: string, gradeLevel: GradeLevel, strand: Strand | null, status: EnrollmentStatus, firstAttendance: string | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, categories: Array<LearnerCategory> }> } };

export type EnrollClassListExportQueryVariables = Exact<{
  schoolId: string;
  schoolYear: string;
  format: ClassListExportFormat;
  filter?: ClassListSelection | null | undefined;
}>;


export type EnrollClassListExportQuery = { classListExport: { rows: Array<{ motherTongue: string | null, ipCommunity: string | null, entry: { enrollmentId: string, learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, extensionName: string | null, sex: Sex, birthDate: string, gradeLevel: GradeLevel, strand: Strand | null, status: EnrollmentStatus, firstAttendance: string | null, documentsDueBy: string | null, missingDocuments: Array<DocumentType>, categories: Array<LearnerCategory> } }> }, school: { schoolId: string, name: string, region: { name: string }, division: { name: string }, district: { name: string } | null } | null };

export type EnrollPreRegistrationsByDayQueryVariables = Exact<{
  schoolId: string;
  schoolYear: string;
}>;


export type EnrollPreRegistrationsByDayQuery = { preRegistrationsByDay: Array<{ date: string, registrations: number, outOfSchoolChildren: number, outOfSchoolYouth: number }> };

export type ImportSummaryFragment = { id: string, fileName: string, status: string, totalRows: number, invalidRows: number, suspectedDuplicates: number, created: number, enrolled: number };

export type EnrollPreviewImportMutationVariables = Exact<{
  input: LearnerImportInput;
}>;


export type EnrollPreviewImportMutation = { previewLearnerImport: { id: string, fileName: string, status: string, totalRows: number, invalidRows: number, suspectedDuplicates: number, created: number, enrolled: number, rows: Array<{ rowNumber: number, outcome: ImportOutcome, lastName: string | null, firstName: string | null, birthDate: string | null, errors: Array<{ field: string, rule: string }>, candidates: Array<{ learnerId: string, lrn: string | null, lastName: string, firstName: string, birthDate: string, reasons: Array<MatchReason> }> }> } };

export type EnrollCommitImportMutationVariables = Exact<{
  importId: string | number;
  confirmNewRows: Array<number> | number;
}>;


export type EnrollCommitImportMutation = { commitLearnerImport: { id: string, fileName: string, status: string, totalRows: number, invalidRows: number, suspectedDuplicates: number, created: number, enrolled: number, committed: Array<{ rowNumber: number, result: ImportRowResult, error: string | null }> } };

export type SchoolYearsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolYearsQuery = { enrollmentSummary: Array<{ schoolYear: string | null, learners: number | null, preRegistered: number | null }>, schoolCalendars: Array<{ schoolYear: string, openingDay: string, closingDay: string }> };

export type FlowYearsQueryVariables = Exact<{
  filter: LearnerFlowFilter;
}>;


export type FlowYearsQuery = { learnerFlows: Array<{ schoolYear: string | null, nextSchoolYear: string | null, cohort: number }> };

export type FlowsByGradeQueryVariables = Exact<{
  filter: LearnerFlowFilter;
}>;


export type FlowsByGradeQuery = { learnerFlows: Array<{ asOf: string, schoolYear: string | null, nextSchoolYear: string | null, gradeLevel: GradeLevel | null, cohort: number, promoted: number, repeated: number, completed: number, transferredToAls: number, notEnrolled: number, otherSchool: number, promotionRate: number | null, repetitionRate: number | null, dropoutRate: number | null, transitionRate: number | null, completionRate: number | null, genderParity: { promotionRate: number | null, repetitionRate: number | null, dropoutRate: number | null, transitionRate: number | null, completionRate: number | null } }> };

export type PlaceMapQueryVariables = Exact<{
  filter: EnrollmentSummaryFilter;
  groupBy: Array<Dimension> | Dimension;
}>;


export type PlaceMapQuery = { enrollmentSummary: Array<{ asOf: string, learners: number | null, male: number | null, female: number | null, previousYearLearners: number | null, region: { id: string } | null, division: { id: string } | null }> };

export type PlaceFlowsQueryVariables = Exact<{
  filter: LearnerFlowFilter;
  groupBy: Array<Dimension> | Dimension;
}>;


export type PlaceFlowsQuery = { learnerFlows: Array<{ gradeLevel: GradeLevel | null, cohort: number, promoted: number, notEnrolled: number, region: { id: string } | null, division: { id: string } | null }> };

export type EnrollmentOverviewQueryVariables = Exact<{
  filter: EnrollmentSummaryFilter;
  below: Array<Dimension> | Dimension;
  withBelow: boolean;
}>;


export type EnrollmentOverviewQuery = { total: Array<{ asOf: string, learners: number | null, male: number | null, female: number | null, genderParityIndex: number | null, previousYearLearners: number | null, change: number | null, preRegistered: number | null, temporarilyEnrolled: number | null, officiallyEnrolled: number | null, movedIn: number | null, movedOut: number | null, transferredIn: number | null, transferredOut: number | null, transferredToAls: number | null, droppedOut: number | null }>, below?: Array<{ learners: number | null, male: number | null, female: number | null, genderParityIndex: number | null, previousYearLearners: number | null, change: number | null, region: { id: string } | null, division: { id: string } | null, school: { id: string, schoolId: string, name: string } | null }>, bySector: Array<{ sector: Sector | null, learners: number | null }>, byGrade: Array<{ gradeLevel: GradeLevel | null, learners: number | null, male: number | null, female: number | null }>, byCategory: Array<{ category: LearnerCategory | null, learners: number | null, male: number | null, female: number | null, previousYearLearners: number | null, change: number | null }> };

export type TemporaryEnrollmentsQueryVariables = Exact<{
  schoolYear: string;
  dueWithinDays: number;
}>;


export type TemporaryEnrollmentsQuery = { temporaryEnrollments: Array<{ schoolId: string, documentsDueBy: string, daysLeft: number, overdue: boolean, learner: { enrollmentId: string, learnerId: string, lrn: string | null, lastName: string, firstName: string, middleName: string | null, gradeLevel: GradeLevel, missingDocuments: Array<DocumentType> } }> };

export type EarlyRegistrationTrackerQueryVariables = Exact<{
  schoolYear: string;
  divisionId?: string | number | null | undefined;
  regionId?: string | number | null | undefined;
  districtId?: string | number | null | undefined;
  withSchools: boolean;
}>;


export type EarlyRegistrationTrackerQuery = { earlyRegistrationProgress: { schoolYear: string, asOf: string, windowStart: string, windowEnd: string, registrations: number, previousYearEnrollment: number, progress: number | null, target: number, schoolsBehindTarget: number, outOfSchoolChildren: number, outOfSchoolYouth: number, days: Array<{ date: string, registrations: number, cumulative: number, previousYearCumulative: number | null }>, regions: Array<{ schools: number, schoolsWithoutRegistration: number, schoolsBehindTarget: number, registrations: number, previousYearEnrollment: number, progress: number | null, region: { id: string, name: string } }>, divisions: Array<{ schools: number, schoolsWithoutRegistration: number, schoolsBehindTarget: number, registrations: number, previousYearEnrollment: number, progress: number | null, division: { id: string, name: string } }>, schools?: Array<{ registrations: number, previousYearEnrollment: number, progress: number | null, target: number, behindTarget: boolean, lastRegistrationOn: string | null, school: { id: string, schoolId: string, name: string, district: { id: string, name: string } | null } }>, outOfSchool: Array<{ circumstance: OutOfSchoolCircumstance, children: number, youth: number }> } };

export type TrackerPlacesQueryVariables = Exact<{ [key: string]: never; }>;


export type TrackerPlacesQuery = { regions: Array<{ id: string, name: string, divisions: Array<{ id: string, name: string }> }> };

export type DivisionDistrictsQueryVariables = Exact<{
  divisionId: string | number;
}>;


export type DivisionDistrictsQuery = { division: { id: string, name: string, schoolCount: number, districts: Array<{ id: string, name: string, schoolCount: number }> } | null };

export type YearTrendQueryVariables = Exact<{
  filter: EnrollmentSummaryFilter;
}>;


export type YearTrendQuery = { enrollmentSummary: Array<{ asOf: string, schoolYear: string | null, learners: number | null, male: number | null, female: number | null, genderParityIndex: number | null }> };

export type DivisionPageQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
  districtId?: string | number | null | undefined;
}>;


export type DivisionPageQuery = { division: { id: string, name: string, schoolCount: number, region: { id: string, name: string }, districts: Array<{ id: string, name: string, schoolCount: number }>, schools: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, schoolId: string, name: string, sector: Sector, levelsOffered: Array<SchoolLevel>, municipality: string | null, hasOfficialDetails: boolean }> } } | null };

export type NationalPageQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalPageQuery = { regions: Array<{ id: string, name: string, longName: string, psgcCode: string | null, divisionCount: number, schoolCount: number }> };

export type RegionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RegionPageQuery = { region: { id: string, name: string, longName: string, psgcCode: string | null, divisionCount: number, schoolCount: number, divisions: Array<{ id: string, name: string, province: string | null, schoolCount: number }> } | null };

export type SchoolPageQueryVariables = Exact<{
  schoolId: string;
}>;


export type SchoolPageQuery = { school: { id: string, schoolId: string, name: string, sector: Sector, levelsOffered: Array<SchoolLevel>, province: string | null, municipality: string | null, barangay: string | null, hasOfficialDetails: boolean, district: { name: string } | null, division: { id: string, name: string }, region: { id: string, name: string } } | null };

export const AccountScopeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountScope"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopeKind"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AccountScopeFragment, unknown>;
export const EnrollmentResultFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollmentResultFieldsFragment, unknown>;
export const ClassListRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassListRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<ClassListRowFieldsFragment, unknown>;
export const ImportSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerImport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"suspectedDuplicates"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}}]}}]} as unknown as DocumentNode<ImportSummaryFragment, unknown>;
export const DashboardClockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardClock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"today"}},{"kind":"Field","name":{"kind":"Name","value":"now"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}}]}}]}}]} as unknown as DocumentNode<DashboardClockQuery, DashboardClockQueryVariables>;
export const AccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Accounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingPassword"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignInAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountsQuery, AccountsQueryVariables>;
export const AccountEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AccountEventsQuery, AccountEventsQueryVariables>;
export const AccountPlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountPlaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AccountPlacesQuery, AccountPlacesQueryVariables>;
export const CreateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NewAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setupCode"}},{"kind":"Field","name":{"kind":"Name","value":"setupCodeExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<CreateAccountMutation, CreateAccountMutationVariables>;
export const DisableAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]} as unknown as DocumentNode<DisableAccountMutation, DisableAccountMutationVariables>;
export const EnableAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabled"}}]}}]}}]} as unknown as DocumentNode<EnableAccountMutation, EnableAccountMutationVariables>;
export const ResetAccountPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetAccountPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetAccountPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setupCode"}},{"kind":"Field","name":{"kind":"Name","value":"setupCodeExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingPassword"}}]}}]}}]}}]} as unknown as DocumentNode<ResetAccountPasswordMutation, ResetAccountPasswordMutationVariables>;
export const SetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<SetPasswordMutation, SetPasswordMutationVariables>;
export const ApprovalsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentApprovals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"requestedOn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"remainingSchoolDays"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSchoolDays"}},{"kind":"Field","name":{"kind":"Name","value":"backdatedDays"}},{"kind":"Field","name":{"kind":"Name","value":"catchUpPlanRequired"}},{"kind":"Field","name":{"kind":"Name","value":"decidedOn"}},{"kind":"Field","name":{"kind":"Name","value":"catchUpPlan"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}}]}}]}}]} as unknown as DocumentNode<ApprovalsListQuery, ApprovalsListQueryVariables>;
export const ApprovalsAwaitingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalsAwaiting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentApprovalsAwaiting"}}]}}]} as unknown as DocumentNode<ApprovalsAwaitingQuery, ApprovalsAwaitingQueryVariables>;
export const ApprovalsApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApprovalsApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveEnrollmentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalsApproveMutation, ApprovalsApproveMutationVariables>;
export const ApprovalsDeclineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApprovalsDecline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineEnrollmentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalsDeclineMutation, ApprovalsDeclineMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"cookie"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountScope"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountScope"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopeKind"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const SignInOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sso"}}]}}]}}]} as unknown as DocumentNode<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const SignedInSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignedInSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountScope"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountScope"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopeKind"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SignedInSessionQuery, SignedInSessionQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountScope"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountScope"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Account"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"scopeKind"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const DocumentsDueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentsDue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DocumentsDueFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"forExport"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentsDue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"forExport"},"value":{"kind":"Variable","name":{"kind":"Name","value":"forExport"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"cap"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"dueState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentsDueQuery, DocumentsDueQueryVariables>;
export const EnrollSchoolCalendarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollSchoolCalendars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolCalendars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"openingDay"}},{"kind":"Field","name":{"kind":"Name","value":"closingDay"}},{"kind":"Field","name":{"kind":"Name","value":"prescribedSchoolDays"}},{"kind":"Field","name":{"kind":"Name","value":"nonSchoolDays"}},{"kind":"Field","name":{"kind":"Name","value":"overridden"}},{"kind":"Field","name":{"kind":"Name","value":"policyDates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageCutoff"}},{"kind":"Field","name":{"kind":"Name","value":"alsFirstAttendanceCutoff"}},{"kind":"Field","name":{"kind":"Name","value":"documentDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"earlyRegistrationEnd"}},{"kind":"Field","name":{"kind":"Name","value":"earlyRegistrationStart"}},{"kind":"Field","name":{"kind":"Name","value":"quickCountEnd"}},{"kind":"Field","name":{"kind":"Name","value":"quickCountStart"}},{"kind":"Field","name":{"kind":"Name","value":"transferWindowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"transferWindowStart"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollSchoolCalendarsQuery, EnrollSchoolCalendarsQueryVariables>;
export const EnrollOwnSchoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollOwnSchool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"levelsOffered"}}]}}]}}]} as unknown as DocumentNode<EnrollOwnSchoolQuery, EnrollOwnSchoolQueryVariables>;
export const EnrollSearchLearnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollSearchLearners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lrn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchLearners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"lrn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lrn"}}},{"kind":"Argument","name":{"kind":"Name","value":"birthDate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"birthDate"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"lastSchoolId"}},{"kind":"Field","name":{"kind":"Name","value":"inScope"}},{"kind":"Field","name":{"kind":"Name","value":"likelyDuplicate"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledThisYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"preRegistered"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollSearchLearnersQuery, EnrollSearchLearnersQueryVariables>;
export const EnrollLearnerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollLearnerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"placeOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"motherTongue"}},{"kind":"Field","name":{"kind":"Name","value":"isIndigenous"}},{"kind":"Field","name":{"kind":"Name","value":"ipCommunity"}},{"kind":"Field","name":{"kind":"Name","value":"isFourPs"}},{"kind":"Field","name":{"kind":"Name","value":"specialNeeds"}},{"kind":"Field","name":{"kind":"Name","value":"fatherName"}},{"kind":"Field","name":{"kind":"Name","value":"motherMaidenName"}},{"kind":"Field","name":{"kind":"Name","value":"guardianName"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"barangay"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"province"}}]}},{"kind":"Field","name":{"kind":"Name","value":"birthDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollLearnerProfileQuery, EnrollLearnerProfileQueryVariables>;
export const EnrollUpdateLearnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollUpdateLearner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLearnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLearner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<EnrollUpdateLearnerMutation, EnrollUpdateLearnerMutationVariables>;
export const EnrollLearnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollLearner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollLearnerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollLearner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollLearnerMutation, EnrollLearnerMutationVariables>;
export const EnrollNewLearnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollNewLearner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollNewLearnerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollNewLearner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollNewLearnerMutation, EnrollNewLearnerMutationVariables>;
export const EnrollPreRegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollPreRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegisterInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preRegister"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollPreRegisterMutation, EnrollPreRegisterMutationVariables>;
export const EnrollRecordFirstAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollRecordFirstAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FirstAttendanceInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFirstAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollRecordFirstAttendanceMutation, EnrollRecordFirstAttendanceMutationVariables>;
export const EnrollSubmitDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollSubmitDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitDocumentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollSubmitDocumentMutation, EnrollSubmitDocumentMutationVariables>;
export const EnrollMoveLearnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollMoveLearner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveLearnerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveLearner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollMoveLearnerMutation, EnrollMoveLearnerMutationVariables>;
export const EnrollTransferToAlsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollTransferToAls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferToAlsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferToAls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollTransferToAlsMutation, EnrollTransferToAlsMutationVariables>;
export const EnrollDropOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollDropOut"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DropOutInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dropOut"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentResultFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentResultFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}}]}}]}}]} as unknown as DocumentNode<EnrollDropOutMutation, EnrollDropOutMutationVariables>;
export const EnrollClassListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollClassList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClassListRowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassListRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<EnrollClassListQuery, EnrollClassListQueryVariables>;
export const EnrollClassListExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollClassListExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListExportFormat"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListSelection"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classListExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClassListRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"motherTongue"}},{"kind":"Field","name":{"kind":"Name","value":"ipCommunity"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassListRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassListRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"extensionName"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"strand"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"firstAttendance"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<EnrollClassListExportQuery, EnrollClassListExportQueryVariables>;
export const EnrollPreRegistrationsByDayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollPreRegistrationsByDay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preRegistrationsByDay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"outOfSchoolChildren"}},{"kind":"Field","name":{"kind":"Name","value":"outOfSchoolYouth"}}]}}]}}]} as unknown as DocumentNode<EnrollPreRegistrationsByDayQuery, EnrollPreRegistrationsByDayQueryVariables>;
export const EnrollPreviewImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollPreviewImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewLearnerImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportSummary"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerImport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"suspectedDuplicates"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}}]}}]} as unknown as DocumentNode<EnrollPreviewImportMutation, EnrollPreviewImportMutationVariables>;
export const EnrollCommitImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollCommitImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"importId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmNewRows"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitLearnerImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"importId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"importId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmNewRows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmNewRows"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportSummary"}},{"kind":"Field","name":{"kind":"Name","value":"committed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerImport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"invalidRows"}},{"kind":"Field","name":{"kind":"Name","value":"suspectedDuplicates"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"enrolled"}}]}}]} as unknown as DocumentNode<EnrollCommitImportMutation, EnrollCommitImportMutationVariables>;
export const SchoolYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolYears"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL_YEAR"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"preRegistered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolCalendars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"openingDay"}},{"kind":"Field","name":{"kind":"Name","value":"closingDay"}}]}}]}}]} as unknown as DocumentNode<SchoolYearsQuery, SchoolYearsQueryVariables>;
export const FlowYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerFlowFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL_YEAR"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"nextSchoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}}]}}]}}]} as unknown as DocumentNode<FlowYearsQuery, FlowYearsQueryVariables>;
export const FlowsByGradeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsByGrade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerFlowFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"GRADE_LEVEL"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"nextSchoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"repeated"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"transferredToAls"}},{"kind":"Field","name":{"kind":"Name","value":"notEnrolled"}},{"kind":"Field","name":{"kind":"Name","value":"otherSchool"}},{"kind":"Field","name":{"kind":"Name","value":"promotionRate"}},{"kind":"Field","name":{"kind":"Name","value":"repetitionRate"}},{"kind":"Field","name":{"kind":"Name","value":"dropoutRate"}},{"kind":"Field","name":{"kind":"Name","value":"transitionRate"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"genderParity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promotionRate"}},{"kind":"Field","name":{"kind":"Name","value":"repetitionRate"}},{"kind":"Field","name":{"kind":"Name","value":"dropoutRate"}},{"kind":"Field","name":{"kind":"Name","value":"transitionRate"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}}]}}]}}]}}]} as unknown as DocumentNode<FlowsByGradeQuery, FlowsByGradeQueryVariables>;
export const PlaceMapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlaceMap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentSummaryFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Dimension"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearLearners"}}]}}]}}]} as unknown as DocumentNode<PlaceMapQuery, PlaceMapQueryVariables>;
export const PlaceFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlaceFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LearnerFlowFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Dimension"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"learnerFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"cohort"}},{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"notEnrolled"}}]}}]}}]} as unknown as DocumentNode<PlaceFlowsQuery, PlaceFlowsQueryVariables>;
export const EnrollmentOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentSummaryFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"below"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Dimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withBelow"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"total"},"name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}},{"kind":"Field","name":{"kind":"Name","value":"genderParityIndex"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearLearners"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"preRegistered"}},{"kind":"Field","name":{"kind":"Name","value":"temporarilyEnrolled"}},{"kind":"Field","name":{"kind":"Name","value":"officiallyEnrolled"}},{"kind":"Field","name":{"kind":"Name","value":"movedIn"}},{"kind":"Field","name":{"kind":"Name","value":"movedOut"}},{"kind":"Field","name":{"kind":"Name","value":"transferredIn"}},{"kind":"Field","name":{"kind":"Name","value":"transferredOut"}},{"kind":"Field","name":{"kind":"Name","value":"transferredToAls"}},{"kind":"Field","name":{"kind":"Name","value":"droppedOut"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"below"},"name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"below"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withBelow"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}},{"kind":"Field","name":{"kind":"Name","value":"genderParityIndex"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearLearners"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySector"},"name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SECTOR"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byGrade"},"name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"GRADE_LEVEL"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCategory"},"name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CATEGORY"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearLearners"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}}]}}]} as unknown as DocumentNode<EnrollmentOverviewQuery, EnrollmentOverviewQueryVariables>;
export const TemporaryEnrollmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TemporaryEnrollments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dueWithinDays"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"temporaryEnrollments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"dueWithinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dueWithinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"documentsDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"learner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"learnerId"}},{"kind":"Field","name":{"kind":"Name","value":"lrn"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"missingDocuments"}}]}}]}}]}}]} as unknown as DocumentNode<TemporaryEnrollmentsQuery, TemporaryEnrollmentsQueryVariables>;
export const EarlyRegistrationTrackerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EarlyRegistrationTracker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"divisionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"districtId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withSchools"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earlyRegistrationProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolYear"}}},{"kind":"Argument","name":{"kind":"Name","value":"divisionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"divisionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"districtId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"schoolsBehindTarget"}},{"kind":"Field","name":{"kind":"Name","value":"outOfSchoolChildren"}},{"kind":"Field","name":{"kind":"Name","value":"outOfSchoolYouth"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"cumulative"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearCumulative"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"schoolsWithoutRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"schoolsBehindTarget"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"divisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"}},{"kind":"Field","name":{"kind":"Name","value":"schoolsWithoutRegistration"}},{"kind":"Field","name":{"kind":"Name","value":"schoolsBehindTarget"}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withSchools"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"previousYearEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"behindTarget"}},{"kind":"Field","name":{"kind":"Name","value":"lastRegistrationOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outOfSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"youth"}}]}}]}}]}}]} as unknown as DocumentNode<EarlyRegistrationTrackerQuery, EarlyRegistrationTrackerQueryVariables>;
export const TrackerPlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrackerPlaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"divisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TrackerPlacesQuery, TrackerPlacesQueryVariables>;
export const DivisionDistrictsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DivisionDistricts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"divisionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"division"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"divisionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"districts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}}]}}]}}]}}]} as unknown as DocumentNode<DivisionDistrictsQuery, DivisionDistrictsQueryVariables>;
export const YearTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"YearTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentSummaryFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL_YEAR"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"schoolYear"}},{"kind":"Field","name":{"kind":"Name","value":"learners"}},{"kind":"Field","name":{"kind":"Name","value":"male"}},{"kind":"Field","name":{"kind":"Name","value":"female"}},{"kind":"Field","name":{"kind":"Name","value":"genderParityIndex"}}]}}]}}]} as unknown as DocumentNode<YearTrendQuery, YearTrendQueryVariables>;
export const DivisionPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DivisionPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"districtId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"division"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"districts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"districtId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"districtId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"levelsOffered"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"hasOfficialDetails"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DivisionPageQuery, DivisionPageQueryVariables>;
export const NationalPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NationalPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"longName"}},{"kind":"Field","name":{"kind":"Name","value":"psgcCode"}},{"kind":"Field","name":{"kind":"Name","value":"divisionCount"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}}]}}]}}]} as unknown as DocumentNode<NationalPageQuery, NationalPageQueryVariables>;
export const RegionPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"longName"}},{"kind":"Field","name":{"kind":"Name","value":"psgcCode"}},{"kind":"Field","name":{"kind":"Name","value":"divisionCount"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}},{"kind":"Field","name":{"kind":"Name","value":"divisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"schoolCount"}}]}}]}}]}}]} as unknown as DocumentNode<RegionPageQuery, RegionPageQueryVariables>;
export const SchoolPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"levelsOffered"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"barangay"}},{"kind":"Field","name":{"kind":"Name","value":"hasOfficialDetails"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"division"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolPageQuery, SchoolPageQueryVariables>;