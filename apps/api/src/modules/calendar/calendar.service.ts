import { type FieldError, toCivilDate } from '@repo/domain/learner-profile';
import {
  currentSchoolYear,
  parseSchoolYear,
  type PolicyDates,
  policyDates,
  type SchoolCalendar,
} from '@repo/domain/school-year';
import { type DataSource, type EntityManager } from 'typeorm';
import { badUserInput, fieldErrors, refused } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { SchoolCalendarType, type SchoolCalendarInput } from './calendar.type.js';
import { SchoolCalendarEntity } from './school-calendar.entity.js';

/** The override columns, by the policy date they replace. */
export const overrideColumns: Record<keyof PolicyDates, keyof SchoolCalendarEntity> = {
  earlyRegistrationStart: 'earlyRegistrationStart',
  earlyRegistrationEnd: 'earlyRegistrationEnd',
  ageCutoff: 'ageCutoff',
  documentDeadline: 'documentDeadline',
  transferWindowStart: 'transferWindowStart',
  transferWindowEnd: 'transferWindowEnd',
  quickCountStart: 'quickCountStart',
  quickCountEnd: 'quickCountEnd',
  alsFirstAttendanceCutoff: 'alsFirstAttendanceCutoff',
};

/**
 * A date of a date[] column: node-postgres turns array elements into Date objects at local
 * midnight, unlike plain date columns, which TypeORM leaves as text.
 */
function civilDateOf(value: string | Date): string {
  if (typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** The domain's calendar for a stored one: the policy's dates derive from it (SPEC §2). */
export function toSchoolCalendar(row: SchoolCalendarEntity): SchoolCalendar {
  const overrides: Partial<PolicyDates> = {};
  for (const [date, column] of Object.entries(overrideColumns)) {
    const value = row[column];
    if (typeof value === 'string') overrides[date as keyof PolicyDates] = value;
  }
  return {
    schoolYear: row.schoolYear,
    openingDay: row.openingDay,
    closingDay: row.closingDay,
    prescribedSchoolDays: row.prescribedSchoolDays,
    nonSchoolDays: (row.nonSchoolDays as (string | Date)[]).map(civilDateOf),
    overrides,
  };
}

export async function findCalendar(
  manager: EntityManager,
  schoolYear: string,
): Promise<SchoolCalendar | null> {
  const row = await manager.getRepository(SchoolCalendarEntity).findOneBy({ schoolYear });
  return row ? toSchoolCalendar(row) : null;
}

/** The school year of a day (domain `currentSchoolYear`), or null when no calendar is set. */
export async function currentSchoolYearOf(
  manager: EntityManager,
  today: string,
): Promise<string | null> {
  const rows = await manager.getRepository(SchoolCalendarEntity).find({
    select: { schoolYear: true, openingDay: true, closingDay: true },
  });
  return currentSchoolYear(rows, today);
}

/**
 * An administrator sets a school year's calendar (SPEC §1, §2). A change names the version it
 * read: a stale one is refused. Every date is checked and the change recorded.
 */
export async function setSchoolCalendar(
  dataSource: DataSource,
  viewer: Viewer,
  input: SchoolCalendarInput,
): Promise<SchoolCalendarEntity> {
  const errors: FieldError[] = [];
  const year = parseSchoolYear(input.schoolYear);
  if (!year) errors.push({ field: 'schoolYear', code: 'SCHOOL_YEAR_INVALID' });
  const date = (field: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && !toCivilDate(value))
      errors.push({ field, code: 'DATE_INVALID' });
  };
  date('openingDay', input.openingDay);
  date('closingDay', input.closingDay);
  input.nonSchoolDays.forEach((d, i) => date(`nonSchoolDays.${i}`, d));
  for (const key of Object.keys(overrideColumns) as (keyof PolicyDates)[])
    date(`overrides.${key}`, input.overrides?.[key]);
  if (errors.length === 0) {
    if (input.closingDay <= input.openingDay)
      errors.push({ field: 'closingDay', code: 'NOT_AFTER_OPENING' });
    if (year && !input.openingDay.startsWith(String(year.startYear)))
      errors.push({ field: 'openingDay', code: 'NOT_IN_FIRST_YEAR' });
    if (input.nonSchoolDays.some((d) => d < input.openingDay || d > input.closingDay))
      errors.push({ field: 'nonSchoolDays', code: 'OUTSIDE_SCHOOL_YEAR' });
  }
  if (
    !Number.isInteger(input.prescribedSchoolDays) ||
    input.prescribedSchoolDays < 1 ||
    input.prescribedSchoolDays > 366
  )
    errors.push({ field: 'prescribedSchoolDays', code: 'DAYS_RANGE' });
  if (errors.length > 0) throw fieldErrors(errors);

  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(SchoolCalendarEntity);
    const before = await repository.findOne({
      where: { schoolYear: input.schoolYear },
      lock: { mode: 'pessimistic_write' },
    });
    if (before && before.version !== input.version) {
      throw refused('STALE_UPDATE', 'The calendar changed since you read it: reload', {
        field: 'input.version',
        currentVersion: before.version,
      });
    }
    if (!before && input.version) {
      throw badUserInput(
        'input.version',
        'CALENDAR_NOT_FOUND',
        'No calendar of that year to change',
      );
    }
    const values: Partial<SchoolCalendarEntity> = {
      schoolYear: input.schoolYear,
      openingDay: input.openingDay,
      closingDay: input.closingDay,
      prescribedSchoolDays: input.prescribedSchoolDays,
      nonSchoolDays: [...new Set(input.nonSchoolDays)].sort(),
      updatedBy: viewer.accountId,
    };
    for (const [key, column] of Object.entries(overrideColumns))
      (values as Record<string, unknown>)[column] =
        input.overrides?.[key as keyof PolicyDates] ?? null;
    const saved = await repository.save(before ? { ...before, ...values } : values);
    await audit(manager, viewer, {
      action: before ? 'CALENDAR_CHANGED' : 'CALENDAR_CREATED',
      entity: 'school_calendar',
      entityId: input.schoolYear,
      before: before ? { ...before } : null,
      after: { ...values },
    });
    return repository.findOneByOrFail({ schoolYear: saved.schoolYear });
  });
}

export function toCalendarType(row: SchoolCalendarEntity): SchoolCalendarType {
  const calendar = toSchoolCalendar(row);
  return Object.assign(new SchoolCalendarType(), {
    schoolYear: row.schoolYear,
    openingDay: row.openingDay,
    closingDay: row.closingDay,
    prescribedSchoolDays: row.prescribedSchoolDays,
    nonSchoolDays: [...calendar.nonSchoolDays],
    policyDates: policyDates(calendar),
    overridden: Object.keys(calendar.overrides ?? {}),
    version: row.version,
  });
}
