import {
  formatSchoolYear,
  lastOpenedSchoolYear,
  parseSchoolYear,
  policyDates,
  type SchoolCalendar,
} from '@repo/domain/school-year';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { demoAlsCenterId, demoSchoolId } from '../auth/demo-accounts.js';
import { ensureSchoolCalendars } from '../calendar/calendar.seed.js';
import { toSchoolCalendar } from '../calendar/calendar.service.js';
import { SchoolCalendarEntity } from '../calendar/school-calendar.entity.js';
import { loadEarlyRegistrationSeason } from './early-registration-season.js';
import { officialCells } from './enrollment-dataset.js';
import { loadEnrollmentYears, officialYear } from './enrollment-years.js';

/** The school years a demo needs on a day. */
export interface DemoYears {
  /**
   * Enrolled learners: six consecutive school years ending at the one whose classes opened last
   * (the reports open on it, and the school screens during classes), learner by learner (issue
   * 22); not before the first year there is a calendar for.
   */
  enrolled: string[];
  /**
   * Early registration: the last school year whose window has opened (the tracker opens on it, and
   * the school screens between two years), registered up to today or the window's last day. On
   * calendars shaped as DepEd's (the window before opening), its year before is one of `enrolled`,
   * the year its registrations are measured against; not before the first year there is.
   */
  season: { schoolYear: string; through: string } | null;
}

/** How many school years the demo enrolls, the last the one whose classes opened last. */
export const demoYearCount = 6;

const yearsUpTo = (schoolYear: string) =>
  Array.from({ length: demoYearCount }, (_, i) =>
    formatSchoolYear({ startYear: parseSchoolYear(schoolYear)!.startYear - demoYearCount + 1 + i }),
  );

/** What a demo on `today` shows, from the calendars there are. */
export function demoYears(calendars: readonly SchoolCalendar[], today: string): DemoYears {
  const sorted = [...calendars].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  const known = new Set(sorted.map((c) => c.schoolYear));
  const opened = sorted.some((c) => c.openingDay <= today)
    ? lastOpenedSchoolYear(sorted, today)
    : null;
  const enrolled = opened ? yearsUpTo(opened).filter((y) => known.has(y)) : [];
  const registering = sorted
    .map((c) => ({ schoolYear: c.schoolYear, dates: policyDates(c) }))
    .filter((c) => c.dates.earlyRegistrationStart <= today)
    .at(-1);
  const season = registering
    ? {
        schoolYear: registering.schoolYear,
        through:
          today < registering.dates.earlyRegistrationEnd
            ? today
            : registering.dates.earlyRegistrationEnd,
      }
    : null;
  return { enrolled, season };
}

export interface DemoLoad {
  enrolled: { schoolYear: string; learners: number; seconds: number }[];
  registrations: number;
  seconds: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Whether a year lacks the division's data set enrolments (one indexed look-up a year); learners
 * enrolled by the demo's users never count.
 */
async function anyYearMissing(dataSource: DataSource, years: string[], division: number) {
  const [{ missing }] = (await dataSource.query<{ missing: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM unnest($1::varchar[]) y(school_year) WHERE NOT EXISTS (
       SELECT 1 FROM enrollment e JOIN school s ON s.id = e.school_id
       WHERE e.school_year = y.school_year AND s.division_id = $2
         AND e.data_source IS NOT NULL)) AS missing`,
    [years, division],
  )) as [{ missing: boolean }];
  return missing;
}

/**
 * The demo data of `npm start` in demo mode only (issues 6 and 16), for the demo school's division
 * (Abra), on the day of the app's clock: six school years learner by learner (issue 22), SY
 * 2023-24 the official data set's and the others carried from it a year at a time (promoted,
 * repeating, moved, dropped out, returning, new entrants), up to the school year whose classes
 * opened last; and an early-registration season for the last year whose window has opened, in
 * which each school has registered a different share of last year's incoming grades (leaders and
 * laggards for the tracker), with out-of-school children and youth and their circumstances; the
 * demo's school and ALS center always take part, so their screens have registrants between two
 * years.
 *
 * Every start checks what its day needs and loads only what is missing, per school year: a demo
 * started a year later gains that year, and a season under way gains its days since. A year counts
 * as loaded once a data set's enrollment of the division is in it (one indexed look-up); learners
 * enrolled by the demo's users never do. `season: false` loads the school years only (the browser
 * tests' calendar days share those: test/e2e/dashboard-support.ts).
 */
export async function ensureDemoData(
  dataSource: DataSource,
  log: (line: string) => void,
  today = clock.today(),
  { season: withSeason = true }: { season?: boolean } = {},
): Promise<DemoLoad> {
  const started = performance.now();
  const done: DemoLoad = { enrolled: [], registrations: 0, seconds: 0 };
  const [school] = await dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = $1',
    [demoSchoolId],
  );
  if (!school) return done;
  const division = school.division_id;
  await ensureSchoolCalendars(dataSource, today);
  const calendars = (await dataSource.getRepository(SchoolCalendarEntity).find()).map(
    toSchoolCalendar,
  );
  const years = demoYears(calendars, today);

  // The data set is read and parsed only when a year is missing (about a second).
  if (await anyYearMissing(dataSource, years.enrolled, division)) {
    const cells = await officialCells(dataSource, null, 2023, [division]);
    const load = await loadEnrollmentYears(dataSource, {
      cells,
      years: years.enrolled,
      seed: 2023,
    });
    for (const year of load.years) {
      done.enrolled.push(year);
      log(
        `demo data: ${year.learners.toLocaleString('en-PH')} learners enrolled in SY ${year.schoolYear} ` +
          `(${year.schoolYear === officialYear ? 'the official SY 2023-24 data set of Abra' : 'carried learner by learner'}) in ${year.seconds.toFixed(1)} s`,
      );
    }
  }
  if (withSeason && years.season) {
    const since = performance.now();
    const { schoolYear, through } = years.season;
    done.registrations = await loadEarlyRegistrationSeason(dataSource, {
      season: schoolYear,
      divisionIds: [division],
      through,
      alwaysRegistering: [demoSchoolId, demoAlsCenterId],
    });
    if (done.registrations > 0)
      log(
        `demo data: ${done.registrations.toLocaleString('en-PH')} early registrations for ` +
          `SY ${schoolYear} up to ${through} (Abra) in ${seconds(since).toFixed(1)} s`,
      );
  }
  done.seconds = seconds(started);
  if (done.enrolled.length > 0 || done.registrations > 0)
    log(`demo data: loaded in ${done.seconds.toFixed(1)} s`);
  return done;
}
