import { addDays } from '@repo/domain/civil-date';
import { toNameKey } from '@repo/domain/names';
import { formatSchoolYear, parseSchoolYear, policyDates } from '@repo/domain/school-year';
import { type DataSource, type EntityManager } from 'typeorm';
import { findCalendar } from '../calendar/calendar.service.js';
import { givenNames, surnames } from './names.data.js';
import { datasetLoaderAccount, datasetLoaderUsername, mulberry32 } from './synthetic-learners.js';

const circumstances = [
  'DISPLACED_BY_DISASTER',
  'GEOGRAPHICALLY_ISOLATED',
  'NUTRITIONAL_PROBLEMS',
  'WANTS_TO_RETURN_TO_SCHOOL',
  'DISABILITY',
  'OFF_GRID_COMMUNITY',
];
/** Years before the season's start year that a learner of each incoming grade was born. */
const ageAtStart: Record<string, number> = { KINDER: 4, GRADE_1: 5, GRADE_7: 11, GRADE_11: 15 };

/**
 * An early-registration season (DO 03 s. 2018 §V.A) for the schools of some divisions, against
 * their data set's enrollment of the year before: each school registers a share (none for one in
 * ten, else 10% to 95%) of last year's incoming grades (Kinder, Grades 1, 7 and 11), more early in
 * the window than late, 3% of them out-of-school children or youth with a circumstance. Synthetic
 * learners, marked by the loader's account. Returns the number of registrations made.
 *
 * `through` ends the registrations on a day inside the window (a season under way: none is dated
 * after today); a later call adds the days after the last one loaded. The whole window is drawn
 * every time from the seed and last year's loaded enrollment, so a season loaded day by day is the
 * one loaded at once. Registrations by users are not the loader's and change nothing here.
 */
export async function loadEarlyRegistrationSeason(
  dataSource: DataSource,
  options: {
    season: string;
    divisionIds: number[];
    seed?: number;
    /** The last day to register (default: the window's last day). */
    through?: string;
    /** Schools that never sit the season out (the demo's own, whose screens show registrants). */
    alwaysRegistering?: number[];
  },
): Promise<number> {
  const { season, divisionIds } = options;
  const year = parseSchoolYear(season);
  if (!year) throw new Error(`not a school year: ${season}`);
  const calendar = await findCalendar(dataSource.manager, season);
  if (!calendar) return 0;
  const dates = policyDates(calendar);
  const through =
    options.through && options.through < dates.earlyRegistrationEnd
      ? options.through
      : dates.earlyRegistrationEnd;
  const last = await lastDayLoaded(dataSource, season, divisionIds);
  if (last !== null && last >= through) return 0;
  const previous = formatSchoolYear({ startYear: year.startYear - 1 });
  const incoming = await incomingCells(dataSource, previous, divisionIds);
  const random = mulberry32(options.seed ?? year.startYear);
  const rows = drawRegistrations(incoming, random, {
    windowDays: daysOf(dates.earlyRegistrationStart, dates.earlyRegistrationEnd),
    through,
    last,
    alwaysRegistering: options.alwaysRegistering ?? [],
  });
  if (rows.length === 0) return 0;
  const createdBy = await datasetLoaderAccount(dataSource);
  await dataSource.transaction(async (manager) => {
    // In batches: a season of a whole region is hundreds of thousands of registrations.
    for (let from = 0; from < rows.length; from += 50_000) {
      const batch = rows.slice(from, from + 50_000);
      // Drawn in this order, people then circumstances, batch by batch: the seed's season.
      const people = drawPeople(batch, random, year.startYear);
      const circumstanceOf = batch.map(() => pickOne(random, circumstances));
      const ids = await insertLearners(manager, batch, people, createdBy);
      await insertRegistrations(manager, { season, ids, batch, circumstanceOf, createdBy });
    }
  });
  return rows.length;
}

/**
 * The last day of the season the loader has registered in these divisions, or null. Read, not
 * upserted: a demo start with its season complete writes nothing.
 */
async function lastDayLoaded(
  dataSource: DataSource,
  season: string,
  divisionIds: number[],
): Promise<string | null> {
  const [{ last }] = (await dataSource.query<{ last: string | null }[]>(
    `SELECT max(e.registered_on)::text AS last FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND s.division_id = ANY ($2)
       AND e.created_by = (SELECT id FROM account WHERE username = $3)
       AND e.grade_level IN ('KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11')
       AND e.registered_on IS NOT NULL`,
    [season, divisionIds, datasetLoaderUsername],
  )) as [{ last: string | null }];
  return last;
}

