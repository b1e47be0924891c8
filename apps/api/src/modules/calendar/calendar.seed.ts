import { addDays, firstWeekdayOnOrAfter, weekday } from '@repo/domain/civil-date';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';

/**
 * School calendars as DepEd's orders set them, for the years the demo and the official data set
 * cover, and assumed ones through the year after today's. An administrator edits them afterwards (setSchoolCalendar); seeding never overwrites.
 * Holidays are left for the administrator: until entered, every weekday between opening and
 * closing counts, and the prescribed days are those weekdays.
 */
export const knownCalendars = [
  // DO 029, s. 2021 (the demo's and the benchmark's earlier years, issue 22).
  { schoolYear: '2021-2022', openingDay: '2021-09-13', closingDay: '2022-06-24' },
  // DO 034, s. 2022.
  { schoolYear: '2022-2023', openingDay: '2022-08-22', closingDay: '2023-07-07' },
  // DO 022, s. 2023.
  { schoolYear: '2023-2024', openingDay: '2023-08-29', closingDay: '2024-05-31' },
  // DO 009, s. 2024.
  { schoolYear: '2024-2025', openingDay: '2024-07-29', closingDay: '2025-04-15' },
  // DO 012, s. 2025.
  { schoolYear: '2025-2026', openingDay: '2025-06-16', closingDay: '2026-03-31' },
  // Not yet at hand: the same shape as 2025-2026, for the administrator to correct.
  { schoolYear: '2026-2027', openingDay: '2026-06-15', closingDay: '2027-03-31' },
  { schoolYear: '2027-2028', openingDay: '2027-06-14', closingDay: '2028-03-31' },
] as const;

const MONDAY = 1;

/**
 * A year no order has set yet: the shape of the last three (classes from the Monday on or after
 * 14 June to 31 March), for the administrator to correct. It keeps the system usable on any day:
 * the policy needs a calendar for the year under way and the next one's early registration.
 */
export function assumedCalendar(startYear: number) {
  return {
    schoolYear: `${startYear}-${startYear + 1}`,
    openingDay: firstWeekdayOnOrAfter(`${startYear}-06-14`, MONDAY),
    closingDay: `${startYear + 1}-03-31`,
  };
}

/** The known calendars, then assumed ones up to the school year after today's. */
export function calendarsThrough(today: string) {
  const lastStart = Number(today.slice(0, 4)) + 1;
  const rows: { schoolYear: string; openingDay: string; closingDay: string }[] = [
    ...knownCalendars,
  ];
  for (let start = 2028; start <= lastStart; start++) rows.push(assumedCalendar(start));
  return rows;
}

function weekdaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

export async function ensureSchoolCalendars(
  dataSource: DataSource,
  today = clock.today(),
): Promise<number> {
  const rows = calendarsThrough(today).map((c) => ({
    ...c,
    prescribedSchoolDays: weekdaysBetween(c.openingDay, c.closingDay),
    // The ALS guide's example cut-off (October 30), until the administrator sets the year's.
    alsFirstAttendanceCutoff: `${c.schoolYear.slice(0, 4)}-10-30`,
  }));
  const inserted = await dataSource.query<unknown[]>(
    `INSERT INTO school_calendar (school_year, opening_day, closing_day, prescribed_school_days,
                                  als_first_attendance_cutoff)
     SELECT * FROM unnest($1::varchar[], $2::date[], $3::date[], $4::smallint[], $5::date[])
     ON CONFLICT (school_year) DO NOTHING
     RETURNING school_year`,
    [
      rows.map((r) => r.schoolYear),
      rows.map((r) => r.openingDay),
      rows.map((r) => r.closingDay),
      rows.map((r) => r.prescribedSchoolDays),
      rows.map((r) => r.alsFirstAttendanceCutoff),
    ],
  );
  return inserted.length;
}
