import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { audit, auditSavepoint } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { insertLearner } from '../learner/learner.service.js';
import { chargeLookups, lookupRoom } from '../learner/lookup-quota.js';
import { enrollIn } from './enroll-learner.command.js';
import { recordDecision } from './enrollment-command.js';
import { activeEnrollmentOf, offeringOf, requireCalendar, schoolOf } from './enrollment-records.js';
import { chargeFailedProof } from './transfer-admission.js';
import { LearnerImportEntity } from './learner-import.entity.js';
import {
  type Column,
  columns,
  type CommittedRow,
  maxImportBytes,
  maxImportRows,
  normalizeHeader,
  readRows,
  requiredColumns,
  type StagedRow,
  toEnrollInput,
  toProfile,
} from './learner-import.rows.js';
import { stageRow } from './learner-import.stage.js';

export { maxImportBytes, maxImportRows } from './learner-import.rows.js';
export type {
  CommittedRow,
  ImportCandidate,
  ImportOutcome,
  StagedRow,
} from './learner-import.rows.js';

const onlySchools = 'Only a school imports its learner list';

/** The file checked for size and read into rows of named cells, or bad input naming the rule. */
async function readLearnerList(input: { fileName: string; contentBase64: string }) {
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
  const rows = body.map((cells) => {
    const values: StagedRow['values'] = {};
    for (const [column, index] of positions) {
      const text = cells[index]?.trim();
      if (text) values[column] = text;
    }
    return values;
  });
  return { fileName, sha256: createHash('sha256').update(content).digest('hex'), rows };
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
  const schoolId = schoolOf(viewer, onlySchools);
  const file = await readLearnerList(input);
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
      seen: new Map<string, number>(),
      outside: new Set<string>(),
    };
    const staged: StagedRow[] = [];
    const withinQuota = await lookupRoom(manager, viewer);
    for (const [i, values] of file.rows.entries()) {
      staged.push(await stageRow(manager, context, i + 2, values));
      withinQuota(context.outside.size);
    }
    // Every learner outside the school's place the preview names counts against the day's quota:
    // past it, nothing is staged and nothing shown (issue 18).
    await chargeLookups(manager, viewer, [...context.outside], 'IMPORT_PREVIEW');
    const repository = manager.getRepository(LearnerImportEntity);
    const saved = await repository.save({
      schoolId,
      schoolYear: input.schoolYear,
      fileName: file.fileName,
      fileSha256: file.sha256,
      status: 'PREVIEWED',
      rows: staged,
      createdBy: viewer.accountId,
    });
    return repository.findOneByOrFail({ id: saved.id });
  });
}

/**
 * Stage 4: the rows the preview found importable become learners and enrollments, each in a
 * savepoint of one transaction, so one row's failure is reported and the rest stand. Suspected
 * duplicates are skipped unless listed in `confirmNewRows` (the guide's "No, this is correct.
 * Create New Record", per row). Importing the same list again creates nothing: each learner is
 * found at this school and each enrollment already exists.
 */
export async function commitLearnerImport(
  dataSource: DataSource,
  viewer: Viewer,
  importId: string,
  confirmNewRows: number[],
): Promise<LearnerImportEntity> {
  schoolOf(viewer, onlySchools);
  checkId('import', importId, 'importId');
  return inViewerScope(dataSource, viewer, async (manager) => {
    const repository = manager.getRepository(LearnerImportEntity);
    const staged = await stagedImport(manager, importId, confirmNewRows);
    const results: CommittedRow[] = [];
    for (const row of staged.rows as StagedRow[])
      results.push(await commitRow(manager, viewer, staged, row, confirmNewRows));
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

/** The previewed import, locked; each row confirmed as new must be a suspected duplicate. */
async function stagedImport(manager: EntityManager, importId: string, confirmNewRows: number[]) {
  const staged = await manager.getRepository(LearnerImportEntity).findOne({
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
  return staged;
}

/** One row committed in its own savepoint: skipped as previewed, or enrolled, or failed. */
async function commitRow(
  manager: EntityManager,
  viewer: Viewer,
  staged: LearnerImportEntity,
  row: StagedRow,
  confirmNewRows: number[],
): Promise<CommittedRow> {
  const done = (result: CommittedRow['result'], extra: Partial<CommittedRow> = {}) => ({
    rowNumber: row.rowNumber,
    result,
    learnerId: row.learnerId,
    enrollmentId: null,
    error: null,
    ...extra,
  });
  if (row.outcome === 'INVALID')
    return done('SKIPPED_INVALID', {
      error: row.errors.map((e) => `${e.field}: ${e.code}`).join('; '),
    });
  if (row.outcome === 'ALREADY_ENROLLED') return done('SKIPPED_ALREADY_ENROLLED');
  const confirmed = confirmNewRows.includes(row.rowNumber);
  if (row.outcome === 'SUSPECTED_DUPLICATE' && !confirmed)
    return done('SKIPPED_SUSPECTED_DUPLICATE');
  const undoAudit = auditSavepoint(manager);
  await manager.query('SAVEPOINT import_row');
  try {
    let learnerId = row.learnerId;
    let created = false;
    // A learner on record is linked by the enrollment, with the row's proof (enrollIn).
    if (!learnerId) {
      const profile = { ...toProfile(row.values), confirmNoDuplicate: confirmed };
      const learner = await insertLearner(manager, viewer, profile, profile);
      learnerId = learner.id;
      created = true;
    }
    const active = await activeEnrollmentOf(manager, learnerId, staged.schoolYear);
    if (active && active.school_id === staged.schoolId) {
      await manager.query('RELEASE SAVEPOINT import_row');
      return done('SKIPPED_ALREADY_ENROLLED', { learnerId });
    }
    const input = toEnrollInput(row.values, learnerId, staged.schoolYear);
    const enrolled = await enrollIn(manager, viewer, input);
    await recordDecision(manager, viewer, enrolled);
    await manager.query('RELEASE SAVEPOINT import_row');
    const filed = enrolled.action === 'ENROLLMENT_SENT_FOR_APPROVAL';
    return done(filed ? 'SENT_FOR_APPROVAL' : created ? 'CREATED_AND_ENROLLED' : 'ENROLLED', {
      learnerId,
      enrollmentId: enrolled.id,
    });
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT import_row');
    undoAudit();
    await chargeFailedProof(error, viewer, { manager });
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
    const code = extensions.rule ?? extensions.code;
    return done('FAILED', { error: typeof code === 'string' ? code : (error as Error).message });
  }
}
