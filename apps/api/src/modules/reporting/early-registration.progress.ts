// The tracker's answer shaped from the rows its one statement reads (early-registration.service.ts):
// the schools listed laggards first, the window's days, the divisions, the out-of-school.
import { addDays, daysBetween } from '@repo/domain/civil-date';
import {
  earlyRegistrationTarget,
  isBehindTarget,
  OutOfSchoolCircumstance,
} from '@repo/domain/early-registration';
import { offersGrade } from '@repo/domain/enrollment';
import { type GradeLevel } from '@repo/domain/enums';
import { clock } from '../../clock.js';
import { type SchoolEntity } from '../school/school.entity.js';

/** What the tracker needs of a school: its places, name and the grades it offers. */
export type TrackedSchool = Pick<
  SchoolEntity,
  | 'id'
  | 'name'
  | 'divisionId'
  | 'regionId'
  | 'offersKinder'
  | 'offersElementary'
  | 'offersJuniorHigh'
  | 'offersSeniorHigh'
  | 'isAlsLearningCenter'
>;
import { published } from './enrollment-summary.privacy.js';

export interface SchoolProgress {
  school: TrackedSchool;
  registrations: number;
  previousYearEnrollment: number;
  progress: number | null;
  lastRegistrationOn: string | null;
  /** Registrations a steady pace through the window would have by today (the domain's rule). */
  target: number;
  behindTarget: boolean;
}

/** A division's or a region's listed schools, summed. */
export interface PlaceSubtotal {
  schools: number;
  schoolsWithoutRegistration: number;
  schoolsBehindTarget: number;
  registrations: number;
  previousYearEnrollment: number;
  progress: number | null;
}

export interface DivisionProgress extends PlaceSubtotal {
  divisionId: number;
}

export interface RegionProgress extends PlaceSubtotal {
  regionId: number;
}

export interface ProgressData {
  schoolYear: string;
  /** The database's time of the statement that read the counts. */
  asOf: Date;
  windowStart: string;
  windowEnd: string;
  registrations: number;
  previousYearEnrollment: number;
  progress: number | null;
  target: number;
  schoolsBehindTarget: number;
  outOfSchoolChildren: number;
  outOfSchoolYouth: number;
  days: {
    date: string;
    registrations: number;
    cumulative: number;
    previousYearEnrollment: number | null;
    previousYearCumulative: number | null;
  }[];
  divisions: DivisionProgress[];
  regions: RegionProgress[];
  schools: SchoolProgress[];
  outOfSchool: { circumstance: OutOfSchoolCircumstance; children: number; youth: number }[];
}

/** A row of the tracker's statement: one day, school, circumstance, last year's school or total. */
export interface RollupRow {
  kind: 'DAY' | 'SCHOOL' | 'OUT_OF_SCHOOL' | 'CIRCUMSTANCE' | 'PREVIOUS' | 'PREVIOUS_DAY' | 'AS_OF';
  school_id: number | null;
  date: string | null;
  circumstance: string | null;
  /** Registrations in the early grades; null where a day or school has none of their rows. */
  a: number | null;
  b: number;
  c: number;
  /** The sums of the OSC's and the OSY's record keys (text: a national sum is a bigint). */
  b_keys: string;
  c_keys: string;
}

/** The statement's rows sorted by what they count. */
export interface Tally {
  registered: Map<number, { count: number; last: string | null }>;
  lastYear: Map<number, number>;
  byDay: Map<string, number>;
  /** Last season's cumulative registrations by day, as days from its window start. */
  previousByOffset: { offset: number; cumulative: number }[];
  asOf: Date;
  byCircumstance: Map<string, OutOfSchoolCounts>;
  outOfSchoolChildren: number;
  outOfSchoolYouth: number;
  outOfSchoolKeys: { children: string; youth: string };
}

