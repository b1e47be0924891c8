import { formatSchoolId } from '@repo/domain/school';
import { createHash } from 'node:crypto';
import { planEnrollment } from '@repo/domain/enrollment';
import {
  AdmissionBasis,
  DocumentType,
  GradeLevel,
  type LearnerCategory,
  Sex,
  Strand,
} from '@repo/domain/enums';
import { type FieldError, validateLearnerProfile } from '@repo/domain/learner-profile';
import { isLrn } from '@repo/domain/lrn';
import { toNameKey } from '@repo/domain/names';
import { compareLearners, type MatchReason } from '@repo/domain/similarity';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { audit, auditSavepoint } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { candidates, insertLearner } from '../learner/learner.service.js';
import { type EnrollLearnerInput } from './enrollment.input.js';
import {
  activeEnrollmentOf,
  checkId,
  enrollIn,
  linkLearner,
  offeringOf,
  requireCalendar,
  schoolOf,
} from './enrollment.service.js';
import { LearnerImportEntity } from './learner-import.entity.js';

/** The largest file taken (base64 in a GraphQL request under the 1 MB body limit). */
export const maxImportBytes = 700_000;
export const maxImportRows = 2_000;

/** The columns of a learner list, by the names a registrar's spreadsheet may give them. */
const columns = {
  lrn: ['lrn', 'learner reference number'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  firstName: ['first name', 'firstname', 'given name'],
  middleName: ['middle name', 'middlename'],
  extensionName: ['extension', 'extension name', 'name extension', 'suffix'],
  birthDate: ['birth date', 'birthdate', 'date of birth', 'birthday'],
  sex: ['sex', 'gender'],
  gradeLevel: ['grade level', 'grade'],
  strand: ['strand'],
  admissionBasis: ['admission basis', 'basis'],
  documents: ['documents', 'documents received'],
  enrolledOn: ['enrolled on', 'enrollment date', 'date enrolled'],
  firstAttendance: ['first attendance', 'first day of attendance', 'first date of attendance'],
  motherTongue: ['mother tongue'],
  isIndigenous: ['ip', 'indigenous', 'indigenous people'],
  isFourPs: ['4ps', '4ps beneficiary', 'four ps'],
} as const;
type Column = keyof typeof columns;
const requiredColumns: Column[] = ['lastName', 'firstName', 'birthDate', 'sex', 'gradeLevel'];

export type ImportOutcome =
  'NEW_LEARNER' | 'EXISTING_LEARNER' | 'SUSPECTED_DUPLICATE' | 'ALREADY_ENROLLED' | 'INVALID';

export interface ImportCandidate {
  learnerId: string;
  lrn: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  lastSchoolId: string | null;
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
    | 'SKIPPED_ALREADY_ENROLLED'
    | 'SKIPPED_INVALID'
    | 'SKIPPED_SUSPECTED_DUPLICATE'
    | 'FAILED';
  learnerId: string | null;
  enrollmentId: string | null;
  error: string | null;
}

const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A cell as text: spreadsheet dates become YYYY-MM-DD, numbers their digits. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

/** The file's rows as header → text, with the spreadsheet row number (header is row 1). */
async function readRows(fileName: string, content: Buffer): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) {
    try {
      const sheet = await readSheet(content);
      return sheet.map((row) => row.map(cellText));
    } catch {
      throw badUserInput('input.contentBase64', 'FILE_UNREADABLE', 'Not a readable XLSX file');
    }
  }
  if (/\.csv$/i.test(fileName)) {
    try {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      const records: unknown = parse(text, {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      });
      return records as string[][];
    } catch (error) {
      throw badUserInput(
        'input.contentBase64',
        'FILE_UNREADABLE',
        `Not a readable CSV file: ${(error as Error).message}`,
      );
    }
  }
  throw badUserInput('input.fileName', 'FILE_TYPE', 'The file must be .csv or .xlsx');
}

const yes = (v: string | undefined) => /^(y|yes|true|1|oo)$/i.test(v ?? '');
const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[;,|]/)
    .map((d) => d.trim().toUpperCase().replace(/\s+/g, '_'))
    .filter(Boolean);
const upper = (v: string | undefined) =>
  v
    ? v
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
    : undefined;
const gradeOf = (v: string | undefined) => {
  const value = upper(v);
  if (!value) return undefined;
  if (/^\d{1,2}$/.test(value)) return `GRADE_${Number(value)}`;
  if (value === 'K' || value === 'KINDERGARTEN') return 'KINDER';
  return value.replace(/^GRADE_?0?(\d)/, 'GRADE_$1');
};
const oneOf = (values: object, v: string | undefined) =>
  v !== undefined && (Object.values(values) as string[]).includes(v);

