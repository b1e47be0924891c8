import { addDays } from '@repo/domain/civil-date';
import { toNameKey } from '@repo/domain/names';
import { policyDates } from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { demoSchoolId } from '../auth/demo-accounts.js';
import { findCalendar } from '../calendar/calendar.service.js';
import { loadEnrollmentCells, officialCells } from './enrollment-dataset.js';
import { givenNames, surnames } from './names.data.js';
import { datasetLoaderAccount, mulberry32 } from './synthetic-learners.js';

/**
 * The early-registration season of the demo: SY 2024-2025, the year after the official data set,
 * so each school's registrations stand against its official SY 2023-24 enrollment.
 */
const SEASON = '2024-2025';
const circumstances = [
  'DISPLACED_BY_DISASTER',
  'GEOGRAPHICALLY_ISOLATED',
  'NUTRITIONAL_PROBLEMS',
  'WANTS_TO_RETURN_TO_SCHOOL',
  'DISABILITY',
  'OFF_GRID_COMMUNITY',
];

/**
 * The demo data of `npm start` (issue 6): the official SY 2023-24 data set for the demo school's
 * division (Abra), and an early-registration season for SY 2024-2025 in which each school has
 * registered a different share of last year's incoming grades, so the tracker has leaders and
 * laggards, with out-of-school children and youth and their circumstances. Loaded once.
 */
export async function ensureDemoData(dataSource: DataSource, log: (line: string) => void) {
  const [school] = await dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = $1',
    [demoSchoolId],
  );
  if (!school) return;
  // Every start checks; only the first reads and loads the data set (the loader would skip every
  // school anyway, but only after reading and parsing the whole file).
  const [{ loaded }] = (await dataSource.query<{ loaded: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM enrollment e JOIN school s ON s.id = e.school_id
                    WHERE e.school_year = '2023-2024' AND s.division_id = $1
                      AND e.data_source IS NOT NULL) AS loaded`,
    [school.division_id],
  )) as [{ loaded: boolean }];
  if (!loaded) {
    const cells = await officialCells(dataSource, null, 2023, [school.division_id]);
    const load = await loadEnrollmentCells(dataSource, cells, { schoolYear: '2023-2024' });
    log(
      `demo data: ${load.learners.toLocaleString('en-PH')} learners of SY 2023-2024 (official data set, Abra)`,
    );
  }
  const [{ registered }] = (await dataSource.query<{ registered: number }[]>(
    `SELECT count(*)::int AS registered FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND s.division_id = $2`,
    [SEASON, school.division_id],
  )) as [{ registered: number }];
  if (registered > 0) return;
  const calendar = await findCalendar(dataSource.manager, SEASON);
  if (!calendar) return;
  const dates = policyDates(calendar);
  const windowDays: string[] = [];
  for (
    let day = dates.earlyRegistrationStart;
    day <= dates.earlyRegistrationEnd;
    day = addDays(day, 1)
  )
    windowDays.push(day);

  // Each school registers a share (10% to 95%) of its incoming grades of the year before.
  const incoming = await dataSource.query<
    { school_id: number; grade_level: string; learners: number }[]
  >(
    `SELECT e.school_id, e.grade_level, count(*)::int AS learners
     FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = '2023-2024' AND s.division_id = $1
       AND e.grade_level IN ('KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11')
     GROUP BY 1, 2`,
    [school.division_id],
  );
  const random = mulberry32(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const share = new Map<number, number>();
  const rows: { school: number; grade: string; day: string; osc: boolean; osy: boolean }[] = [];
  for (const cell of incoming) {
    if (!share.has(cell.school_id))
      share.set(cell.school_id, random() < 0.1 ? 0 : 0.1 + 0.85 * random());
    const count = Math.round(cell.learners * share.get(cell.school_id)!);
    for (let i = 0; i < count; i++) {
      // Registrations come early in the window more than late.
      const day = windowDays[Math.floor(windowDays.length * random() ** 1.6)]!;
      const outOfSchool = random() < 0.03;
      rows.push({
        school: cell.school_id,
        grade: cell.grade_level,
        day,
        osc: outOfSchool && (cell.grade_level === 'GRADE_1' || cell.grade_level === 'KINDER'),
        osy: outOfSchool && (cell.grade_level === 'GRADE_7' || cell.grade_level === 'GRADE_11'),
      });
    }
  }
  if (rows.length === 0) return;
  const createdBy = await datasetLoaderAccount(dataSource);
  const birthYear: Record<string, number> = {
    KINDER: 2020,
    GRADE_1: 2019,
    GRADE_7: 2013,
    GRADE_11: 2009,
  };
  const people = rows.map((r) => {
    const lastName = pick(surnames);
    const firstName = pick(givenNames);
    const middleName = pick(surnames);
    const year = (r.osc || r.osy ? -2 : 0) + birthYear[r.grade]!;
    return {
      lastName,
      firstName,
      middleName,
      nameKey: toNameKey({ lastName, firstName, middleName }),
      birthDate: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      sex: random() < 0.51 ? 'MALE' : 'FEMALE',
    };
  });
  await dataSource.transaction(async (manager) => {
    const learners = await manager.query<{ id: string }[]>(
      `INSERT INTO learner (last_name, first_name, middle_name, name_key, birth_date, sex, created_by)
       SELECT *, $7::uuid FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::date[], $6::varchar[])
       RETURNING id::text`,
      [
        people.map((p) => p.lastName),
        people.map((p) => p.firstName),
        people.map((p) => p.middleName),
        people.map((p) => p.nameKey),
        people.map((p) => p.birthDate),
        people.map((p) => p.sex),
        createdBy,
      ],
    );
    const ids = learners.map((l) => l.id);
    await manager.query(
      `INSERT INTO learner_school (learner_id, school_id, reason)
       SELECT * , 'REGISTERED' FROM unnest($1::bigint[], $2::int[])`,
      [ids, rows.map((r) => r.school)],
    );
    await manager.query(
      `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand, status,
                               registered_on, categories, circumstances, created_by)
       SELECT l, s, $1, g, CASE WHEN g = 'GRADE_11' THEN 'STEM' END, 'PRE_REGISTERED', d,
              CASE WHEN c = '' THEN '{}' ELSE ARRAY[c] END::varchar[],
              CASE WHEN c = '' THEN '{}' ELSE ARRAY[k] END::varchar[], $8::uuid
       FROM unnest($2::bigint[], $3::int[], $4::varchar[], $5::date[], $6::varchar[], $7::varchar[])
            AS r(l, s, g, d, c, k)`,
      [
        SEASON,
        ids,
        rows.map((r) => r.school),
        rows.map((r) => r.grade),
        rows.map((r) => r.day),
        rows.map((r) => (r.osc ? 'OSC' : r.osy ? 'OSY' : '')),
        rows.map(() => pick(circumstances)),
        createdBy,
      ],
    );
    await manager.query(
      `INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, recorded_by)
       SELECT id, 'PRE_REGISTERED', registered_on, 'REGISTERED_EARLY', created_by
       FROM enrollment WHERE learner_id = ANY ($1::bigint[])`,
      [ids],
    );
  });
  log(
    `demo data: ${rows.length.toLocaleString('en-PH')} early registrations for SY ${SEASON} (Abra)`,
  );
}
