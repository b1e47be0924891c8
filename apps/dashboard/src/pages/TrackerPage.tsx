import { useQuery } from '@apollo/client/react';
import { KpiCard } from '@repo/ui/KpiCard';
import { QueryState } from '@repo/ui/QueryState';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer, type Viewer } from '../features/auth/useViewer.js';
import { useSchoolYears } from '../features/filters/useReportFilters.js';
import { defaultReportYear, nextYear } from '../features/filters/reportFilters.js';
import { circumstanceLabel } from '../features/labels.js';
import { trackerPlacesQuery, trackerQuery } from '../features/tracker/tracker.query.js';
import { toDay } from '../features/tracker/trackerFormat.js';
import {
  DivisionsTable,
  OutOfSchoolTable,
  type Progress,
  SchoolsTable,
} from '../features/tracker/TrackerTables.js';

const TrackerCharts = lazy(() =>
  import('../features/tracker/TrackerCharts.js').then((m) => ({ default: m.TrackerCharts })),
);

/**
 * The early-registration tracker for division teams (SPEC §4.2, §5): registrations day by day
 * against last year, every school with the laggards first, OSC and OSY by circumstance.
 */
export function TrackerPage() {
  const { viewer, loading: signingIn } = useViewer();
  const [params, setParams] = useSearchParams();
  const tracker = useTracker(viewer, params);
  const { schoolYear, years, progress } = tracker;

  if (!viewer) {
    return (
      <>
        <h1>Early registration</h1>
        {signingIn ? null : <SignInPrompt what="the early-registration tracker" />}
      </>
    );
  }

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'region') next.delete('division');
    setParams(next);
  };
  const regionOptions = tracker.places.data?.regions ?? [];
  const chosenRegion = regionOptions.find((r) => r.id === (tracker.regionId ?? viewer.region?.id));
  const placeName =
    progress?.divisions.length === 1
      ? progress.divisions[0]!.division.name
      : (chosenRegion?.name ?? viewer.division?.name ?? 'your place');

  return (
    <>
      <h1>Early registration{schoolYear ? `, SY ${schoolYear}` : ''}</h1>
      <TrackerFilters
        tracker={tracker}
        regionOptions={regionOptions}
        chosenRegion={chosenRegion}
        onSet={set}
      />
      {tracker.needsPlace ? (
        <p className="empty-state">Choose a region or a division to track.</p>
      ) : null}
      {years.ready && !schoolYear ? (
        <p className="empty-state">No early registration has been recorded yet.</p>
      ) : null}
      <QueryState
        loading={(tracker.loading && !progress) || years.loading}
        error={tracker.error ?? years.error}
        onRetry={() => void (tracker.error ? tracker.refetch() : years.refetch())}
        what="early registration"
      />
      {progress ? (
        <TrackerProgress progress={progress} placeName={placeName} params={params} />
      ) : null}
    </>
  );
}

/**
 * The season and the place tracked: the year in the URL or the latest season; a division team its
 * own division, a region its own region unless it names a division, the nation a region or a
 * division it names (the API's rule).
 */
function useTracker(viewer: Viewer | null, params: URLSearchParams) {
  const years = useSchoolYears();
  // Early registration is for the coming year (§V.A): the season may be one year past the current.
  const schoolYear =
    params.get('sy') ??
    defaultReportYear(years.registered, years.current ? nextYear(years.current) : null);
  const isNational = viewer?.scopeKind === 'NATION';
  const isRegional = viewer?.scopeKind === 'REGION';
  const divisionId =
    viewer?.scopeKind === 'DIVISION' ? (viewer.division?.id ?? null) : params.get('division');
  const regionId = isRegional ? (viewer.region?.id ?? null) : params.get('region');
  const needsPlace = isNational && !divisionId && !regionId;
  const places = useQuery(trackerPlacesQuery, { skip: !viewer || !(isNational || isRegional) });
  const { data, previousData, loading, error, refetch } = useQuery(trackerQuery, {
    variables: { schoolYear: schoolYear ?? '', divisionId, regionId: divisionId ? null : regionId },
    skip: !viewer || !schoolYear || needsPlace,
  });
  const progress = (data ?? previousData)?.earlyRegistrationProgress;
  return {
    years,
    schoolYear,
    isNational,
    isRegional,
    divisionId,
    regionId,
    needsPlace,
    places,
    progress,
    loading,
    error,
    refetch,
  };
}
type Tracker = ReturnType<typeof useTracker>;
type Region = NonNullable<Tracker['places']['data']>['regions'][number];