/** One row's enrolment, as the enrolment mutation takes it. */
function toEnrollInput(
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
  };
}

function toProfile(values: StagedRow['values']) {
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

/**
 * Judges one row: its fields, the learner it is (by LRN, or the same name and birth date already
 * at this school), likely duplicates elsewhere, and the enrolment the domain would make of it.
 */
async function stageRow(
  manager: EntityManager,
  context: {
    schoolId: number;
    schoolYear: string;
    calendar: Awaited<ReturnType<typeof requireCalendar>>;
    school: Awaited<ReturnType<typeof offeringOf>>;
    today: string;
    seen: Map<string, number>;
  },
  rowNumber: number,
  values: StagedRow['values'],
): Promise<StagedRow> {
  const staged: StagedRow = {
    rowNumber,
    values,
    errors: [],
    outcome: 'NEW_LEARNER',
    learnerId: null,
    candidates: [],
  };
  const errors = staged.errors;
  const profile = toProfile(values);
  errors.push(...validateLearnerProfile(profile, context.today));
  if (!oneOf(Sex, profile.sex)) errors.push({ field: 'sex', code: 'SEX_INVALID' });
  const enroll = toEnrollInput(values, '0', context.schoolYear);
  if (!oneOf(GradeLevel, enroll.gradeLevel))
    errors.push({ field: 'gradeLevel', code: 'GRADE_LEVEL_INVALID' });
  if (enroll.strand && !oneOf(Strand, enroll.strand))
    errors.push({ field: 'strand', code: 'STRAND_INVALID' });
  if (enroll.admissionBasis && !oneOf(AdmissionBasis, enroll.admissionBasis))
    errors.push({ field: 'admissionBasis', code: 'ADMISSION_BASIS_INVALID' });
  if (enroll.documents.some((d) => !oneOf(DocumentType, d)))
    errors.push({ field: 'documents', code: 'DOCUMENT_TYPE_INVALID' });
  const lrn = values.lrn?.replace(/\s/g, '') || null;
  if (lrn && !isLrn(lrn)) errors.push({ field: 'lrn', code: 'LRN_INVALID' });
  if (errors.length > 0) return { ...staged, outcome: 'INVALID' };

  const nameKey = toNameKey(profile);
  const identity = lrn ?? `${nameKey}|${profile.birthDate}`;
  const earlier = context.seen.get(identity);
  if (earlier !== undefined) {
    errors.push({ field: 'row', code: `SAME_LEARNER_AS_ROW_${earlier}` });
    return { ...staged, outcome: 'INVALID' };
  }
  context.seen.set(identity, rowNumber);

  // Which learner this row is: by LRN, or the same name and birth date already at this school.
  const rows = await candidates(manager, lrn ? null : nameKey, profile.birthDate, lrn);
  const person = { ...profile, lrn };
  if (lrn) {
    const match = rows.find((r) => r.lrn?.trim() === lrn);
    if (!match) errors.push({ field: 'lrn', code: 'LRN_NOT_FOUND' });
    else if (match.birth_date !== profile.birthDate)
      errors.push({ field: 'birthDate', code: 'LRN_BELONGS_TO_ANOTHER_BIRTH_DATE' });
    else staged.learnerId = match.id;
  } else {
    const same = rows.find(
      (r) => r.in_scope && r.name_key === nameKey && r.birth_date === profile.birthDate,
    );
    if (same) staged.learnerId = same.id;
    else {
      staged.candidates = rows
        .map((r) => ({
          row: r,
          match: compareLearners(person, {
            lastName: r.last_name,
            firstName: r.first_name,
            middleName: r.middle_name,
            extensionName: r.extension_name,
            birthDate: r.birth_date,
            sex: r.sex,
            lrn: r.lrn?.trim() ?? null,
          }),
        }))
        .filter(({ match }) => match.likelyDuplicate)
        .sort((a, b) => b.match.score - a.match.score)
        .slice(0, 5)
        .map(({ row, match }) => ({
          learnerId: row.id,
          lrn: row.lrn?.trim() ?? null,
          lastName: row.last_name,
          firstName: row.first_name,
          middleName: row.middle_name,
          birthDate: row.birth_date,
          lastSchoolId: row.last_school_id === null ? null : formatSchoolId(row.last_school_id),
          score: match.score,
          reasons: match.reasons,
        }));
    }
  }

  const plan = planEnrollment({
    calendar: context.calendar,
    school: context.school,
    gradeLevel: enroll.gradeLevel,
    strand: enroll.strand,
    basis: enroll.admissionBasis ?? null,
    birthDate: profile.birthDate,
    firstTimeEnrollee: false,
    documents: enroll.documents,
    birthDocumentOnFile: false,
    categories: [],
    enrolledOn: enroll.enrolledOn ?? context.today,
    firstAttendance: enroll.firstAttendance,
    today: context.today,
  });
  errors.push(...plan.errors);
  if (errors.length > 0) return { ...staged, outcome: 'INVALID' };

  if (staged.learnerId) {
    const active = await activeEnrollmentOf(manager, staged.learnerId, context.schoolYear);
    if (active && active.school_id === context.schoolId)
      return { ...staged, outcome: 'ALREADY_ENROLLED' };
    if (active) {
      errors.push({ field: 'row', code: 'ALREADY_ENROLLED_ELSEWHERE' });
      return { ...staged, outcome: 'INVALID' };
    }
    return { ...staged, outcome: 'EXISTING_LEARNER' };
  }
  return {
    ...staged,
    outcome: staged.candidates.length > 0 ? 'SUSPECTED_DUPLICATE' : 'NEW_LEARNER',
  };
}

/**
 * Stage 1-3 of an import (issue 5): parse the CSV or XLSX with a maintained library, validate each
 * row with the domain's rules, and look up each learner and its likely duplicates. Nothing is
 * written but the staged import itself.
 */
export async function previewLearnerImport(
  dataSource: DataSource,
  viewer: Viewer,
  input: { fileName: string; contentBase64: string; schoolYear: string },
): Promise<LearnerImportEntity> {
  const schoolId = schoolOf(viewer, 'Only a school imports its learner list');
  const fileName = input.fileName.trim();
  if (!fileName || fileName.length > 200)
    throw badUserInput('input.fileName', 'FILE_NAME_LENGTH', 'fileName: 1 to 200 characters');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0)
    throw badUserInput('input.contentBase64', 'FILE_EMPTY', 'The file is empty');
  if (content.length > maxImportBytes)
    throw badUserInput('input.contentBase64', 'FILE_TOO_LARGE', `At most ${maxImportBytes} bytes`);
  const table = await readRows(fileName, content);
  const [header = [], ...body] = table;
  const positions = new Map<Column, number>();
  header.forEach((title, index) => {
    const name = normalizeHeader(title);
    for (const [column, names] of Object.entries(columns) as [Column, readonly string[]][])
      if (names.includes(name) && !positions.has(column)) positions.set(column, index);
  });
  const missing = requiredColumns.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    throw badUserInput(
      'input.contentBase64',
      'IMPORT_COLUMN_MISSING',
      `The file has no column for: ${missing.map((c) => columns[c][0]).join(', ')}`,
    );
  }
  if (body.length === 0) throw badUserInput('input.contentBase64', 'FILE_EMPTY', 'No learner rows');
  if (body.length > maxImportRows)
    throw badUserInput('input.contentBase64', 'TOO_MANY_ROWS', `At most ${maxImportRows} rows`);

  const today = clock.today();
  return inViewerScope(dataSource, viewer, async (manager) => {
    const calendar = await requireCalendar(manager, input.schoolYear, 'input.schoolYear');
    const school = await offeringOf(manager, schoolId);
    const context = {
      schoolId,
      schoolYear: input.schoolYear,
      calendar,
      school,
      today,
      seen: new Map(),
    };
    const staged: StagedRow[] = [];
    for (const [i, cells] of body.entries()) {
      const values: StagedRow['values'] = {};
      for (const [column, index] of positions) {
        const text = cells[index]?.trim();
        if (text) values[column] = text;
      }
      staged.push(await stageRow(manager, context, i + 2, values));
    }
    const repository = manager.getRepository(LearnerImportEntity);
    const saved = await repository.save({
      schoolId,
      schoolYear: input.schoolYear,
      fileName,
      fileSha256: createHash('sha256').update(content).digest('hex'),
      status: 'PREVIEWED',
      rows: staged,
      createdBy: viewer.accountId,
    });
    return repository.findOneByOrFail({ id: saved.id });
  });
}

