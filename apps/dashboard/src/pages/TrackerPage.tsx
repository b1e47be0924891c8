import { DataAsOf } from '@repo/ui/DataAsOf';
import { formatCount } from '@repo/ui/format';
import { KpiCard } from '@repo/ui/KpiCard';
import { QueryState } from '@repo/ui/QueryState';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer, type Viewer } from '../features/auth/useViewer.js';
import { circumstanceLabel } from '../features/labels.js';
import { toDay } from '../features/tracker/trackerFormat.js';
import { TrackerFilters } from '../features/tracker/TrackerFilters.js';
import { TrackerSchools } from '../features/tracker/TrackerSchools.js';
import {
  DaysTable,
  DivisionsTable,
  OutOfSchoolTable,
  type Progress,
  RegionsTable,
} from '../features/tracker/TrackerTables.js';
import { type Tracker, type TrackerLevel, useTracker } from '../features/tracker/useTracker.js';

const TrackerCharts = lazy(() =>
  import('../features/tracker/TrackerCharts.js').then((m) => ({ default: m.TrackerCharts })),
);

/** The URL parameters a change of each one clears: what it narrowed no longer applies. */
const clearedBy: Record<string, string[]> = {
  region: ['division', 'district', 'show'],
  division: ['district', 'show'],
  district: ['show'],
};

/**
 * The early-registration tracker (SPEC §4.2, §5): registrations day by day against last year,
 * the nation's regions, a region's divisions (each with its subtotals, one click from its
 * schools), a division's schools with the laggards first, OSC and OSY by circumstance.
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
    for (const cleared of clearedBy[name] ?? []) next.delete(cleared);
    setParams(next);
  };
  const regionOptions = tracker.places.data?.regions ?? [];
  const chosenRegion = regionOptions.find((r) => r.id === (tracker.regionId ?? viewer.region?.id));

  return (
    <>
      <h1>Early registration{schoolYear ? `, SY ${schoolYear}` : ''}</h1>
      <DataAsOf asOf={progress?.asOf} />
      <TrackerFilters
        tracker={tracker}
        regionOptions={regionOptions}
        chosenRegion={chosenRegion}
        onSet={set}
      />
      {tracker.districtId ? <DistrictNote tracker={tracker} /> : null}
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
        <TrackerProgress
          progress={progress}
          level={tracker.level}
          placeName={placeNameOf(tracker, viewer, chosenRegion?.name)}
          params={params}
          onSet={set}
        />
      ) : null}
    </>
  );
}

/** What a district holds: the schools DepEd listed under it; the rest of the division has none. */
function DistrictNote({ tracker }: { tracker: Tracker }) {
  const onRecord = tracker.districts.reduce((sum, d) => sum + d.schoolCount, 0);
  const without = (tracker.divisionSchoolCount ?? onRecord) - onRecord;
  return (
    <p className="note">
      Districts as DepEd listed them for SY 2023-24.{' '}
      {without > 0
        ? `${formatCount(without)} schools of ${tracker.divisionName ?? 'the division'} have no district on record and show under all districts only.`
        : ''}
    </p>
  );
}

/** The name of the place tracked, as the headings and charts say it. */
function placeNameOf(tracker: Tracker, viewer: Viewer, regionName: string | undefined): string {
  const { level, progress, districtId, districts } = tracker;
  if (level === 'NATION') return 'the Philippines';
  if (level === 'REGION') return regionName ?? progress?.regions[0]?.region.name ?? 'the region';
  const division =
    tracker.divisionName ?? progress?.divisions[0]?.division.name ?? viewer.division?.name;
  const district = districts.find((d) => d.id === districtId)?.name;
  if (division) return district ? `${division}, ${district}` : division;
  return viewer.school?.name ?? 'your place';
}

/** The table one level down: the nation's regions, a region's divisions, or the schools. */
function PlacesSection({
  progress,
  level,
  placeName,
  params,
  onSet,
}: {
  progress: Progress;
  level: TrackerLevel;
  placeName: string;
  params: URLSearchParams;
  onSet: (name: string, value: string) => void;
}) {
  if (level === 'SCHOOLS') {
    if (!progress.schools) return null;
    const show = params.get('show') ?? '';
    const slug = placeName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return (
      <TrackerSchools
        schools={progress.schools}
        placeName={placeName}
        fileName={`schools-${slug}-${progress.schoolYear}${show === 'behind' ? '-behind-target' : ''}.csv`}
        show={show}
        onShow={(value) => onSet('show', value)}
      />
    );
  }
  return (
    <section aria-labelledby="tracker-places">
      <h2 id="tracker-places">{level === 'NATION' ? 'Regions' : `Divisions of ${placeName}`}</h2>
      {level === 'NATION' ? (
        <RegionsTable regions={progress.regions} params={params} />
      ) : (
        <DivisionsTable divisions={progress.divisions} params={params} />
      )}
    </section>
  );
}

/** The season's window, its figures, the charts and the tables of the place tracked. */
function TrackerProgress({
  progress,
  level,
  placeName,
  params,
  onSet,
}: {
  progress: Progress;
  level: TrackerLevel;
  placeName: string;
  params: URLSearchParams;
  onSet: (name: string, value: string) => void;
}) {
  return (
    <>
      <p className="note">
        Window {toDay(progress.windowStart)} to {toDay(progress.windowEnd)}: incoming Kindergarten,
        Grade 1, Grade 7 and Grade 11 against last year’s enrollment in the same grades.
      </p>
      <nav aria-label="On this page" className="toolbar">
        <a href={level === 'SCHOOLS' ? '#tracker-schools' : '#tracker-places'}>
          {level === 'NATION' ? 'Regions' : level === 'REGION' ? 'Divisions' : 'Schools'}
        </a>
        <a href="#tracker-days">By day</a>
        <a href="#tracker-out-of-school">Out-of-school children and youth</a>
      </nav>
      <TrackerFigures progress={progress} />
      <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
        <TrackerCharts
          placeName={placeName}
          days={progress.days.map((d) => ({
            label: toDay(d.date),
            registrations: d.registrations,
            cumulative: d.cumulative,
            previousYearCumulative: d.previousYearCumulative ?? null,
          }))}
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
      <PlacesSection
        progress={progress}
        level={level}
        placeName={placeName}
        params={params}
        onSet={onSet}
      />
      <div className="table-pair">
        <section aria-labelledby="tracker-days">
          <h2 id="tracker-days">Day by day</h2>
          <DaysTable days={progress.days} />
        </section>
        <section aria-labelledby="tracker-out-of-school">
          <h2 id="tracker-out-of-school">Out-of-school children and youth</h2>
          <OutOfSchoolTable outOfSchool={progress.outOfSchool} />
        </section>
      </div>
    </>
  );
}

/** The place's headline figures: its totals, of which the tables' rows are the parts. */
function TrackerFigures({ progress }: { progress: Progress }) {
  return (
    <div className="stat-cards">
      <KpiCard label="Registered" value={progress.registrations} />
      <KpiCard label="Last year, same grades" value={progress.previousYearEnrollment} />
      <KpiCard label="Progress" value={progress.progress ?? undefined} format="percent" />
      <KpiCard label="Target to date" value={progress.target} />
      <KpiCard
        label="Schools without a registration"
        value={progress.divisions.reduce((sum, d) => sum + d.schoolsWithoutRegistration, 0)}
      />
      <KpiCard label="Schools behind their target" value={progress.schoolsBehindTarget} />
      <KpiCard label="Out-of-school children" value={progress.outOfSchoolChildren} />
      <KpiCard label="Out-of-school youth" value={progress.outOfSchoolYouth} />
    </div>
  );
}