/** The OSC and OSY of a circumstance, with their record-key sums. */
interface OutOfSchoolCounts {
  children: number;
  youth: number;
  childrenKeys: string;
  youthKeys: string;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const total = (values: Iterable<number>) => [...values].reduce((sum, n) => sum + n, 0);

export function tally(rows: RollupRow[]): Tally {
  const counted: Tally = {
    registered: new Map(),
    lastYear: new Map(),
    byDay: new Map(),
    previousByOffset: [],
    asOf: new Date(Number.NaN),
    byCircumstance: new Map(),
    outOfSchoolChildren: 0,
    outOfSchoolYouth: 0,
    outOfSchoolKeys: { children: '0', youth: '0' },
  };
  for (const row of rows) {
    if (row.kind === 'DAY' && row.a !== null) counted.byDay.set(row.date!, row.a);
    // Registrations are never negative: a positive sum is a school with a registration.
    if (row.kind === 'SCHOOL' && row.a !== null && row.a > 0)
      counted.registered.set(row.school_id!, { count: row.a, last: row.date });
    if (row.kind === 'PREVIOUS') counted.lastYear.set(row.school_id!, row.a!);
    if (row.kind === 'PREVIOUS_DAY')
      counted.previousByOffset.push({ offset: row.b, cumulative: row.a! });
    if (row.kind === 'AS_OF') counted.asOf = new Date(row.date!);
    if (row.kind === 'CIRCUMSTANCE')
      counted.byCircumstance.set(row.circumstance!, {
        children: row.b,
        youth: row.c,
        childrenKeys: row.b_keys,
        youthKeys: row.c_keys,
      });
    if (row.kind === 'OUT_OF_SCHOOL') {
      counted.outOfSchoolChildren = row.b;
      counted.outOfSchoolYouth = row.c;
      counted.outOfSchoolKeys = { children: row.b_keys, youth: row.c_keys };
    }
  }
  return counted;
}

/**
 * The OSC and OSY counts as published to a role without personal data (issue 18): each its count
 * perturbed by its own cell key (docs/privacy.md), the totals included; registrations stay exact.
 */
export function perturbOutOfSchool(counted: Tally): Tally {
  const byCircumstance = new Map<string, OutOfSchoolCounts>();
  for (const [circumstance, c] of counted.byCircumstance)
    byCircumstance.set(circumstance, {
      ...c,
      children: published(c.children, c.childrenKeys, true),
      youth: published(c.youth, c.youthKeys, true),
    });
  return {
    ...counted,
    byCircumstance,
    outOfSchoolChildren: published(
      counted.outOfSchoolChildren,
      counted.outOfSchoolKeys.children,
      true,
    ),
    outOfSchoolYouth: published(counted.outOfSchoolYouth, counted.outOfSchoolKeys.youth, true),
  };
}

/**
 * The schools that offer an early grade or have counts, in no order: `worstFirst` sorts them when
 * they are asked for (the nation's 64,000 took a second to sort for an overview by region).
 */
function listSchools(
  schools: TrackedSchool[],
  grades: GradeLevel[],
  counted: Tally,
  targetOf: (previousYearEnrollment: number) => number,
) {
  const { registered, lastYear } = counted;
  return schools
    .filter(
      (s) =>
        grades.some((g) => offersGrade(s, g)) ||
        registered.has(s.id) ||
        (lastYear.get(s.id) ?? 0) > 0,
    )
    .map((school): SchoolProgress => {
      const registrations = registered.get(school.id)?.count ?? 0;
      const previousYearEnrollment = lastYear.get(school.id) ?? 0;
      const target = targetOf(previousYearEnrollment);
      return {
        school,
        registrations,
        previousYearEnrollment,
        progress: ratio(registrations, previousYearEnrollment),
        lastRegistrationOn: registered.get(school.id)?.last ?? null,
        target,
        behindTarget: isBehindTarget(registrations, target),
      };
    });
}

/** A season's early-registration window; `previousStart` is last season's first day, if known. */
export interface TrackedWindow {
  start: string;
  end: string;
  previousStart: string | null;
}

/**
 * Last season's cumulative registrations on the day as many days from its window start as `date`
 * is from this one's (issue 21: "against last year" at the same day of the campaign); null
 * without last season's calendar.
 */
function previousCumulativeOn(window: TrackedWindow, counted: Tally) {
  if (window.previousStart === null) return () => null;
  const byOffset = [...counted.previousByOffset].sort((a, b) => a.offset - b.offset);
  return (date: string) => {
    const offset = daysBetween(window.start, date);
    return byOffset.findLast((p) => p.offset <= offset)?.cumulative ?? 0;
  };
}

/** The window up to today, stretched to any registration outside it (a window moved later). */
function listDays(
  window: TrackedWindow,
  today: string,
  counted: Tally,
  previousYearEnrollment: number,
): ProgressData['days'] {
  const { byDay } = counted;
  const previousYearCumulative = previousCumulativeOn(window, counted);
  const registrationDays = [...byDay.keys()].sort();
  const lastListed = window.end < today ? window.end : today;
  const from = [window.start, ...registrationDays].sort()[0]!;
  const to = [lastListed, ...registrationDays].sort().at(-1)!;
  const days: ProgressData['days'] = [];
  let cumulative = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const count = byDay.get(date) ?? 0;
    cumulative += count;
    days.push({
      date,
      registrations: count,
      cumulative,
      previousYearEnrollment,
      previousYearCumulative: previousYearCumulative(date),
    });
  }
  return days;
}

