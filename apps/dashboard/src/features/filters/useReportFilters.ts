import { useQuery } from '@apollo/client/react';
import { lastOpenedSchoolYear } from '@repo/domain/school-year';
import { useSearchParams } from 'react-router';
import { useToday } from '../../clock.js';
import { graphql } from '../../gql/index.js';
import { isSignedIn } from '../auth/session.js';
import {
  defaultReportYear,
  filterSearch,
  toFieldValues,
  toReportFilters,
  withFilter,
} from './reportFilters.js';

const SchoolYearsQuery = graphql(`
  query SchoolYears {
    enrollmentSummary(groupBy: [SCHOOL_YEAR]) {
      schoolYear
      learners
      preRegistered
    }
    schoolCalendars {
      schoolYear
      openingDay
      closingDay
    }
  }
`);

/** The school years that hold data: enrolled learners, or early registrations (the tracker's). */
export function useSchoolYears() {
  // Asked at once with the session, beside the viewer's own query rather than after it.
  const { data, loading, error, refetch } = useQuery(SchoolYearsQuery, { skip: !isSignedIn() });
  const today = useToday();
  const rows = [...(data?.enrollmentSummary ?? [])].sort((a, b) =>
    (a.schoolYear ?? '').localeCompare(b.schoolYear ?? ''),
  );
  const enrolled = rows.filter((r) => (r.learners ?? 0) > 0).map((r) => r.schoolYear!);
  const registered = rows.filter((r) => (r.preRegistered ?? 0) > 0).map((r) => r.schoolYear!);
  // Reports' "now": the year whose classes opened last, never the coming one in the summer.
  const current = lastOpenedSchoolYear(data?.schoolCalendars ?? [], today);
  return { enrolled, registered, current, loading, error, refetch, ready: Boolean(data) };
}

/**
 * The report filters of the URL, the school year defaulting to the latest with enrolled learners
 * up to the current one (`defaultReportYear`); changes push a history entry, so Back undoes them.
 */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const years = useSchoolYears();
  const fromUrl = toReportFilters(params);
  const schoolYear = fromUrl.schoolYear ?? defaultReportYear(years.enrolled, years.current);
  const filters = { ...fromUrl, schoolYear };
  const options = [...new Set([...years.enrolled, ...(schoolYear ? [schoolYear] : [])])].sort();
  return {
    filters,
    years,
    schoolYearOptions: options,
    fieldValues: toFieldValues(filters),
    setField: (name: string, values: string[]) => setParams(withFilter(params, name, values)),
    reset: () => setParams(new URLSearchParams(schoolYear ? { sy: schoolYear } : {})),
    /** Appended to drill-down links, so the filters follow the user down. */
    search: filterSearch(params),
    /** The filter of enrollmentSummary, for the place given. */
    summaryFilter: (place: {
      regionIds?: string[];
      divisionIds?: string[];
      schoolIds?: string[];
    }) => ({
      ...place,
      schoolYear,
      sectors: filters.sectors,
      gradeLevels: filters.gradeLevels,
      sexes: filters.sexes,
      categories: filters.categories,
    }),
  };
}
