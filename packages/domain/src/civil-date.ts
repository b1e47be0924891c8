/**
 * Civil dates as 'YYYY-MM-DD' strings: the policy's dates are days, not instants, so no time zone
 * can move them. Arithmetic goes through UTC midnight.
 */
export type CivilDate = string;

const dayMs = 86_400_000;

export function toUtc(date: CivilDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function fromUtc(ms: number): CivilDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function civil(year: number, month: number, day: number): CivilDate {
  return fromUtc(Date.UTC(year, month - 1, day));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(toUtc(date) + days * dayMs);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

/** The last given weekday (0-6) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, day: number): CivilDate {
  const last = civil(year, month + 1, 0);
  return addDays(last, -((weekday(last) - day + 7) % 7));
}

/** The first given weekday (0-6) on or after a date. */
export function firstWeekdayOnOrAfter(date: CivilDate, day: number): CivilDate {
  return addDays(date, (day - weekday(date) + 7) % 7);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whole years of age on a date. A 29 February birthday comes on 1 March in common years (the day
 * after 28 February, when the 29th would have been).
 */
export function ageOn(birthDate: CivilDate, on: CivilDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  const birthdayMonth = bm === 2 && bd === 29 && !isLeapYear(y) ? 3 : bm;
  const birthdayDay = bm === 2 && bd === 29 && !isLeapYear(y) ? 1 : bd;
  if (m < birthdayMonth || (m === birthdayMonth && d < birthdayDay)) age--;
  return age;
}
