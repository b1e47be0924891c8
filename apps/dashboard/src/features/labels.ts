import { type OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import {
  type Dimension,
  type EnrollmentStatus,
  type GradeLevel,
  type LearnerCategory,
} from '@repo/domain/enums';

/** Display order and names of the reporting enums (SPEC §5, §7). */
export const gradeLabel: Record<GradeLevel, string> = {
  KINDER: 'Kindergarten',
  GRADE_1: 'Grade 1',
  GRADE_2: 'Grade 2',
  GRADE_3: 'Grade 3',
  GRADE_4: 'Grade 4',
  GRADE_5: 'Grade 5',
  GRADE_6: 'Grade 6',
  ELEMENTARY_NON_GRADED: 'Elementary non-graded',
  GRADE_7: 'Grade 7',
  GRADE_8: 'Grade 8',
  GRADE_9: 'Grade 9',
  GRADE_10: 'Grade 10',
  JHS_NON_GRADED: 'JHS non-graded',
  GRADE_11: 'Grade 11',
  GRADE_12: 'Grade 12',
  ALS_BLP: 'ALS Basic Literacy',
  ALS_AE_ELEMENTARY: 'ALS A&E Elementary',
  ALS_AE_SECONDARY: 'ALS A&E Secondary',
};
export const gradeOrder = Object.keys(gradeLabel) as GradeLevel[];

export const categoryLabel: Record<LearnerCategory, string> = {
  IP: 'Indigenous Peoples (IP)',
  SPED: 'Special education (SPED)',
  BALIK_ARAL: 'Balik-Aral',
  OSY: 'Out-of-school youth (OSY)',
  OSC: 'Out-of-school children (OSC)',
  FOUR_PS: '4Ps beneficiaries',
};
export const categoryOrder = Object.keys(categoryLabel) as LearnerCategory[];

export const statusLabel: Record<EnrollmentStatus, string> = {
  PRE_REGISTERED: 'Pre-registered',
  TEMPORARILY_ENROLLED: 'Temporarily enrolled',
  OFFICIALLY_ENROLLED: 'Officially enrolled',
  MOVED_OUT: 'Moved out',
  TRANSFERRED_TO_ALS: 'Transferred to ALS',
  DROPPED_OUT: 'Dropped out',
  AWAITING_APPROVAL: 'Awaiting the school head’s approval',
  DECLINED: 'Declined by the school head',
};
export const statusOrder = Object.keys(statusLabel) as EnrollmentStatus[];

/** In the order of DO 03 s. 2018 §V.A. */
export const circumstanceLabel: Record<OutOfSchoolCircumstance, string> = {
  DISABILITY: 'Disability',
  OFF_GRID_COMMUNITY: 'Off-grid community',
  BARANGAY_WITHOUT_SCHOOL: 'Barangay without a school',
  GEOGRAPHICALLY_ISOLATED: 'Geographically isolated',
  DISPLACED_BY_DISASTER: 'Displaced by disaster',
  ARMED_CONFLICT_AREA: 'Armed conflict area',
  HIGH_CRIMINALITY_OR_DRUG_ABUSE: 'High criminality or drug abuse',
  CHRONIC_ILLNESS: 'Chronic illness',
  NUTRITIONAL_PROBLEMS: 'Nutritional problems',
  ABUSE_OR_EXPLOITATION: 'Abuse or exploitation',
  STATELESS_OR_UNDOCUMENTED: 'Stateless or undocumented',
  IN_CONFLICT_WITH_THE_LAW: 'In conflict with the law',
  LIVING_ON_THE_STREETS: 'Living on the streets',
  WANTS_TO_RETURN_TO_SCHOOL: 'Wants to return to school',
};

export const dimensionLabel: Record<Dimension, string> = {
  SCHOOL_YEAR: 'School year',
  REGION: 'Region',
  DIVISION: 'Division',
  SCHOOL: 'School',
  SECTOR: 'Sector',
  GRADE_LEVEL: 'Grade level',
  STRAND: 'Strand',
  SEX: 'Sex',
  CATEGORY: 'Category',
  STATUS: 'Status',
};
export const dimensionOrder = Object.keys(dimensionLabel) as Dimension[];
