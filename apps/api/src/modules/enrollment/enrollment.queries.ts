import {
  type DocumentType,
  type EnrollmentStatus,
  type GradeLevel,
  type LearnerCategory,
  type Strand,
} from '@repo/domain/enums';
import { gradeLevelOrder } from '@repo/domain/grade-order';
import { parseSchoolYear, policyDates } from '@repo/domain/school-year';
import { type DataSource, type EntityManager } from 'typeorm';
import { perturbsOutOfSchool, published } from '../reporting/enrollment-summary.privacy.js';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { numericId } from '../../ids.js';
import { checkPlaces, placeConditions, placeToRead } from '../../place-scope.js';
import { auditAll } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { type ClassListFilter, type ClassListSelection } from './enrollment.input.js';

export interface ClassListRowData {
  enrollment_id: string;
  learner_id: string;
  lrn: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  extension_name: string | null;
  sex: 'MALE' | 'FEMALE';
  birth_date: string;
  grade_level: GradeLevel;
  strand: Strand | null;
  status: EnrollmentStatus;
  categories: LearnerCategory[];
  first_attendance: string | null;
  missing_documents: DocumentType[];
  documents_due_by: string | null;
  school_id: number;
  school_name: string;
}

export const rowColumns = `
  e.id::text AS enrollment_id, l.id::text AS learner_id, l.lrn, l.last_name, l.first_name,
  l.middle_name, l.extension_name, l.sex, to_char(l.birth_date, 'YYYY-MM-DD') AS birth_date,
  e.grade_level, e.strand, e.status,
  e.categories::text[]
    || CASE WHEN l.is_indigenous THEN ARRAY['IP'] ELSE ARRAY[]::text[] END
    || CASE WHEN cardinality(l.special_needs) > 0 THEN ARRAY['SPED'] ELSE ARRAY[]::text[] END
    || CASE WHEN l.is_four_ps THEN ARRAY['FOUR_PS'] ELSE ARRAY[]::text[] END AS categories,
  to_char(e.first_attendance, 'YYYY-MM-DD') AS first_attendance,
  e.missing_documents::text[] AS missing_documents,
  to_char(e.documents_due_by, 'YYYY-MM-DD') AS documents_due_by,
  e.school_id, s.name AS school_name`;

export function checkSchoolYear(schoolYear: string) {
  if (!parseSchoolYear(schoolYear))
    throw badUserInput(
      'schoolYear',
      'SCHOOL_YEAR_INVALID',
      'schoolYear must read like "2025-2026"',
    );
}

/**
 * The school of a class list, if the viewer may list its learners: personal data for the school
 * itself and its division only (SPEC §1); row-level security holds the rows again.
 */
export async function classListSchool(
  manager: EntityManager,
  viewer: Viewer,
  schoolId: number,
  schoolIdText: string,
) {
  const [school] = await manager.query<{ division_id: number; name: string }[]>(
    'SELECT division_id, name FROM school WHERE id = $1',
    [schoolId],
  );
  if (!school) throw badUserInput('schoolId', 'SCHOOL_NOT_FOUND', `No school ${schoolIdText}`);
  const { scope } = viewer;
  const inScope =
    (scope.kind === 'SCHOOL' && scope.schoolId === schoolId) ||
    (scope.kind === 'DIVISION' && scope.divisionId === school.division_id);
  if (!inScope) throw refused('OUTSIDE_SCOPE', 'This school is outside your scope');
  return school;
}

/**
 * The rows of a school's class list for a year and a filter, as FROM … WHERE with its parameters,
 * and their order: by grade in school order (the domain's, not the codes as text), then sex, name.
 */
export function classListQuery(
  schoolId: number,
  schoolYear: string,
  filter: ClassListSelection & { statuses?: readonly EnrollmentStatus[] | null },
) {
  const where = ['e.school_id = $1', 'e.school_year = $2'];
  const params: unknown[] = [schoolId, schoolYear];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.gradeLevel) add('e.grade_level = ?', filter.gradeLevel);
  if (filter.strand) add('e.strand = ?', filter.strand);
  if (filter.status) add('e.status = ?', filter.status);
  else if (filter.statuses) add('e.status = ANY(?)', filter.statuses);
  else where.push("e.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED', 'PRE_REGISTERED')");
  if (filter.sex) add('l.sex = ?', filter.sex);
  const search = filter.search?.trim();
  if (search) {
    if (/^\d{12}$/.test(search)) add('l.lrn = ?', search);
    else
      add("(l.last_name || ' ' || l.first_name) ILIKE ?", `%${search.replace(/[%_\\]/g, '\\$&')}%`);
  }
  return {
    from: `FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
           WHERE ${where.join(' AND ')}`,
    params,
    /** The ORDER BY, its grade order the parameter after the filter's. */
    orderBy: `ORDER BY array_position($${params.length + 1}::varchar[], e.grade_level::varchar),
                       e.strand NULLS FIRST, l.sex, l.last_name, l.first_name, e.id`,
    orderedParams: [...params, gradeLevelOrder],
  };
}

