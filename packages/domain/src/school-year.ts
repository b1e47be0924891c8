import {
  addDays,
  civil,
  type CivilDate,
  daysBetween,
  firstWeekdayOnOrAfter,
  lastWeekdayOfMonth,
  weekday,
} from './civil-date.js';

/** A school year, written "2025-2026" (SPEC §2): it opens in its first calendar year. */
export interface SchoolYear {
  startYear: number;
}

export function parseSchoolYear(value: string): SchoolYear | null {
  const match = /^(\d{4})-(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const start = Number(match[1]);
  return Number(match[2]) === start + 1 ? { startYear: start } : null;
}

export function formatSchoolYear(year: SchoolYear): string {
  return `${year.startYear}-${year.startYear + 1}`;
}

/** The school year `years` after `schoolYear` (before, when negative): "2025-2026", -1 → "2024-2025". */
export function shiftSchoolYear(schoolYear: string, years: number): string {
  const year = parseSchoolYear(schoolYear);
  if (!year) throw new Error(`not a school year: ${schoolYear}`);
  return formatSchoolYear({ startYear: year.startYear + years });
}

/** The dates the policy fixes by rule, each of which an administrator may override for a year. */
export interface PolicyDates {
  earlyRegistrationStart: CivilDate;
  earlyRegistrationEnd: CivilDate;
  ageCutoff: CivilDate;
  documentDeadline: CivilDate;
  transferWindowStart: CivilDate;
  transferWindowEnd: CivilDate;
  quickCountStart: CivilDate;
  quickCountEnd: CivilDate;
  /** Set per year by the administrator (ALS guide step 4); null until set. */
  alsFirstAttendanceCutoff: CivilDate | null;
}

/** A school year's calendar (SPEC §2): opening and closing days, prescribed days, non-school days. */
export interface SchoolCalendar {
  schoolYear: string;
  openingDay: CivilDate;
  closingDay: CivilDate;
  prescribedSchoolDays: number;
  /** Holidays and other days without classes, between opening and closing. */
  nonSchoolDays: readonly CivilDate[];
  overrides?: Partial<PolicyDates>;
}

const SATURDAY = 6;
const FRIDAY = 5;

/**
 * The policy's dates for a calendar: derived by rule, then the calendar's overrides.
 * - Early registration: last Saturday of January to last Friday of February of the year's first
 *   calendar year (DO 03 s. 2018 §V.A).
 * - Age cut-off and document deadline: 31 August of that year (§V.A table; §V.A, §V.C).
 * - Transfers: from the first Friday of classes to 31 March (§IV.h, §IV.i).
 * - Quick count: from the first day of classes to the last school day of the opening month (§VI).
 */
export function policyDates(calendar: SchoolCalendar): PolicyDates {
  const year = parseSchoolYear(calendar.schoolYear);
  if (!year) throw new Error(`not a school year: ${calendar.schoolYear}`);
  const y = year.startYear;
  const opening = calendar.openingDay;
  const [oy, om] = opening.split('-').map(Number) as [number, number];
  const endOfOpeningMonth = civil(oy, om + 1, 0);
  let quickCountEnd = endOfOpeningMonth;
  while (quickCountEnd > opening && !isSchoolDay(calendar, quickCountEnd)) {
    quickCountEnd = addDays(quickCountEnd, -1);
  }
  return {
    earlyRegistrationStart: lastWeekdayOfMonth(y, 1, SATURDAY),
    earlyRegistrationEnd: lastWeekdayOfMonth(y, 2, FRIDAY),
    ageCutoff: civil(y, 8, 31),
    documentDeadline: civil(y, 8, 31),
    transferWindowStart: firstWeekdayOnOrAfter(opening, FRIDAY),
    transferWindowEnd: civil(y + 1, 3, 31),
    quickCountStart: opening,
    quickCountEnd,
    alsFirstAttendanceCutoff: null,
    ...calendar.overrides,
  };
}

/**
 * The day an enrolment's missing documents are due (§V.A, §V.C): the year's deadline (31 August
 * unless overridden). The order sets none for a learner enrolled after it (a late enrolment, §V.D),
 * and the year's deadline would call the documents overdue on the very day they are first asked
 * for: such a learner gets as many days from the enrolment day as one enrolled on the opening day
 * had, never past the last day of classes.
 */
export function documentDeadlineFor(calendar: SchoolCalendar, enrolledOn: CivilDate): CivilDate {
  const deadline = policyDates(calendar).documentDeadline;
  if (enrolledOn <= deadline) return deadline;
  const due = addDays(enrolledOn, Math.max(0, daysBetween(calendar.openingDay, deadline)));
  if (due <= calendar.closingDay) return due;
  return enrolledOn > calendar.closingDay ? enrolledOn : calendar.closingDay;
}

/** A weekday between opening and closing that is not a listed non-school day. */
export function isSchoolDay(calendar: SchoolCalendar, date: CivilDate): boolean {
  const day = weekday(date);
  return (
    date >= calendar.openingDay &&
    date <= calendar.closingDay &&
    day !== 0 &&
    day !== SATURDAY &&
    !calendar.nonSchoolDays.includes(date)
  );
}

/** School days from `from` to `to`, both included. */
export function schoolDaysBetween(
  calendar: SchoolCalendar,
  from: CivilDate,
  to: CivilDate,
): number {
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isSchoolDay(calendar, date)) count++;
  }
  return count;
}

export function isWithin(date: CivilDate, start: CivilDate, end: CivilDate): boolean {
  return date >= start && date <= end;
}

/**
 * The school year of a day: the one whose classes are under way (opening to closing day), else the
 * next to open (the summer between two years belongs to the coming one: its early registration
 * has run and its enrolment is what schools do next), else the last there is.
 */
export function currentSchoolYear(
  calendars: readonly Pick<SchoolCalendar, 'schoolYear' | 'openingDay' | 'closingDay'>[],
  today: CivilDate,
): string | null {
  const sorted = [...calendars].sort((a, b) => a.openingDay.localeCompare(b.openingDay));
  const running = sorted.find((c) => c.openingDay <= today && today <= c.closingDay);
  return (running ?? sorted.find((c) => c.openingDay > today) ?? sorted.at(-1))?.schoolYear ?? null;
}

/**
 * The school year whose classes opened last by a day: what reports mean by "now". Between two
 * years it is the one just closed (its figures are complete; the coming year holds only early
 * enrolments until its opening day). Before every year, the first there is.
 */
export function lastOpenedSchoolYear(
  calendars: readonly Pick<SchoolCalendar, 'schoolYear' | 'openingDay'>[],
  today: CivilDate,
): string | null {
  const sorted = [...calendars].sort((a, b) => a.openingDay.localeCompare(b.openingDay));
  return (sorted.filter((c) => c.openingDay <= today).at(-1) ?? sorted[0])?.schoolYear ?? null;
}
