import { DocumentDueState } from '@repo/domain/follow-up';
import { parseSchoolYear } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { numericId } from '../../ids.js';
import { checkPlaces, placeToRead } from '../../place-scope.js';
import { auditAll } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type ClassListRowData } from '../enrollment/enrollment.queries.js';
import { askedDistrict } from './district-place.js';
import { type DocumentsDueFilter } from './documents-due.type.js';

/** The most rows one answer holds: a division's whole list in all but the largest divisions. */
export const documentsDueCap = 10_000;

/** A class list row's columns that a follow-up needs, and the days left. */
export type DocumentDueRow = Pick<
  ClassListRowData,
  | 'enrollment_id'
  | 'learner_id'
  | 'lrn'
  | 'last_name'
  | 'first_name'
  | 'middle_name'
  | 'extension_name'
  | 'grade_level'
  | 'school_id'
  | 'missing_documents'
> & { documents_due_by: string; days_left: number };

/** The inputs checked, each refusal naming its field, before anything is read. */
async function checkedInput(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  filter: DocumentsDueFilter,
  withinDays: number,
) {
  if (!parseSchoolYear(schoolYear))
    throw badUserInput(
      'schoolYear',
      'SCHOOL_YEAR_INVALID',
      'schoolYear must read like "2025-2026"',
    );
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366)
    throw badUserInput('dueWithinDays', 'DAYS_RANGE', 'dueWithinDays must be from 0 to 366');
  if (filter.dueState === DocumentDueState.DUE_LATER)
    throw badUserInput(
      'filter.dueState',
      'DUE_STATE_NOT_LISTED',
      'The list holds documents overdue or due soon only',
    );
  const { scope } = viewer;
  if (scope.kind !== 'SCHOOL' && scope.kind !== 'DIVISION')
    throw refused('OUTSIDE_SCOPE', 'The follow-up list is for schools and divisions');
  const district = filter.districtId
    ? await askedDistrict(dataSource, filter.districtId, 'filter.districtId')
    : null;
  const schoolId = filter.schoolId ? numericId('school', filter.schoolId, 'filter.schoolId') : null;
  // A school or district outside the viewer's place is refused, naming its field.
  await placeToRead(
    dataSource,
    viewer,
    checkPlaces({
      school: { ids: schoolId === null ? null : [String(schoolId)], field: 'filter.schoolId' },
      division: {
        ids: district ? [String(district.divisionId)] : null,
        field: 'filter.districtId',
      },
    }),
  );
  const own =
    scope.kind === 'SCHOOL'
      ? { column: 'e.school_id', id: scope.schoolId }
      : { column: 's.division_id', id: scope.divisionId };
  return { own, schoolId, districtId: district?.id ?? null };
}

/**
 * The division's follow-up (SPEC §1; DO 03 s. 2018 §V.C): its schools' temporarily enrolled
 * learners whose documents are overdue or due within `withinDays`, the most urgent first, narrowed
 * by school, district, document and due state; a school sees its own. Personal data under
 * row-level security, limited to what the follow-up needs (`DocumentDue`). Every learner listed
 * is audited, as `LEARNER_EXPORTED` when the list is read for a file (`forExport`): an export is
 * a disclosure of its own, and its entries are written durably (a file may outlive a crash).
 */
export async function documentsDue(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  filter: DocumentsDueFilter,
  withinDays: number,
  forExport: boolean,
) {
  const { own, schoolId, districtId } = await checkedInput(
    dataSource,
    viewer,
    schoolYear,
    filter,
    withinDays,
  );
  const params: unknown[] = [schoolYear, clock.today(), withinDays, own.id];
  const where = [
    'e.school_year = $1',
    "e.status = 'TEMPORARILY_ENROLLED'",
    'e.documents_due_by <= $2::date + $3::int',
    `${own.column} = $4`,
  ];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  };
  if (districtId !== null) add('s.district_id = ?', districtId);
  if (filter.documentType) add('? = ANY (e.missing_documents::text[])', filter.documentType);
  // The domain's boundaries (follow-up.ts): overdue from the day after the deadline.
  if (filter.dueState === DocumentDueState.OVERDUE) where.push('e.documents_due_by < $2::date');
  if (filter.dueState === DocumentDueState.DUE_SOON) where.push('e.documents_due_by >= $2::date');
  const from = `FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
                WHERE ${where.join(' AND ')}`;
  const inSchool = schoolId === null ? '' : ` AND e.school_id = $${params.length + 1}`;
  const listParams = schoolId === null ? params : [...params, schoolId];
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const schools = await manager.query<{ school_id: number }[]>(
        `SELECT DISTINCT e.school_id ${from}`,
        params,
      );
      const [{ total, as_of: asOf }] = (await manager.query<{ total: number; as_of: Date }[]>(
        `SELECT count(*)::int AS total, statement_timestamp() AS as_of ${from}${inSchool}`,
        listParams,
      )) as [{ total: number; as_of: Date }];
      const rows = await manager.query<DocumentDueRow[]>(
        `SELECT e.id::text AS enrollment_id, l.id::text AS learner_id, l.lrn, l.last_name,
                l.first_name, l.middle_name, l.extension_name, e.grade_level, e.school_id,
                e.missing_documents::text[] AS missing_documents,
                to_char(e.documents_due_by, 'YYYY-MM-DD') AS documents_due_by,
                (e.documents_due_by - $2::date) AS days_left
         ${from}${inSchool}
         ORDER BY e.documents_due_by, s.name, l.last_name, l.first_name, e.id
         LIMIT ${documentsDueCap}`,
        listParams,
      );
      await auditAll(
        manager,
        viewer,
        rows.map((r) => ({
          action: forExport ? 'LEARNER_EXPORTED' : 'LEARNER_LISTED',
          entity: 'learner',
          entityId: r.learner_id,
          after: { list: 'DOCUMENTS_DUE', schoolYear, ...(forExport ? { format: 'CSV' } : {}) },
        })),
      );
      return { total, asOf, rows, schoolIds: schools.map((s) => s.school_id) };
    },
    { readMostly: !forExport },
  );
}