/**
 * Stage 4: the rows the preview found importable become learners and enrolments, each in a
 * savepoint of one transaction, so one row's failure is reported and the rest stand. Suspected
 * duplicates are skipped unless listed in `confirmNewRows` (the guide's "No, this is correct.
 * Create New Record", per row). Importing the same list again creates nothing: each learner is
 * found at this school and each enrolment already exists.
 */
export async function commitLearnerImport(
  dataSource: DataSource,
  viewer: Viewer,
  importId: string,
  confirmNewRows: number[],
): Promise<LearnerImportEntity> {
  schoolOf(viewer, 'Only a school imports its learner list');
  checkId(importId, 'importId');
  return inViewerScope(dataSource, viewer, async (manager) => {
    const repository = manager.getRepository(LearnerImportEntity);
    const staged = await repository.findOne({
      where: { id: importId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!staged) throw badUserInput('importId', 'IMPORT_NOT_FOUND', `No import ${importId}`);
    if (staged.status !== 'PREVIEWED')
      throw refused('IMPORT_ALREADY_COMMITTED', 'This import was committed already', {
        field: 'importId',
      });
    const rows = staged.rows as StagedRow[];
    const unknown = confirmNewRows.find(
      (n) => !rows.some((r) => r.rowNumber === n && r.outcome === 'SUSPECTED_DUPLICATE'),
    );
    if (unknown !== undefined) {
      throw badUserInput(
        'confirmNewRows',
        'NOT_A_SUSPECTED_DUPLICATE_ROW',
        `Row ${unknown} has no suspected duplicate to confirm`,
      );
    }
    const results: CommittedRow[] = [];
    for (const row of rows) {
      const done = (result: CommittedRow['result'], extra: Partial<CommittedRow> = {}) =>
        results.push({
          rowNumber: row.rowNumber,
          result,
          learnerId: row.learnerId,
          enrollmentId: null,
          error: null,
          ...extra,
        });
      if (row.outcome === 'INVALID') {
        done('SKIPPED_INVALID', {
          error: row.errors.map((e) => `${e.field}: ${e.code}`).join('; '),
        });
        continue;
      }
      if (row.outcome === 'ALREADY_ENROLLED') {
        done('SKIPPED_ALREADY_ENROLLED');
        continue;
      }
      const confirmed = confirmNewRows.includes(row.rowNumber);
      if (row.outcome === 'SUSPECTED_DUPLICATE' && !confirmed) {
        done('SKIPPED_SUSPECTED_DUPLICATE');
        continue;
      }
      const undoAudit = auditSavepoint(manager);
      await manager.query('SAVEPOINT import_row');
      try {
        let learnerId = row.learnerId;
        let created = false;
        if (learnerId) {
          await linkLearner(manager, learnerId, staged.schoolId, 'ENROLLED', 'row');
        } else {
          const profile = { ...toProfile(row.values), confirmNoDuplicate: confirmed };
          const learner = await insertLearner(manager, viewer, profile, profile);
          learnerId = learner.id;
          created = true;
        }
        const active = await activeEnrollmentOf(manager, learnerId, staged.schoolYear);
        if (active && active.school_id === staged.schoolId) {
          await manager.query('RELEASE SAVEPOINT import_row');
          done('SKIPPED_ALREADY_ENROLLED', { learnerId });
          continue;
        }
        const enrolled = await enrollIn(
          manager,
          viewer,
          toEnrollInput(row.values, learnerId, staged.schoolYear),
        );
        await manager.query('RELEASE SAVEPOINT import_row');
        done(created ? 'CREATED_AND_ENROLLED' : 'ENROLLED', {
          learnerId,
          enrollmentId: enrolled.id,
        });
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT import_row');
        undoAudit();
        const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
        const code = extensions.rule ?? extensions.code;
        done('FAILED', { error: typeof code === 'string' ? code : (error as Error).message });
      }
    }
    await repository.update(
      { id: staged.id },
      { status: 'COMMITTED', result: results, committedAt: clock.now() },
    );
    const count = (result: CommittedRow['result']) =>
      results.filter((r) => r.result === result).length;
    await audit(manager, viewer, {
      action: 'LEARNER_LIST_IMPORTED',
      entity: 'learner_import',
      entityId: staged.id,
      after: {
        fileName: staged.fileName,
        created: count('CREATED_AND_ENROLLED'),
        enrolled: count('ENROLLED'),
        skipped: results.length - count('CREATED_AND_ENROLLED') - count('ENROLLED'),
      },
    });
    return repository.findOneByOrFail({ id: staged.id });
  });
}