/** The school year, and for the nation and regions the region and division tracked. */
function TrackerFilters({
  tracker: { schoolYear, years, isNational, isRegional, regionId, divisionId },
  regionOptions,
  chosenRegion,
  onSet,
}: {
  tracker: Tracker;
  regionOptions: Region[];
  chosenRegion: Region | undefined;
  onSet: (name: string, value: string) => void;
}) {
  return (
    <form
      className="filter-bar"
      aria-label="Tracker place and year"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="filter-bar__field">
        <label htmlFor="tracker-year">School year</label>
        <select
          id="tracker-year"
          value={schoolYear ?? ''}
          onChange={(e) => onSet('sy', e.target.value)}
        >
          {[...new Set([...years.registered, ...(schoolYear ? [schoolYear] : [])])]
            .sort()
            .map((year) => (
              <option key={year} value={year}>
                SY {year}
              </option>
            ))}
        </select>
      </div>
      {isNational ? (
        <div className="filter-bar__field">
          <label htmlFor="tracker-region">Region</label>
          <select
            id="tracker-region"
            value={regionId ?? ''}
            onChange={(e) => onSet('region', e.target.value)}
          >
            <option value="">Choose a region</option>
            {regionOptions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {(isNational || isRegional) && chosenRegion ? (
        <div className="filter-bar__field">
          <label htmlFor="tracker-division">Division</label>
          <select
            id="tracker-division"
            value={divisionId ?? ''}
            onChange={(e) => onSet('division', e.target.value)}
          >
            <option value="">All divisions of {chosenRegion.name}</option>
            {chosenRegion.divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </form>
  );
}

/** The season's window, its figures, the charts and the tables of the place tracked. */
function TrackerProgress({
  progress,
  placeName,
  params,
}: {
  progress: Progress;
  placeName: string;
  params: URLSearchParams;
}) {
  return (
    <>
      <p className="note">
        Window {toDay(progress.windowStart)} to {toDay(progress.windowEnd)}: incoming Kindergarten,
        Grade 1, Grade 7 and Grade 11 against last year’s enrollment in the same grades.
      </p>
      <div className="stat-cards">
        <KpiCard label="Registered" value={progress.registrations} />
        <KpiCard label="Last year, same grades" value={progress.previousYearEnrollment} />
        <KpiCard label="Progress" value={progress.progress ?? undefined} format="percent" />
        <KpiCard
          label="Schools without a registration"
          value={progress.divisions.reduce((sum, d) => sum + d.schoolsWithoutRegistration, 0)}
        />
        <KpiCard label="Out-of-school children" value={progress.outOfSchoolChildren} />
        <KpiCard label="Out-of-school youth" value={progress.outOfSchoolYouth} />
      </div>
      <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
        <TrackerCharts
          placeName={placeName}
          days={progress.days.map((d) => ({ label: toDay(d.date), value: d.cumulative }))}
          previousYearEnrollment={progress.previousYearEnrollment}
          outOfSchool={progress.outOfSchool
            .filter((o) => o.children + o.youth > 0)
            .map((o) => ({
              label: circumstanceLabel[o.circumstance],
              children: o.children,
              youth: o.youth,
            }))}
        />
      </Suspense>
      {progress.divisions.length > 1 ? (
        <DivisionsTable divisions={progress.divisions} params={params} />
      ) : null}
      <SchoolsTable schools={progress.schools} />
      <OutOfSchoolTable outOfSchool={progress.outOfSchool} />
    </>
  );
}
