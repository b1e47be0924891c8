import { useQuery } from '@apollo/client/react';
import { DataTable } from '@repo/ui/DataTable';
import { formatPercent } from '@repo/ui/format';
import { KpiCard } from '@repo/ui/KpiCard';
import { QueryState } from '@repo/ui/QueryState';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { routes } from '../routes.js';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer } from '../features/auth/useViewer.js';
import { useSchoolYears } from '../features/filters/useReportFilters.js';
import { defaultReportYear, nextYear } from '../features/filters/reportFilters.js';
import { circumstanceLabel } from '../features/labels.js';
import { trackerPlacesQuery, trackerQuery } from '../features/tracker/tracker.query.js';

const TrackerCharts = lazy(() =>
  import('../features/tracker/TrackerCharts.js').then((m) => ({ default: m.TrackerCharts })),
);

const dayFormat = new Intl.DateTimeFormat('en-PH', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const toDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));
const progressText = (progress: number | null | undefined) =>
  progress === null || progress === undefined ? '—' : formatPercent(progress);

/**
 * The early-registration tracker for division teams (SPEC §4.2, §5): registrations day by day
 * against last year, every school with the laggards first, OSC and OSY by circumstance.
 */
export function TrackerPage() {
  const { viewer, loading: signingIn } = useViewer();
  const [params, setParams] = useSearchParams();
  const years = useSchoolYears();
  // Early registration is for the coming year (§V.A): the season may be one year past the current.
  const schoolYear =
    params.get('sy') ??
    defaultReportYear(years.registered, years.current ? nextYear(years.current) : null);
  const isNational = viewer?.scopeKind === 'NATION';
  const isRegional = viewer?.scopeKind === 'REGION';
  // A division team reads its own division; a region its own region unless it names a division;
  // the nation must name a region or a division (the API's rule).
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
  const regionOptions = places.data?.regions ?? [];
  const chosenRegion = regionOptions.find((r) => r.id === (regionId ?? viewer.region?.id));
  const placeName =
    progress?.divisions.length === 1
      ? progress.divisions[0]!.division.name
      : (chosenRegion?.name ?? viewer.division?.name ?? 'your place');

  return (
    <>
      <h1>Early registration{schoolYear ? `, SY ${schoolYear}` : ''}</h1>
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
            onChange={(e) => set('sy', e.target.value)}
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
              onChange={(e) => set('region', e.target.value)}
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
              onChange={(e) => set('division', e.target.value)}
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
      {needsPlace ? <p className="empty-state">Choose a region or a division to track.</p> : null}
      {years.ready && !schoolYear ? (
        <p className="empty-state">No early registration has been recorded yet.</p>
      ) : null}
      <QueryState
        loading={(loading && !progress) || years.loading}
        error={error ?? years.error}
        onRetry={() => void (error ? refetch() : years.refetch())}
        what="early registration"
      />
      {progress ? (
        <>
          <p className="note">
            Window {toDay(progress.windowStart)} to {toDay(progress.windowEnd)}: incoming
            Kindergarten, Grade 1, Grade 7 and Grade 11 against last year’s enrollment in the same
            grades.
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
            <DataTable
              caption="Divisions, lowest progress first"
              rows={progress.divisions}
              rowKey={(d) => d.division.id}
              columns={[
                {
                  key: 'division',
                  header: 'Division',
                  render: (d) => (
                    <Link
                      to={`?${new URLSearchParams({ ...Object.fromEntries(params), division: d.division.id }).toString()}`}
                    >
                      {d.division.name}
                    </Link>
                  ),
                  sortValue: (d) => d.division.name,
                },
                {
                  key: 'registered',
                  header: 'Registered',
                  numeric: true,
                  render: (d) => d.registrations,
                  sortValue: (d) => d.registrations,
                },
                {
                  key: 'previous',
                  header: 'Last year',
                  numeric: true,
                  render: (d) => d.previousYearEnrollment,
                  sortValue: (d) => d.previousYearEnrollment,
                },
                {
                  key: 'progress',
                  header: 'Progress',
                  numeric: true,
                  render: (d) => progressText(d.progress),
                  sortValue: (d) => d.progress ?? null,
                },
                {
                  key: 'without',
                  header: 'Schools without a registration',
                  numeric: true,
                  render: (d) => d.schoolsWithoutRegistration,
                  sortValue: (d) => d.schoolsWithoutRegistration,
                },
              ]}
            />
          ) : null}
          <DataTable
            caption="Schools, laggards first"
            rows={progress.schools}
            rowKey={(s) => s.school.id}
            empty="No school offers an early-registration grade here."
            search={{
              label: 'Find a school',
              text: (s) => `${s.school.name} ${s.school.schoolId}`,
            }}
            columns={[
              {
                key: 'school',
                header: 'School',
                render: (s) => <Link to={routes.school(s.school.schoolId)}>{s.school.name}</Link>,
                sortValue: (s) => s.school.name,
              },
              {
                key: 'registered',
                header: 'Registered',
                numeric: true,
                render: (s) => s.registrations,
                sortValue: (s) => s.registrations,
              },
              {
                key: 'previous',
                header: 'Last year',
                numeric: true,
                render: (s) => s.previousYearEnrollment,
                sortValue: (s) => s.previousYearEnrollment,
              },
              {
                key: 'progress',
                header: 'Progress',
                numeric: true,
                render: (s) => (
                  <span className="progress-cell">
                    <span className="progress-bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, (s.progress ?? 0) * 100)}%` }} />
                    </span>
                    {progressText(s.progress)}
                  </span>
                ),
                sortValue: (s) => s.progress ?? null,
              },
              {
                key: 'last',
                header: 'Last registration',
                render: (s) => (s.lastRegistrationOn ? toDay(s.lastRegistrationOn) : 'None yet'),
                sortValue: (s) => s.lastRegistrationOn,
              },
            ]}
          />
          <DataTable
            caption="Out-of-school children and youth by circumstance"
            rows={progress.outOfSchool}
            rowKey={(o) => o.circumstance}
            columns={[
              {
                key: 'circumstance',
                header: 'Circumstance',
                render: (o) => circumstanceLabel[o.circumstance],
              },
              {
                key: 'children',
                header: 'Children (OSC)',
                numeric: true,
                render: (o) => o.children,
              },
              { key: 'youth', header: 'Youth (OSY)', numeric: true, render: (o) => o.youth },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
