import { rulesFor } from '@repo/domain/editions';
import { EnrollmentStatus } from '@repo/domain/enums';
import { formatSchoolYear, parseSchoolYear, policyDates } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { badUserInput } from '../../errors.js';
import { numericId } from '../../ids.js';
import {
  type CheckedPlaces,
  checkPlaces,
  onePlace,
  type OnePlace,
  placeToRead,
} from '../../place-scope.js';
import { type Viewer } from '../auth/viewer.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { askedDistrict } from '../division/district-place.js';
import {
  perturbOutOfSchool,
  type ProgressData,
  type RollupRow,
  tally,
  toProgress,
  type TrackedSchool,
} from './early-registration.progress.js';
import { perturbsOutOfSchool } from './enrollment-summary.privacy.js';

const enrolled: EnrollmentStatus[] = [
  EnrollmentStatus.TEMPORARILY_ENROLLED,
  EnrollmentStatus.OFFICIALLY_ENROLLED,
];

/** The division and region asked for exist, and the division is in the region. */
async function checkPlacesExist(dataSource: DataSource, asked: CheckedPlaces): Promise<void> {
  const divisionId = asked.division?.ids[0] ?? null;
  const regionId = asked.region?.ids[0] ?? null;
  let divisionRegion: number | null = null;
  if (divisionId !== null) {
    const [row] = await dataSource.query<{ region_id: number }[]>(
      // Compared as integers: a number past the smallint ids names no division, it is no error.
      'SELECT region_id FROM division WHERE id = $1::int',
      [divisionId],
    );
    if (!row) throw badUserInput('divisionId', 'DIVISION_NOT_FOUND', `No division ${divisionId}`);
    divisionRegion = row.region_id;
  }
  if (regionId === null) return;
  const [row] = await dataSource.query<unknown[]>('SELECT 1 FROM region WHERE id = $1::int', [
    regionId,
  ]);
  if (!row) throw badUserInput('regionId', 'REGION_NOT_FOUND', `No region ${regionId}`);
  if (divisionRegion !== null && divisionRegion !== regionId)
    throw badUserInput(
      asked.division!.field,
      asked.division!.field === 'districtId' ? 'DISTRICT_NOT_IN_REGION' : 'DIVISION_NOT_IN_REGION',
      `Division ${divisionId} is not in region ${regionId}`,
    );
}

/** What the tracker reads: one place, or the whole country (null); within it, maybe one district. */
export interface TrackedPlace {
  place: OnePlace | null;
  districtId: number | null;
}

/**
 * The place asked for, held to the viewer's own (place-scope.ts, like the quick count): a school
 * sees its school, a division its division, a region its region or one of its divisions; the
 * nation the whole country, a region or a division. A district narrows the division it belongs
 * to, and is held to the viewer's place as that division is (the refusal names districtId).
 */
export async function trackedPlace(
  dataSource: DataSource,
  viewer: Viewer,
  divisionIdText?: string | null,
  regionIdText?: string | null,
  districtIdText?: string | null,
): Promise<TrackedPlace> {
  const district = districtIdText
    ? await askedDistrict(dataSource, districtIdText, 'districtId')
    : null;
  const division = district
    ? { ids: [String(district.divisionId)], field: 'districtId' }
    : { ids: divisionIdText ? [divisionIdText] : null, field: 'divisionId' };
  const asked = checkPlaces({
    region: { ids: regionIdText ? [regionIdText] : null, field: 'regionId' },
    division,
  });
  if (
    district &&
    divisionIdText &&
    numericId('division', divisionIdText, 'divisionId') !== district.divisionId
  )
    throw badUserInput(
      'districtId',
      'DISTRICT_NOT_IN_DIVISION',
      `District ${district.id} is not in division ${divisionIdText}`,
    );
  await checkPlacesExist(dataSource, asked);
  return {
    place: onePlace(await placeToRead(dataSource, viewer, asked)),
    districtId: district?.id ?? null,
  };
}

