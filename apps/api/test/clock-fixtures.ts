import { addDays } from '@repo/domain/civil-date';
import {
  currentSchoolYear,
  lastOpenedSchoolYear,
  policyDates,
  type PolicyDates,
} from '@repo/domain/school-year';
import { clock } from '../src/clock.js';
import { calendarsThrough } from '../src/modules/calendar/calendar.seed.js';

/**
 * "Today" in tests: the app's clock, pinned for the whole run by APP_TODAY (vitest.config.ts sets
 * a default; `npm run test:calendar` runs the date-sensitive files at other days). No test reads
 * the machine's date.
 */
export function today(): string {
  return clock.today();
}

/** A day `days` after today (negative: before). */
export function daysFromToday(days: number): string {
  return addDays(clock.today(), days);
}

/**
 * The school year the scenario tests write their learners in: every one of its dates lies before
 * every day the suite is pinned to, so a scenario's dates are all in the past whatever the day.
 */
export const SCENARIO_YEAR = '2026-2027';
const scenarioClosing = '2027-03-31';
if (clock.today() <= scenarioClosing) {
  throw new Error(
    `APP_TODAY=${clock.today()}: the scenario tests write SY ${SCENARIO_YEAR}, which must have closed (${scenarioClosing}) by the pinned day`,
  );
}

/** A school year's seeded calendar (opening, closing) with the policy's dates derived from it. */
export function seededCalendar(schoolYear: string): {
  schoolYear: string;
  openingDay: string;
  closingDay: string;
  dates: PolicyDates;
} {
  const row = calendarsThrough(clock.today()).find((c) => c.schoolYear === schoolYear);
  if (!row) throw new Error(`No seeded calendar for ${schoolYear}`);
  const dates = policyDates({
    ...row,
    prescribedSchoolDays: 180,
    nonSchoolDays: [],
    overrides: { alsFirstAttendanceCutoff: `${schoolYear.slice(0, 4)}-10-30` },
  });
  return { ...row, dates };
}

/** The school year of today (under way, else the next to open), as the screens pick it. */
export function currentYear(): string {
  return currentSchoolYear(calendarsThrough(clock.today()), clock.today())!;
}

/** Holds the clock on another day for one test file's block; gives the run's day back after. */
export function pinClockDuring(day: string): { restore(): void } {
  const before = clock.today();
  clock.pin(day);
  return { restore: () => clock.pin(before) };
}

/**
 * The school year the reports open on with the demo's data: the latest whose classes have opened
 * by today (the latest with enrolled learners).
 */
export function reportingYear(): string {
  return lastOpenedSchoolYear(calendarsThrough(clock.today()), clock.today())!;
}

/**
 * The season the tracker opens on with the demo's data: the latest school year whose early
 * registration window (DO 03 s. 2018 §V.A) has opened by today.
 */
export function seasonYear(): string {
  return calendarsThrough(clock.today())
    .filter((c) => seededCalendar(c.schoolYear).dates.earlyRegistrationStart <= clock.today())
    .at(-1)!.schoolYear;
}
