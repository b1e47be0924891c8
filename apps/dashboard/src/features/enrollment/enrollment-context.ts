import { useQuery } from '@apollo/client/react';
import { currentSchoolYear, type SchoolCalendar } from '@repo/domain/school-year';
import { useToday } from '../../clock.js';
import { useViewer } from '../auth/useViewer.js';
import { OwnSchoolQuery, SchoolCalendarsQuery } from './enrollment.queries.js';
import { type EnrollSchoolCalendarsQuery } from '../../gql/graphql.js';

type CalendarRow = EnrollSchoolCalendarsQuery['schoolCalendars'][number];

/** The API's calendar as the domain reads it: the overridden dates become overrides again. */
export function toDomainCalendar(row: CalendarRow): SchoolCalendar {
  const overrides: Record<string, string | null> = {};
  for (const key of row.overridden) {
    overrides[key] = (row.policyDates as Record<string, string | null>)[key] ?? null;
  }
  return {
    schoolYear: row.schoolYear,
    openingDay: row.openingDay,
    closingDay: row.closingDay,
    prescribedSchoolDays: row.prescribedSchoolDays,
    nonSchoolDays: row.nonSchoolDays,
    overrides: {
      ...overrides,
      // The ALS cut-off has no rule of its own: it is always the administrator's date.
      alsFirstAttendanceCutoff: row.policyDates.alsFirstAttendanceCutoff ?? null,
    },
  };
}

/** A fresh idempotency key: a retried request then acts once (API `idempotencyKey`). */
export function newIdempotencyKey(): string {
  return `enroll-${crypto.randomUUID()}`;
}

/** The signed-in school account, its school and the calendars the screens check against. */
export function useEnrollmentContext() {
  const { viewer, loading: viewerLoading, error: viewerError, retry: viewerRetry } = useViewer();
  const schoolId = viewer?.school?.schoolId ?? null;
  const calendars = useQuery(SchoolCalendarsQuery, { skip: !viewer });
  const school = useQuery(OwnSchoolQuery, {
    variables: { schoolId: schoolId ?? '' },
    skip: !schoolId,
  });
  // The server's today: the day its checks judge against, whatever the browser's clock says.
  const today = useToday();
  const rows = calendars.data?.schoolCalendars ?? [];
  return {
    viewer,
    schoolId,
    school: school.data?.school ?? null,
    calendars: rows,
    calendarOf: (schoolYear: string) => {
      const row = rows.find((c) => c.schoolYear === schoolYear);
      return row ? toDomainCalendar(row) : null;
    },
    defaultSchoolYear: currentSchoolYear(rows, today),
    today,
    loading: viewerLoading || calendars.loading || school.loading,
    error: viewerError ?? calendars.error ?? school.error ?? null,
    retry: () => {
      // Without the account nothing else was asked: asking whose session it is comes first.
      if (!viewer) return viewerRetry();
      void calendars.refetch();
      if (schoolId) void school.refetch();
    },
  };
}