/** The year asked for, its rules and its calendar's dates, or bad input naming schoolYear. */
function trackedYear(schoolYear: string) {
  const year = parseSchoolYear(schoolYear);
  if (!year)
    throw badUserInput(
      'schoolYear',
      'SCHOOL_YEAR_INVALID',
      'schoolYear must read like "2025-2026"',
    );
  const rules = rulesFor(schoolYear);
  if (!rules)
    throw badUserInput(
      'schoolYear',
      'SCHOOL_YEAR_NOT_COVERED',
      `No enrollment policy governs ${schoolYear}`,
    );
  return { year, rules };
}

/** The place as a condition on the school table's columns, `$1` its value. */
function schoolsIn(place: OnePlace | null): { where: string; value: number | null } {
  if (!place) return { where: '$1::int IS NULL', value: null };
  if (place.kind === 'SCHOOL') return { where: 'id = $1', value: place.schoolId };
  if (place.kind === 'DIVISION') return { where: 'division_id = $1', value: place.divisionId };
  return { where: 'region_id = $1', value: place.regionId };
}

/**
 * The place as a condition on the rollups' `school_id` or `division_id` and its value ($2). A
 * region or the nation reads its divisions (the rollups are indexed by year and division); a
 * district its schools (the rollups' keys begin with the school).
 */
async function placeCondition(dataSource: DataSource, { place, districtId }: TrackedPlace) {
  if (districtId !== null) {
    const { where, value } = schoolsIn(place);
    const schools = await dataSource.query<{ id: number }[]>(
      `SELECT id FROM school WHERE ${where} AND district_id = $2`,
      [value, districtId],
    );
    return { inPlace: 'school_id = ANY ($2::int[])', value: schools.map((s) => s.id) };
  }
  if (place?.kind === 'SCHOOL') return { inPlace: 'school_id = $2', value: place.schoolId };
  if (place?.kind === 'DIVISION') return { inPlace: 'division_id = $2', value: place.divisionId };
  const divisions = await dataSource.query<{ id: number }[]>(
    place ? 'SELECT id FROM division WHERE region_id = $1' : 'SELECT id FROM division',
    place ? [place.regionId] : [],
  );
  return { inPlace: 'division_id = ANY ($2::int[])', value: divisions.map((d) => d.id) };
}

/**
 * The days, the schools and the place's out-of-school total in one pass over the daily rollup
 * (grouping sets), rather than three passes over a materialised CTE: 4.5 → 2.8 ms at 27M for a
 * division of 4,472 daily rows. A day or a school whose rows are all outside the early grades
 * gets a null sum and is left out. Last year's incoming grades come from the graded rollup: by
 * grade, without the category combinations of the wide one (a full school has about 150 wide
 * rows a year). Last season's registrations come summed up day by day (PREVIOUS_DAY), each at its
 * offset from last season's window start, for the tracker's "against last year" line; AS_OF is the
 * statement's own time, what the answer is as of.
 */
function progressStatement(inPlace: string): string {
  const previous = (table: string) =>
    `SELECT school_id, learners FROM ${table}
     WHERE school_year = $4 AND ${inPlace} AND grade_level = ANY ($3) AND status = ANY ($5)`;
  return `SELECT CASE GROUPING(registered_on, school_id)
                WHEN 1 THEN 'DAY' WHEN 2 THEN 'SCHOOL' ELSE 'OUT_OF_SCHOOL' END AS kind,
              school_id,
              to_char(CASE WHEN GROUPING(registered_on) = 0 THEN registered_on
                ELSE max(registered_on) FILTER (WHERE grade_level = ANY ($3) AND registrations > 0)
              END, 'YYYY-MM-DD') AS date,
              NULL AS circumstance,
              (sum(registrations) FILTER (WHERE grade_level = ANY ($3)))::int AS a,
              coalesce(sum(out_of_school_children), 0)::int AS b,
              coalesce(sum(out_of_school_youth), 0)::int AS c,
              coalesce(sum(osc_key_sum), 0)::text AS b_keys,
              coalesce(sum(osy_key_sum), 0)::text AS c_keys
       FROM early_registration_daily WHERE school_year = $1 AND ${inPlace}
       GROUP BY GROUPING SETS ((registered_on), (school_id), ())
       UNION ALL
       SELECT 'CIRCUMSTANCE', NULL, NULL, circumstance, 0, sum(out_of_school_children)::int,
              sum(out_of_school_youth)::int, sum(osc_key_sum)::text, sum(osy_key_sum)::text
       FROM early_registration_circumstance WHERE school_year = $1 AND ${inPlace}
       GROUP BY circumstance
       UNION ALL
       SELECT 'PREVIOUS', school_id, NULL, NULL, sum(learners)::int, 0, 0, '0', '0'
       FROM (${previous('enrollment_rollup_school_graded')}
             UNION ALL ${previous('enrollment_rollup_delta')}) p
       GROUP BY school_id
       UNION ALL
       SELECT 'PREVIOUS_DAY', NULL, to_char(registered_on, 'YYYY-MM-DD'), NULL,
              (sum(sum(registrations)) OVER (ORDER BY registered_on))::int,
              (registered_on - $6::date)::int, 0, '0', '0'
       FROM early_registration_daily
       WHERE $6::date IS NOT NULL AND school_year = $4 AND ${inPlace} AND grade_level = ANY ($3)
       GROUP BY registered_on
       UNION ALL
       SELECT 'AS_OF', NULL,
              to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
              NULL, NULL, 0, 0, '0', '0'`;
}