/**
 * The listed schools summed by a place (their division or region), the lowest progress first, then
 * the most schools without a registration.
 */
function sumBy<K extends 'divisionId' | 'regionId'>(
  listed: SchoolProgress[],
  key: K,
): (PlaceSubtotal & Record<K, number>)[] {
  const places = new Map<number, PlaceSubtotal & Record<K, number>>();
  for (const one of listed) {
    const id = one.school[key];
    const place =
      places.get(id) ??
      ({
        [key]: id,
        schools: 0,
        schoolsWithoutRegistration: 0,
        schoolsBehindTarget: 0,
        registrations: 0,
        previousYearEnrollment: 0,
        progress: null,
      } as unknown as PlaceSubtotal & Record<K, number>);
    place.schools++;
    if (one.registrations === 0) place.schoolsWithoutRegistration++;
    if (one.behindTarget) place.schoolsBehindTarget++;
    place.registrations += one.registrations;
    place.previousYearEnrollment += one.previousYearEnrollment;
    place.progress = ratio(place.registrations, place.previousYearEnrollment);
    places.set(id, place);
  }
  return [...places.values()].sort(
    (a, b) =>
      byProgress(a.progress, b.progress) ||
      b.schoolsWithoutRegistration - a.schoolsWithoutRegistration ||
      a[key] - b[key],
  );
}

/** The tracker's answer for a year's window, from the place's schools and the tallied rows. */
export function toProgress(
  schoolYear: string,
  window: TrackedWindow,
  grades: GradeLevel[],
  schools: TrackedSchool[],
  counted: Tally,
): ProgressData {
  const today = clock.today();
  const targetOf = (previous: number) => earlyRegistrationTarget(window, today, previous);
  const listed = listSchools(schools, grades, counted, targetOf);
  const registrations = total(counted.byDay.values());
  const previousYearEnrollment = total(counted.lastYear.values());
  return {
    schoolYear,
    asOf: counted.asOf,
    windowStart: window.start,
    windowEnd: window.end,
    registrations,
    previousYearEnrollment,
    progress: ratio(registrations, previousYearEnrollment),
    target: targetOf(previousYearEnrollment),
    schoolsBehindTarget: listed.filter((s) => s.behindTarget).length,
    outOfSchoolChildren: counted.outOfSchoolChildren,
    outOfSchoolYouth: counted.outOfSchoolYouth,
    days: listDays(window, today, counted, previousYearEnrollment),
    divisions: sumBy(listed, 'divisionId'),
    regions: sumBy(listed, 'regionId'),
    schools: listed,
    outOfSchool: Object.values(OutOfSchoolCircumstance).map((circumstance) => ({
      circumstance,
      children: counted.byCircumstance.get(circumstance)?.children ?? 0,
      youth: counted.byCircumstance.get(circumstance)?.youth ?? 0,
    })),
  };
}

/** Lowest progress first; no progress to measure (nothing the year before) last. */
function byProgress(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * Laggards first: schools with no registration yet (the largest the year before first), then
 * the lowest progress, then schools with registrations but nothing to measure them against.
 */
export function worstFirst(a: SchoolProgress, b: SchoolProgress): number {
  const noneA = a.registrations === 0;
  const noneB = b.registrations === 0;
  if (noneA !== noneB) return noneA ? -1 : 1;
  if (noneA) return b.previousYearEnrollment - a.previousYearEnrollment || byName(a, b);
  return byProgress(a.progress, b.progress) || byName(a, b);
}

// One collator for every comparison: `localeCompare` builds one per call (0.7 s to sort the
// nation's schools).
const names = new Intl.Collator();

function byName(a: SchoolProgress, b: SchoolProgress): number {
  return names.compare(a.school.name, b.school.name) || a.school.id - b.school.id;
}
