import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { type Viewer } from '../auth/useViewer.js';
import { defaultReportYear, nextYear } from '../filters/reportFilters.js';
import { useSchoolYears } from '../filters/useReportFilters.js';
import { divisionDistrictsQuery, trackerPlacesQuery, trackerQuery } from './tracker.query.js';

/** What the tracker lists: the nation's regions, a region's divisions, or schools. */
export type TrackerLevel = 'NATION' | 'REGION' | 'SCHOOLS';

/**
 * The season and the place tracked: the year in the URL or the latest season; a division team its
 * own division, a region its own region unless it names a division, the nation the whole country
 * unless it names a region or a division (the API's rule); within a division, one district.
 */
export function useTracker(viewer: Viewer | null, params: URLSearchParams) {
  const years = useSchoolYears();
  // Early registration is for the coming year (§V.A): the season may be one year past the current.
  const schoolYear =
    params.get('sy') ??
    defaultReportYear(years.registered, years.current ? nextYear(years.current) : null);
  const scopeKind = viewer?.scopeKind;
  const isNational = scopeKind === 'NATION';
  const isRegional = scopeKind === 'REGION';
  const divisionId =
    scopeKind === 'DIVISION' ? (viewer?.division?.id ?? null) : params.get('division');
  const regionId = isRegional ? (viewer?.region?.id ?? null) : params.get('region');
  const level: TrackerLevel =
    divisionId || scopeKind === 'DIVISION' || scopeKind === 'SCHOOL'
      ? 'SCHOOLS'
      : regionId
        ? 'REGION'
        : 'NATION';
  const districtId = divisionId ? params.get('district') : null;
  const places = useQuery(trackerPlacesQuery, { skip: !viewer || !(isNational || isRegional) });
  const districts = useQuery(divisionDistrictsQuery, {
    variables: { divisionId: divisionId ?? '' },
    skip: !viewer || !divisionId,
  });
  const { data, previousData, loading, error, refetch } = useQuery(trackerQuery, {
    variables: {
      schoolYear: schoolYear ?? '',
      divisionId,
      regionId: divisionId ? null : regionId,
      districtId,
      withSchools: level === 'SCHOOLS',
    },
    skip: !viewer || !schoolYear,
  });
  // While another season loads, the answer before stays on screen; never another place's: a
  // region's divisions table must not list the nation's divisions while CAR's load. Apollo's
  // previousData does not say what it answered, so the place of the last answer is kept.
  const place = `${level} ${regionId ?? ''} ${divisionId ?? ''} ${districtId ?? ''}`;
  const [answered, setAnswered] = useState(place);
  if (data && answered !== place) setAnswered(place);
  const progress = (data ?? (answered === place ? previousData : undefined))
    ?.earlyRegistrationProgress;
  return {
    years,
    schoolYear,
    isNational,
    isRegional,
    level,
    divisionId,
    regionId,
    districtId,
    places,
    districts: districts.data?.division?.districts ?? [],
    divisionName: districts.data?.division?.name ?? null,
    divisionSchoolCount: districts.data?.division?.schoolCount ?? null,
    progress,
    loading,
    error,
    refetch,
  };
}
export type Tracker = ReturnType<typeof useTracker>;