/**
 * The place's schools, what the tracker needs of them only, read raw: TypeORM's hydration of the
 * nation's 64,000 whole schools took 2.6 s of the tracker's 8 (issue 21).
 */
function schoolsOf(dataSource: DataSource, { place, districtId }: TrackedPlace) {
  const { where, value } = schoolsIn(place);
  return dataSource.query<TrackedSchool[]>(
    `SELECT id, name, division_id AS "divisionId", region_id AS "regionId",
            offers_kinder AS "offersKinder", offers_elementary AS "offersElementary",
            offers_junior_high AS "offersJuniorHigh", offers_senior_high AS "offersSeniorHigh",
            is_als_learning_center AS "isAlsLearningCenter"
     FROM school WHERE ${where} AND ($2::int IS NULL OR district_id = $2)`,
    [value, districtId],
  );
}

/**
 * `earlyRegistrationProgress` (issue 6; SPEC §4.2, §5): read from the early-registration rollups
 * (EarlyRegistrationRollup migration) and the enrollment rollups for the year before, in one
 * statement, so every part of the answer comes from the same snapshot; never from enrollments.
 * Registrations are those in the grades that register early (Kindergarten, Grades 1, 7 and 11),
 * the grades the year before is counted in; the OSC and OSY are those of every grade, perturbed
 * by the cell-key method for roles without personal data (issue 18).
 */
export async function earlyRegistrationProgress(
  dataSource: DataSource,
  viewer: Viewer,
  schoolYear: string,
  divisionId?: string | null,
  regionId?: string | null,
  districtId?: string | null,
): Promise<ProgressData> {
  const { year, rules } = trackedYear(schoolYear);
  const place = await trackedPlace(dataSource, viewer, divisionId, regionId, districtId);
  const calendar = await findCalendar(dataSource.manager, schoolYear);
  if (!calendar)
    throw badUserInput('schoolYear', 'CALENDAR_NOT_SET', `No calendar for ${schoolYear}`);
  const dates = policyDates(calendar);
  const grades = [...rules.earlyRegistrationGrades];
  const previousYear = formatSchoolYear({ startYear: year.startYear - 1 });
  const previousCalendar = await findCalendar(dataSource.manager, previousYear);
  const previousStart = previousCalendar
    ? policyDates(previousCalendar).earlyRegistrationStart
    : null;
  const { inPlace, value } = await placeCondition(dataSource, place);
  const [schools, rows] = await Promise.all([
    schoolsOf(dataSource, place),
    dataSource.query<RollupRow[]>(progressStatement(inPlace), [
      schoolYear,
      value,
      grades,
      previousYear,
      enrolled,
      previousStart,
    ]),
  ]);
  const window = {
    start: dates.earlyRegistrationStart,
    end: dates.earlyRegistrationEnd,
    previousStart,
  };
  const counted = tally(rows);
  return toProgress(
    schoolYear,
    window,
    grades,
    schools,
    perturbsOutOfSchool(viewer) ? perturbOutOfSchool(counted) : counted,
  );
}
