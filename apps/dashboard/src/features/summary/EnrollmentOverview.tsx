import { useQuery } from '@apollo/client/react';
import { formatChange, formatIndex, formatPercent } from '@repo/ui/format';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { type Column, DataTable } from '@repo/ui/DataTable';
import { KpiCard } from '@repo/ui/KpiCard';
import { QueryState } from '@repo/ui/QueryState';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import { type Dimension } from '../../gql/graphql.js';
import { SignInPrompt } from '../auth/SignInPrompt.js';
import { isSignedIn } from '../auth/session.js';
import { useViewer } from '../auth/useViewer.js';
import { previousYear } from '../filters/reportFilters.js';
import { ReportFilterBar } from '../filters/ReportFilterBar.js';
import { useReportFilters } from '../filters/useReportFilters.js';
import { countColumn } from '../tables/textColumns.js';
import { YearTrend } from '../trend/YearTrend.js';
import { StatusTable } from './StatusTable.js';
import { overviewQuery } from './summary.query.js';
import {
  comparable,
  femaleShare,
  noLearners,
  toCategoryRows,
  toGradeRows,
  toSectorRows,
  toTotal,
  type Overview,
} from './summaryRows.js';

// recharts is the largest dependency: loaded after the figures, never in the initial bundle.
const SummaryCharts = lazy(() =>
  import('./SummaryCharts.js').then((m) => ({ default: m.SummaryCharts })),
);

export interface PlaceRow {
  id: string;
  name: string;
  href: string;
  schoolCount?: number;
}

export interface BelowLevel {
  dimension: Extract<Dimension, 'REGION' | 'DIVISION' | 'SCHOOL'>;
  /** "Region", "Division", "School". */
  noun: string;
  caption: string;
  /** The places of the level, from the directory; schools come from the summary itself. */
  places?: PlaceRow[];
  schoolHref?: (schoolId: string) => string;
}

export interface EnrollmentOverviewProps {
  place: { regionIds?: string[]; divisionIds?: string[]; schoolIds?: string[] };
  placeName: string;
  below?: BelowLevel;
  /** Learners by enrollment status and moves (a school's page). */
  showStatuses?: boolean;
  /** A map of the level below (issue 22), shown to the signed-in after the year-by-year trend. */
  map?: ReactNode;
}

interface BelowRow {
  id: string;
  name: string;
  href: string;
  schoolCount?: number;
  learners: number | null;
  male: number | null;
  female: number | null;
  genderParityIndex: number | null;
  change: number | null;
}

function toBelowRows(
  overview: Overview | undefined,
  below: BelowLevel,
  search: string,
): BelowRow[] {
  const rows = overview?.below ?? [];
  const keyOf = (r: (typeof rows)[number]) =>
    below.dimension === 'REGION'
      ? r.region?.id
      : below.dimension === 'DIVISION'
        ? r.division?.id
        : r.school?.id;
  const measures = new Map(rows.map((r) => [keyOf(r), r]));
  if (below.places) {
    return below.places.map((p) => {
      const m = measures.get(p.id) ?? noLearners;
      return { ...p, href: `${p.href}${search}`, ...pickMeasures(m) };
    });
  }
  return rows
    .filter((r) => r.school)
    .map((r) => ({
      id: r.school!.id,
      name: r.school!.name,
      href: `${below.schoolHref!(r.school!.schoolId)}${search}`,
      ...pickMeasures(r),
    }));
}

function pickMeasures(
  m: Omit<BelowRow, 'id' | 'name' | 'href' | 'change'> & {
    change: number | null;
    previousYearLearners: number | null;
  },
) {
  return {
    learners: m.learners,
    male: m.male,
    female: m.female,
    genderParityIndex: m.genderParityIndex,
    change: comparable(m),
  };
}

/**
 * One place's enrollment (SPEC §5): headline figures with the female share, gender parity index
 * and change on the year before; the level below; grades by sex; categories; sectors.
 */