/**
 * A school's class list for a year, SF1-like: learners with LRN, name, sex, birth date, grade,
 * strand, status, categories and documents owed, a page at a time. Every learner listed is
 * recorded as viewed.
 */
export function classList(
  dataSource: DataSource,
  viewer: Viewer,
  schoolIdText: string,
  schoolYear: string,
  filter: ClassListFilter,
) {
  const schoolId = numericId('school', schoolIdText, 'schoolId');
  checkSchoolYear(schoolYear);
  if (filter.limit < 1 || filter.limit > 1000)
    throw badUserInput('filter.limit', 'PAGE_SIZE_RANGE', 'limit must be from 1 to 1000');
  if (filter.offset < 0) throw badUserInput('filter.offset', 'OFFSET_NEGATIVE', 'offset ≥ 0');
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      await classListSchool(manager, viewer, schoolId, schoolIdText);
      const { from, params, orderBy, orderedParams } = classListQuery(schoolId, schoolYear, filter);
      const [{ total, as_of: asOf }] = (await manager.query<{ total: number; as_of: Date }[]>(
        `SELECT count(*)::int AS total, statement_timestamp() AS as_of ${from}`,
        params,
      )) as [{ total: number; as_of: Date }];
      const rows = await manager.query<ClassListRowData[]>(
        `SELECT ${rowColumns} ${from} ${orderBy} LIMIT ${filter.limit} OFFSET ${filter.offset}`,
        orderedParams,
      );
      await auditAll(
        manager,
        viewer,
        rows.map((r) => ({
          action: 'LEARNER_LISTED',
          entity: 'learner',
          entityId: r.learner_id,
          after: { list: 'CLASS_LIST', schoolId: schoolIdText, schoolYear },
        })),
      );
      return { total, asOf, rows };
    },
    { readMostly: true },
  );
}

/**
 * Temporarily enrolled learners whose documents are due within `withinDays` or overdue (§V.C), for
 * the division's follow-up (SPEC §1) and the school's own: the most urgent first.
 */
export function temporaryEnrollments(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  withinDays: number,
) {
  checkSchoolYear(schoolYear);
  if (withinDays < 0 || withinDays > 366)
    throw badUserInput('dueWithinDays', 'DAYS_RANGE', 'dueWithinDays must be from 0 to 366');
  const today = clock.today();
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const { scope } = viewer;
      const place =
        scope.kind === 'SCHOOL'
          ? 'e.school_id = $3'
          : scope.kind === 'DIVISION'
            ? 's.division_id = $3'
            : null;
      if (!place) throw refused('OUTSIDE_SCOPE', 'Follow-up lists are for schools and divisions');
      const placeId =
        scope.kind === 'SCHOOL' ? scope.schoolId : scope.kind === 'DIVISION' ? scope.divisionId : 0;
      const rows = await manager.query<(ClassListRowData & { days_left: number })[]>(
        `SELECT ${rowColumns}, (e.documents_due_by - $4::date) AS days_left
         FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
         WHERE e.school_year = $1 AND e.status = 'TEMPORARILY_ENROLLED'
           AND e.documents_due_by <= $4::date + $2::int AND ${place}
         ORDER BY e.documents_due_by, s.name, l.last_name, l.first_name
         LIMIT 5000`,
        [schoolYear, withinDays, placeId, today],
      );
      await auditAll(
        manager,
        viewer,
        rows.map((r) => ({
          action: 'LEARNER_LISTED',
          entity: 'learner',
          entityId: r.learner_id,
          after: { list: 'TEMPORARY_ENROLLMENTS', schoolYear },
        })),
      );
      return rows;
    },
    { readMostly: true },
  );
}

/**
 * The schools whose counts a viewer may read (place-scope.ts), narrowed by the optional school and
 * division; the nation must name one.
 */
