import { transferDocuments } from '@repo/domain/transfer';
import {
  type AdmissionBasis,
  type DocumentType,
  type GradeLevel,
  type LearnerCategory,
  type Sex,
  type Strand,
} from '@repo/domain/enums';
import { type FieldError } from '@repo/domain/learner-profile';
import {
  type LearnerListColumn,
  learnerListNames,
  normalizeHeading,
  requiredLearnerListColumns,
} from '@repo/domain/learner-list';
import { type MatchReason } from '@repo/domain/similarity';
import { badUserInput } from '../../errors.js';
import { type EnrollLearnerInput } from './enrollment.input.js';
import { readSheetRows } from './sheet-reader.js';

// A learner list as a registrar's spreadsheet gives it (issue 5): the file read into rows, each
// row's cells named by column, and a row as the profile and the enrollment the commands take.

/** The largest file taken (base64 in a GraphQL request under the 1 MB body limit). */
export const maxImportBytes = 700_000;
export const maxImportRows = 2_000;

/**
 * The columns of a learner list, by the names a registrar's spreadsheet may give them: the
 * domain's list, from which the dashboard's template is made too.
 */
export const columns = learnerListNames;
export type Column = LearnerListColumn;
export const requiredColumns = requiredLearnerListColumns;

export type ImportOutcome =
  'NEW_LEARNER' | 'EXISTING_LEARNER' | 'SUSPECTED_DUPLICATE' | 'ALREADY_ENROLLED' | 'INVALID';

export interface ImportCandidate {
  learnerId: string;
  lrn: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  /** Absent from imports staged before issue 18, as are the school's name and the place flag. */
  sex?: 'MALE' | 'FEMALE' | null;
  lastSchoolId: string | null;
  lastSchoolName?: string | null;
  /** Whether the learner is in the importing school's place; outside it, no LRN is kept. */
  inScope?: boolean;
  score: number;
  reasons: MatchReason[];
}

export interface StagedRow {
  rowNumber: number;
  values: Partial<Record<Column, string>>;
  errors: FieldError[];
  outcome: ImportOutcome;
  learnerId: string | null;
  candidates: ImportCandidate[];
}

export interface CommittedRow {
  rowNumber: number;
  result:
    | 'CREATED_AND_ENROLLED'
    | 'ENROLLED'
    | 'SENT_FOR_APPROVAL'
    | 'SKIPPED_ALREADY_ENROLLED'
    | 'SKIPPED_INVALID'
    | 'SKIPPED_SUSPECTED_DUPLICATE'
    | 'FAILED';
  learnerId: string | null;
  enrollmentId: string | null;
  error: string | null;
}

export const normalizeHeader = normalizeHeading;

/**
 * The file's rows as text cells, header first, read where a hostile file cannot stall the API
 * (sheet-reader.ts): at most two rows past the limit, so that TOO_MANY_ROWS can still be told.
 */
export async function readRows(fileName: string, content: Buffer): Promise<string[][]> {
  const kind = /\.xlsx$/i.test(fileName) ? 'xlsx' : /\.csv$/i.test(fileName) ? 'csv' : null;
  if (!kind) throw badUserInput('input.fileName', 'FILE_TYPE', 'The file must be .csv or .xlsx');
  return readSheetRows(kind, content, maxImportRows + 2);
}

export const yes = (v: string | undefined) => /^(y|yes|true|1|oo)$/i.test(v ?? '');
export const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[;,|]/)
    .map((d) => d.trim().toUpperCase().replace(/\s+/g, '_'))
    .filter(Boolean);
export const upper = (v: string | undefined) =>
  v
    ? v
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
    : undefined;
export const gradeOf = (v: string | undefined) => {
  const value = upper(v);
  if (!value) return undefined;
  if (/^\d{1,2}$/.test(value)) return `GRADE_${Number(value)}`;
  if (value === 'K' || value === 'KINDERGARTEN') return 'KINDER';
  return value.replace(/^GRADE_?0?(\d)/, 'GRADE_$1');
};
export const oneOf = (values: object, v: string | undefined) =>
  v !== undefined && (Object.values(values) as string[]).includes(v);

/** One row's enrollment, as the enrollment mutation takes it. */
export function toEnrollInput(
  values: StagedRow['values'],
  learnerId: string,
  schoolYear: string,
): EnrollLearnerInput {
  return {
    learnerId,
    schoolYear,
    gradeLevel: gradeOf(values.gradeLevel) as GradeLevel,
    strand: (upper(values.strand) as Strand | undefined) ?? null,
    admissionBasis: (upper(values.admissionBasis) as AdmissionBasis | undefined) ?? null,
    firstTimeEnrollee: false,
    categories: [] as LearnerCategory[],
    documents: list(values.documents) as DocumentType[],
    enrolledOn: values.enrolledOn || null,
    firstAttendance: values.firstAttendance || null,
    proof: importProof(values),
  };
}

/**
 * A row's proof for a learner of another school (issue 18): the row's LRN, name and birth date,
 * the transfer document among the row's documents, and the roster as the reason. Taken only where
 * the learner is not the school's yet; without a transfer document the row fails PROOF_REQUIRED.
 */
function importProof(values: StagedRow['values']): EnrollLearnerInput['proof'] {
  const documents = list(values.documents);
  return {
    lrn: values.lrn?.replace(/\s/g, '') || null,
    birthDate: values.birthDate || null,
    lastName: values.lastName || null,
    firstName: values.firstName || null,
    middleName: values.middleName || null,
    reason: "On the school's enrollment roster (import)",
    documentSeen: (documents.find((d) => (transferDocuments as readonly string[]).includes(d)) ??
      '') as DocumentType,
  };
}

export function toProfile(values: StagedRow['values']) {
  return {
    lastName: values.lastName ?? '',
    firstName: values.firstName ?? '',
    middleName: values.middleName || null,
    extensionName: values.extensionName || null,
    birthDate: values.birthDate ?? '',
    sex: upper(values.sex)?.replace(/^M$/, 'MALE').replace(/^F$/, 'FEMALE') as Sex,
    motherTongue: values.motherTongue || null,
    isIndigenous: yes(values.isIndigenous),
    isFourPs: yes(values.isFourPs),
    confirmNoDuplicate: false,
  };
}