export function EnrollmentOverview({
  place,
  placeName,
  below,
  showStatuses,
  map,
}: EnrollmentOverviewProps) {
  const { viewer, loading: signingIn } = useViewer();
  const report = useReportFilters();
  const schoolYear = report.filters.schoolYear;
  const { data, previousData, loading, error, refetch } = useQuery(overviewQuery, {
    variables: {
      filter: report.summaryFilter(place),
      below: below ? [below.dimension] : [],
      withBelow: Boolean(below),
    },
    skip: !isSignedIn() || !schoolYear,
  });
  const overview = data ?? previousData;

  if (!viewer && !signingIn) return <SignedOutOverview placeName={placeName} below={below} />;

  const total = overview ? toTotal(overview) : null;
  const learners = total?.learners ?? 0;
  const belowRows = below ? toBelowRows(overview, below, report.search) : [];
  const grades = overview ? toGradeRows(overview) : [];
  const categories = overview ? toCategoryRows(overview) : [];
  const versus = schoolYear ? `vs SY ${previousYear(schoolYear)}` : undefined;

  return (
    <>
      <DataAsOf asOf={overview?.total[0]?.asOf} />
      <ReportFilterBar report={report} />
      <QueryState
        loading={(loading && !overview) || report.years.loading}
        error={error ?? report.years.error}
        onRetry={() => void (error ? refetch() : report.years.refetch())}
        what="enrollment"
      />
      {report.years.ready && !schoolYear ? (
        <p className="empty-state">No enrollment has been recorded yet.</p>
      ) : null}
      <HeadlineCards total={total} schoolYear={schoolYear} loading={loading} versus={versus} />
      {isSignedIn() && report.years.ready ? (
        <YearTrend filter={report.summaryFilter(place)} placeName={placeName} />
      ) : null}
      {isSignedIn() && schoolYear ? map : null}
      {overview && learners === 0 ? (
        <p className="empty-state">No enrolled learner matches these filters.</p>
      ) : null}
      {overview && learners > 0 ? (
        <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
          <SummaryCharts
            placeName={placeName}
            below={
              below && below.dimension !== 'SCHOOL'
                ? { noun: below.noun, rows: belowRows.filter((r) => (r.learners ?? 0) > 0) }
                : undefined
            }
            grades={grades}
            categories={categories}
            sectors={toSectorRows(overview)}
          />
        </Suspense>
      ) : null}
      {below && overview ? <BelowTable below={below} rows={belowRows} versus={versus} /> : null}
      {showStatuses && total ? <StatusTable total={total} /> : null}
      {overview && learners > 0 ? (
        <GradeAndCategoryTables
          grades={grades}
          categories={categories}
          learners={learners}
          versus={versus}
        />
      ) : null}
    </>
  );
}

/** Signed out: the sign-in prompt, and the places below from the public directory. */
function SignedOutOverview({ placeName, below }: { placeName: string; below?: BelowLevel }) {
  return (
    <>
      <SignInPrompt what={`the enrollment of ${placeName}`} />
      {below?.places ? (
        <DataTable
          caption={below.caption}
          rows={below.places}
          rowKey={(p) => p.id}
          search={{ label: `Filter ${below.noun.toLowerCase()}s`, text: (p) => p.name }}
          columns={[
            {
              key: 'name',
              header: below.noun,
              value: (p) => p.name,
              render: (p, text) => <Link to={p.href}>{text}</Link>,
            },
            countColumn('schools', 'Schools', (p: PlaceRow) => p.schoolCount ?? null),
          ]}
        />
      ) : null}
    </>
  );
}