/** Every day from `first` to `last`, both included. */
function daysOf(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

interface IncomingCell {
  school_id: number;
  grade_level: string;
  learners: number;
}

/** Last year's data set enrollment in the incoming grades, by school and grade. */
function incomingCells(
  dataSource: DataSource,
  previous: string,
  divisionIds: number[],
): Promise<IncomingCell[]> {
  return dataSource.query<IncomingCell[]>(
    `SELECT e.school_id, e.grade_level, count(*)::int AS learners
     FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND s.division_id = ANY ($2) AND e.data_source IS NOT NULL
       AND e.grade_level IN ('KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11')
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [previous, divisionIds],
  );
}

interface Registration {
  school: number;
  grade: string;
  day: string;
  osc: boolean;
  osy: boolean;
}

const pickOne = <T>(random: () => number, list: readonly T[]) =>
  list[Math.floor(random() * list.length)]!;

/**
 * Each school's share of its incoming grades, each registrant's day and whether out of school:
 * the whole window drawn every time, only the days after `last` and up to `through` kept.
 */
function drawRegistrations(
  incoming: IncomingCell[],
  random: () => number,
  window: {
    windowDays: string[];
    through: string;
    last: string | null;
    alwaysRegistering: number[];
  },
): Registration[] {
  const { windowDays, through, last } = window;
  const share = new Map<number, number>();
  const rows: Registration[] = [];
  for (const cell of incoming) {
    if (!share.has(cell.school_id)) {
      const sitsOut = random() < 0.1 && !window.alwaysRegistering.includes(cell.school_id);
      share.set(cell.school_id, sitsOut ? 0 : 0.1 + 0.85 * random());
    }
    const count = Math.round(cell.learners * share.get(cell.school_id)!);
    for (let i = 0; i < count; i++) {
      const day = windowDays[Math.floor(windowDays.length * random() ** 1.6)]!;
      const outOfSchool = random() < 0.03;
      if (day > through || (last !== null && day <= last)) continue;
      rows.push({
        school: cell.school_id,
        grade: cell.grade_level,
        day,
        osc: outOfSchool && (cell.grade_level === 'GRADE_1' || cell.grade_level === 'KINDER'),
        osy: outOfSchool && (cell.grade_level === 'GRADE_7' || cell.grade_level === 'GRADE_11'),
      });
    }
  }
  return rows;
}

interface Person {
  lastName: string;
  firstName: string;
  middleName: string;
  nameKey: string;
  birthDate: string;
  sex: string;
}

/** A registrant for each registration, of the age of its grade (two years older out of school). */
function drawPeople(batch: Registration[], random: () => number, startYear: number): Person[] {
  return batch.map((r) => {
    const lastName = pickOne(random, surnames);
    const firstName = pickOne(random, givenNames);
    const middleName = pickOne(random, surnames);
    const born = startYear - ageAtStart[r.grade]! - (r.osc || r.osy ? 2 : 0);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    return {
      lastName,
      firstName,
      middleName,
      nameKey: toNameKey({ lastName, firstName, middleName }),
      birthDate: `${born}-${month}-${day}`,
      sex: random() < 0.51 ? 'MALE' : 'FEMALE',
    };
  });
}

/** The registrants as learners, each linked to the school it registered at; returns their ids. */
async function insertLearners(
  manager: EntityManager,
  batch: Registration[],
  people: Person[],
  createdBy: string,
): Promise<string[]> {
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
     SELECT *, 'REGISTERED' FROM unnest($1::bigint[], $2::int[])`,
    [ids, batch.map((r) => r.school)],
  );
  return ids;
}

/** The registrations as PRE_REGISTERED enrollments, each with its status change. */
async function insertRegistrations(
  manager: EntityManager,
  registrations: {
    season: string;
    ids: string[];
    batch: Registration[];
    circumstanceOf: string[];
    createdBy: string;
  },
) {
  const { season, ids, batch, circumstanceOf, createdBy } = registrations;
  await manager.query(
    `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand, status,
                             registered_on, categories, circumstances, created_by)
     SELECT l, s, $1, g, CASE WHEN g = 'GRADE_11' THEN 'STEM' END, 'PRE_REGISTERED', d,
            CASE WHEN c = '' THEN '{}' ELSE ARRAY[c] END::varchar[],
            CASE WHEN c = '' THEN '{}' ELSE ARRAY[k] END::varchar[], $8::uuid
     FROM unnest($2::bigint[], $3::int[], $4::varchar[], $5::date[], $6::varchar[], $7::varchar[])
          AS r(l, s, g, d, c, k)`,
    [
      season,
      ids,
      batch.map((r) => r.school),
      batch.map((r) => r.grade),
      batch.map((r) => r.day),
      batch.map((r) => (r.osc ? 'OSC' : r.osy ? 'OSY' : '')),
      circumstanceOf,
      createdBy,
    ],
  );
  await manager.query(
    `INSERT INTO enrollment_status_change (enrollment_id, status, effective_on, reason, recorded_by)
     SELECT id, 'PRE_REGISTERED', registered_on, 'REGISTERED_EARLY', created_by
     FROM enrollment WHERE learner_id = ANY ($1::bigint[])`,
    [ids],
  );
}