async function countScope(
  dataSource: DataSource,
  viewer: Viewer,
  schoolId: string | null | undefined,
  divisionId: string | null | undefined,
  /** How many parameters the query numbers before these. */
  offset: number,
) {
  const asked = checkPlaces({
    school: { ids: schoolId ? [schoolId] : null, field: 'schoolId' },
    division: { ids: divisionId ? [divisionId] : null, field: 'divisionId' },
  });
  const place = await placeToRead(dataSource, viewer, asked);
  const params: unknown[] = [];
  const where = placeConditions(
    place,
    { region: 's.region_id', division: 's.division_id', school: 's.id' },
    (value) => {
      params.push(value);
      return `$${params.length + offset}`;
    },
  );
  if (where.length === 0) {
    throw badUserInput(
      'divisionId',
      'FILTER_REQUIRED',
      'Name a division or a school: daily counts cover one division at a time',
    );
  }
  return { where: where.join(' AND '), params };
}

/**
 * The quick count (§VI): learners attending each day from the first day of classes to the last
 * school day of the opening month, per school. Counts only, no personal data; read as the owner,
 * held to the viewer's place by place-scope.ts (regional and national users see counts, SPEC §1).
 */
export async function quickCount(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  schoolId?: string | null,
  divisionId?: string | null,
) {
  checkSchoolYear(schoolYear);
  const scope = await countScope(dataSource, viewer, schoolId, divisionId, 3);
  const calendar = await findCalendar(dataSource.manager, schoolYear);
  if (!calendar)
    throw badUserInput('schoolYear', 'CALENDAR_NOT_SET', `No calendar for ${schoolYear}`);
  const dates = policyDates(calendar);
  return dataSource.query<
    {
      school_id: string;
      school_name: string;
      date: string;
      enrolled: number;
      male: number;
      female: number;
    }[]
  >(
    `WITH days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') d
                   WHERE extract(isodow FROM d) < 6),
          schools AS (SELECT s.id, s.name FROM school s WHERE ${scope.where})
     SELECT lpad(s.id::text, 6, '0') AS school_id, s.name AS school_name,
            to_char(days.day, 'YYYY-MM-DD') AS date,
            count(e.id)::int AS enrolled,
            count(e.id) FILTER (WHERE l.sex = 'MALE')::int AS male,
            count(e.id) FILTER (WHERE l.sex = 'FEMALE')::int AS female
     FROM schools s CROSS JOIN days
     LEFT JOIN enrollment e ON e.school_id = s.id AND e.school_year = $1
          AND e.first_attendance <= days.day AND (e.left_on IS NULL OR e.left_on > days.day)
          AND e.status NOT IN ('AWAITING_APPROVAL', 'DECLINED')
     LEFT JOIN learner l ON l.id = e.learner_id
     GROUP BY s.id, s.name, days.day
     ORDER BY s.name, s.id, days.day`,
    [schoolYear, dates.quickCountStart, dates.quickCountEnd, ...scope.params],
  );
}

/**
 * Early registrations per school per day in the window (§V.A), with the OSC and OSY among them:
 * from the rollup the registering transaction keeps (EarlyRegistrationRollup migration), the OSC
 * and OSY perturbed for roles without personal data.
 */
export async function preRegistrationsByDay(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  schoolId?: string | null,
  divisionId?: string | null,
) {
  checkSchoolYear(schoolYear);
  const scope = await countScope(dataSource, viewer, schoolId, divisionId, 1);
  const rows = await dataSource.query<
    {
      school_id: string;
      school_name: string;
      date: string;
      registrations: number;
      out_of_school_children: number;
      out_of_school_youth: number;
      osc_keys: string;
      osy_keys: string;
    }[]
  >(
    `SELECT lpad(s.id::text, 6, '0') AS school_id, s.name AS school_name,
            to_char(d.registered_on, 'YYYY-MM-DD') AS date,
            sum(d.registrations)::int AS registrations,
            sum(d.out_of_school_children)::int AS out_of_school_children,
            sum(d.out_of_school_youth)::int AS out_of_school_youth,
            sum(d.osc_key_sum)::text AS osc_keys, sum(d.osy_key_sum)::text AS osy_keys
     FROM early_registration_daily d JOIN school s ON s.id = d.school_id
     WHERE d.school_year = $1 AND ${scope.where}
     GROUP BY s.id, s.name, d.registered_on
     HAVING sum(d.registrations) > 0
     ORDER BY d.registered_on, s.name`,
    [schoolYear, ...scope.params],
  );
  // The OSC and OSY of a school's day are category cells: perturbed for roles without personal
  // data (issue 18; the cell-key method, docs/privacy.md).
  const perturbed = perturbsOutOfSchool(viewer);
  return rows.map(({ osc_keys, osy_keys, ...row }) => ({
    ...row,
    out_of_school_children: published(row.out_of_school_children, osc_keys, perturbed),
    out_of_school_youth: published(row.out_of_school_youth, osy_keys, perturbed),
  }));
}