/** Learners with the change on the year before, female share, GPI, official and temporary. */
function HeadlineCards({
  total,
  schoolYear,
  loading,
  versus,
}: {
  total: ReturnType<typeof toTotal> | null;
  schoolYear: string | null | undefined;
  loading: boolean;
  versus: string | undefined;
}) {
  return (
    <div className="stat-cards" aria-busy={loading}>
      <KpiCard
        label="Learners"
        value={total ? (total.learners ?? undefined) : null}
        change={total ? comparable(total) : null}
        changeLabel={versus}
        hint={
          schoolYear
            ? `Enrolled, SY ${schoolYear}${total && !total.previousYearLearners ? `; no SY ${previousYear(schoolYear)} figures to compare` : ''}`
            : undefined
        }
      />
      <KpiCard label="Female share" value={total ? femaleShare(total) : null} format="percent" />
      <KpiCard
        label="Gender parity index"
        value={total ? (total.genderParityIndex ?? undefined) : null}
        format="index"
        hint="Females per male"
      />
      <KpiCard
        label="Officially enrolled"
        value={total ? (total.officiallyEnrolled ?? undefined) : null}
      />
      <KpiCard
        label="Temporarily enrolled"
        value={total ? (total.temporarilyEnrolled ?? undefined) : null}
        hint="Documents still due"
      />
    </div>
  );
}

/** The level below (regions, divisions or schools), each with its measures and a link. */
function BelowTable({
  below,
  rows,
  versus,
}: {
  below: BelowLevel;
  rows: BelowRow[];
  versus: string | undefined;
}) {
  return (
    <DataTable
      caption={below.caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={`No ${below.noun.toLowerCase()} has enrolled learners matching these filters.`}
      search={{ label: `Filter ${below.noun.toLowerCase()}s`, text: (r) => r.name }}
      columns={belowColumns(below, versus)}
    />
  );
}

function belowColumns(below: BelowLevel, versus: string | undefined): Column<BelowRow>[] {
  return [
    {
      key: 'name',
      header: below.noun,
      value: (r) => r.name,
      render: (r, text) => <Link to={r.href}>{text}</Link>,
    },
    countColumn('learners', 'Learners', (r) => r.learners),
    countColumn('male', 'Male', (r) => r.male),
    countColumn('female', 'Female', (r) => r.female),
    {
      key: 'share',
      header: 'Female share',
      numeric: true,
      value: (r) => femaleShare(r) ?? null,
      format: formatPercent,
    },
    {
      key: 'gpi',
      header: 'GPI',
      numeric: true,
      value: (r) => r.genderParityIndex,
      format: formatIndex,
    },
    {
      key: 'change',
      header: `Change ${versus ?? ''}`.trim(),
      numeric: true,
      value: (r) => r.change,
      format: formatChange,
    },
    ...(below.places
      ? [countColumn('schools', 'Schools', (r: BelowRow) => r.schoolCount ?? null)]
      : []),
  ];
}

type GradeRow = ReturnType<typeof toGradeRows>[number];
type CategoryRow = ReturnType<typeof toCategoryRows>[number];

/** Grade levels by sex beside the learner categories with their share and change. */
function GradeAndCategoryTables({
  grades,
  categories,
  learners,
  versus,
}: {
  grades: ReturnType<typeof toGradeRows>;
  categories: ReturnType<typeof toCategoryRows>;
  learners: number;
  versus: string | undefined;
}) {
  return (
    <div className="table-pair">
      <DataTable
        caption="Grade levels by sex"
        rows={grades}
        rowKey={(r) => r.key}
        columns={[
          { key: 'grade', header: 'Grade level', value: (r) => r.label, sortable: false },
          countColumn('male', 'Male', (r: GradeRow) => r.male),
          countColumn('female', 'Female', (r: GradeRow) => r.female),
          countColumn('learners', 'Learners', (r: GradeRow) => r.learners),
        ]}
      />
      <DataTable
        caption="Learner categories"
        rows={categories}
        rowKey={(r) => r.key}
        columns={[
          { key: 'category', header: 'Category', value: (r) => r.label },
          countColumn('learners', 'Learners', (r: CategoryRow) => r.learners),
          {
            key: 'share',
            header: 'Of all learners',
            numeric: true,
            value: (r) => (r.learners === null ? null : r.learners / learners),
            format: formatPercent,
          },
          {
            key: 'change',
            header: `Change ${versus ?? ''}`.trim(),
            numeric: true,
            value: (r) => r.change,
            format: formatChange,
          },
        ]}
      />
    </div>
  );
}
