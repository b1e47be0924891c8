import { reversalRefusal, reversalWindowDays } from '@repo/domain/transfer';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, notFound, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';

/** One admission as the schools and divisions at either end read it. */
export interface TransferRow {
  id: string;
  learner_id: string;
  learner_name: string | null;
  lrn: string | null;
  school_year: string;
  kind: string;
  from_school_id: number | null;
  from_school_name: string | null;
  to_school_id: number;
  to_school_name: string;
  proof_basis: string;
  document_seen: string | null;
  reason: string | null;
  moved_on: string;
  recorded_on: string;
  recorded_at: Date;
  recorded_by: string | null;
  reversed_on: string | null;
  reversed_by: string | null;
  reversal_reason: string | null;
  from_division_id: number | null;
  changed_since: boolean;
}

const maxRows = 500;

/**
 * The admissions the viewer's place is at either end of (row-level security: a school its own, a
 * division its schools'), newest first. The learner's name shows where the viewer may see the
 * learner (both ends hold it until a reversal).
 */
export function listTransfers(
  dataSource: DataSource,
  viewer: Viewer,
  filter: {
    schoolYear?: string | null;
    direction?: 'IN' | 'OUT' | null;
    limit: number;
    id?: string | null;
  },
): Promise<TransferRow[]> {
  if (filter.limit < 1 || filter.limit > maxRows)
    throw badUserInput('limit', 'LIMIT_OUT_OF_RANGE', `limit is from 1 to ${maxRows}`);
  const params: unknown[] = [filter.schoolYear ?? null, filter.limit, filter.id ?? null];
  const place =
    viewer.scope.kind === 'SCHOOL'
      ? { to: 't.to_school_id', from: 't.from_school_id', id: viewer.scope.schoolId }
      : viewer.scope.kind === 'DIVISION'
        ? { to: 't.to_division_id', from: 't.from_division_id', id: viewer.scope.divisionId }
        : null;
  let direction = '';
  if (place && filter.direction) {
    params.push(place.id);
    direction = `AND ${filter.direction === 'IN' ? place.to : place.from} = $4`;
  }
  return inViewerScope(
    dataSource,
    viewer,
    (manager) =>
      manager.query<TransferRow[]>(
        `SELECT t.id::text, t.learner_id::text,
                CASE WHEN l.id IS NULL THEN NULL
                     ELSE concat_ws(' ', l.first_name, l.middle_name, l.last_name, l.extension_name) END AS learner_name,
                l.lrn, t.school_year, t.kind, t.from_school_id, fs.name AS from_school_name,
                t.to_school_id, ts.name AS to_school_name, t.proof_basis, t.document_seen, t.reason,
                to_char(t.moved_on, 'YYYY-MM-DD') AS moved_on,
                to_char(t.recorded_on, 'YYYY-MM-DD') AS recorded_on, t.recorded_at,
                ra.username AS recorded_by, to_char(t.reversed_on, 'YYYY-MM-DD') AS reversed_on,
                va.username AS reversed_by, t.reversal_reason, t.from_division_id,
                (t.reversed_on IS NULL AND (
                   NOT EXISTS (SELECT 1 FROM enrollment e
                               WHERE e.id = t.to_enrollment_id AND e.version = t.to_version)
                   OR (t.from_enrollment_id IS NOT NULL AND NOT EXISTS (
                     SELECT 1 FROM enrollment e
                     WHERE e.id = t.from_enrollment_id AND e.version = t.from_version)))) AS changed_since
         FROM learner_transfer t
         LEFT JOIN learner l ON l.id = t.learner_id
         LEFT JOIN school fs ON fs.id = t.from_school_id
         JOIN school ts ON ts.id = t.to_school_id
         LEFT JOIN account ra ON ra.id = t.recorded_by
         LEFT JOIN account va ON va.id = t.reversed_by
         WHERE ($1::varchar IS NULL OR t.school_year = $1) AND ($3::bigint IS NULL OR t.id = $3)
           ${direction}
         ORDER BY t.recorded_at DESC, t.id DESC
         LIMIT $2`,
        params,
      ),
    { readMostly: true },
  );
}

/** Whether the viewer's division may still reverse an admission (the domain's rule). */
export function reversibleBy(viewer: Viewer, row: TransferRow, today: string): boolean {
  if (viewer.scope.kind !== 'DIVISION' || row.from_division_id !== viewer.scope.divisionId)
    return false;
  return (
    reversalRefusal(
      {
        recordedOn: row.recorded_on,
        reversedOn: row.reversed_on,
        changedSince: row.changed_since,
      },
      today,
    ) === null
  );
}

const refusals: Record<string, string> = {
  ALREADY_REVERSED: 'This admission was reversed already',
  REVERSAL_WINDOW_CLOSED: `An admission can be reversed within ${reversalWindowDays} days of being recorded; after that the schools settle it`,
  CHANGED_SINCE_ADMISSION:
    'An enrollment changed after the admission (a status, a document, another move): reversing would lose it, so the schools settle it',
  NOT_ORIGIN_DIVISION: 'Only the division of the school the learner came from may reverse it',
};

/**
 * Reverses an admission made in error (issue 18), as the division of the school the learner came
 * from, within 30 days and while neither enrollment changed since: both are restored exactly
 * (reverse_learner_transfer), and the reversal is audited for the learner.
 */
export async function reverseTransfer(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; reason: string },
): Promise<TransferRow> {
  checkId('transfer', input.id, 'id');
  const reason = input.reason.trim();
  if (!reason) throw badUserInput('reason', 'REASON_REQUIRED', 'Say why the admission is reversed');
  if (reason.length > 300)
    throw badUserInput('reason', 'REASON_TOO_LONG', 'The reason is at most 300 characters');
  const today = clock.today();
  await inViewerScope(dataSource, viewer, async (manager) => {
    const [row] = await manager.query<TransferRow[]>(
      `SELECT to_char(t.recorded_on, 'YYYY-MM-DD') AS recorded_on,
              to_char(t.reversed_on, 'YYYY-MM-DD') AS reversed_on, t.from_division_id, t.learner_id::text
       FROM learner_transfer t WHERE t.id = $1`,
      [input.id],
    );
    if (!row) throw notFound('Transfer', input.id);
    if (viewer.scope.kind !== 'DIVISION' || row.from_division_id !== viewer.scope.divisionId)
      throw refused('FORBIDDEN', refusals.NOT_ORIGIN_DIVISION!, { rule: 'NOT_ORIGIN_DIVISION' });
    const refusal = reversalRefusal(
      {
        recordedOn: row.recorded_on,
        reversedOn: row.reversed_on,
        changedSince: false,
      },
      today,
    );
    if (refusal) throw refused('REVERSAL_REFUSED', refusals[refusal]!, { rule: refusal });
    try {
      await manager.query('SELECT * FROM reverse_learner_transfer($1, $2, $3)', [
        input.id,
        reason,
        today,
      ]);
    } catch (error) {
      const rule = (error as Error).message;
      if (rule in refusals) throw refused('REVERSAL_REFUSED', refusals[rule]!, { rule });
      throw error;
    }
    await audit(manager, viewer, {
      action: 'LEARNER_TRANSFER_REVERSED',
      entity: 'learner',
      entityId: row.learner_id,
      after: { transferId: input.id, reason },
    });
  });
  const [after] = await listTransfers(dataSource, viewer, { limit: 1, id: input.id });
  return after!;
}
