import { policyDates, type SchoolCalendar } from '@repo/domain/school-year';

/**
 * The latest day from `from` to `to` that is not after today: today while the span is open, its
 * last day once it has passed; null while it is still to come.
 */
export function latestDayWithin(today: string, from: string, to: string): string | null {
  const day = today < to ? today : to;
  return day >= from ? day : null;
}

/** The last day an ALS learner may first attend: the year's cut-off, within classes (guide step 4). */
function lastAlsAttendance(calendar: SchoolCalendar): string {
  const cutoff = policyDates(calendar).alsFirstAttendanceCutoff;
  return cutoff && cutoff < calendar.closingDay ? cutoff : calendar.closingDay;
}

export interface DefaultDates {
  /** The date of enrollment at a school (§V.D): from early registration to the last day of classes. */
  enrolledOn: string;
  /** The date of enrollment in ALS: not after its first attendance, so not after the cut-off either. */
  alsEnrolledOn: string;
  /** First date of attendance in ALS: within classes, not after the cut-off; empty before classes. */
  alsFirstAttendance: string;
  /** Date of registration: within the early registration window (§V.A). */
  registeredOn: string;
  /**
   * A day of classes: the date of moving in (§V.E, the learner attends from that day), a first
   * attendance at a school (§V.B), the effectivity of a transfer to ALS or of dropping out.
   */
  classDay: string;
}

/**
 * The dates the enrollment screens start with, for the school year chosen, on any day of the year.
 * Every date records something that has happened, so none is after today (the API refuses it:
 * DATE_IN_FUTURE); each lies in the span its rule allows, so a path completes with the dates as
 * shown: today while the span is open, else its last day. After SY 2027-2028's ALS cut-off
 * (30 October 2027), ALS dates start on the cut-off: a first attendance not later than it and not
 * before the enrollment is then only possible with both on or before it. A span still to come
 * (a year chosen before it opens) has no such day: the default is today, and the rule it breaks is
 * shown by name.
 */
export function defaultDates(calendar: SchoolCalendar, today: string): DefaultDates {
  const dates = policyDates(calendar);
  const enrolledOn =
    latestDayWithin(today, dates.earlyRegistrationStart, calendar.closingDay) ?? today;
  const alsAttendance = latestDayWithin(today, calendar.openingDay, lastAlsAttendance(calendar));
  return {
    enrolledOn,
    alsEnrolledOn: alsAttendance ?? enrolledOn,
    alsFirstAttendance: alsAttendance ?? '',
    registeredOn:
      latestDayWithin(today, dates.earlyRegistrationStart, dates.earlyRegistrationEnd) ?? today,
    classDay: latestDayWithin(today, calendar.openingDay, calendar.closingDay) ?? today,
  };
}
