import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type Dimension } from '@repo/domain/enums';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { DataTable } from '@repo/ui/DataTable';
import { formatCountOf } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { RankedBars } from '@repo/ui/RankedBars';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer } from '../features/auth/useViewer.js';
import { type ExploreRow, toExploreQuery } from '../features/explorer/exploreQuery.js';
import { exploreColumns } from '../features/explorer/exploreColumns.js';
import { rowLabel } from '../features/explorer/exploreRows.js';
import { withFilter } from '../features/filters/reportFilters.js';
import { ReportFilterBar } from '../features/filters/ReportFilterBar.js';
import { useReportFilters } from '../features/filters/useReportFilters.js';
import { saveCsv } from '../features/tables/textColumns.js';
import { YearTrend } from '../features/trend/YearTrend.js';
import { dimensionLabel, dimensionOrder } from '../features/labels.js';

const chartLimit = 15;

/** The explorer's place: the account's scope, which the API holds every answer to. */
function scopeName(viewer: NonNullable<ReturnType<typeof useViewer>['viewer']>): string {
  return viewer.school?.name ?? viewer.division?.name ?? viewer.region?.name ?? 'the Philippines';
}

function readDimensions(params: URLSearchParams): Dimension[] {
  const wanted = new Set((params.get('dims') ?? 'REGION').split(','));
  return dimensionOrder.filter((d) => wanted.has(d));
}

/**
 * The analyst's free aggregate query (SPEC §5): dimensions and filters in the URL, a table, a
 * chart, the CSV, and the GraphQL text that produced them.
 */
export function ExplorerPage() {
  const { viewer, loading: signingIn } = useViewer();
  const [params, setParams] = useSearchParams();
  const report = useReportFilters();
  const dimensions = readDimensions(params);
  const text = toExploreQuery(dimensions, report.filters);
  const { data, previousData, loading, error, refetch, rows } = useExploreRows(
    text,
    !viewer || !report.filters.schoolYear,
  );

  if (!viewer) {
    return (
      <>
        <h1>Explore enrollment</h1>
        {signingIn ? null : <SignInPrompt what="the explorer" />}
      </>
    );
  }

  function toggleDimension(dimension: Dimension) {
    const next = dimensions.includes(dimension)
      ? dimensions.filter((d) => d !== dimension)
      : dimensionOrder.filter((d) => d === dimension || dimensions.includes(d));
    const search = withFilter(params, 'dims', next);
    if (next.length === 0) search.set('dims', '');
    setParams(search);
  }

  return (
    <>
      <h1>Explore enrollment</h1>
      <DataAsOf asOf={rows[0]?.asOf} />
      <ReportFilterBar report={report} />
      <DimensionPicker dimensions={dimensions} onToggle={toggleDimension} />
      <QueryState
        loading={loading && !data}
        error={error}
        onRetry={() => void refetch()}
        what="the summary"
      />
      {data || previousData ? (
        <ExploreResults
          rows={rows}
          dimensions={dimensions}
          schoolYear={report.filters.schoolYear}
        />
      ) : null}
      {report.years.ready ? (
        <YearTrend filter={report.summaryFilter({})} placeName={scopeName(viewer)} />
      ) : null}
      <QueryText text={text} />
    </>
  );
}

/** The rows of the query text, largest first; the last answer stays while the next loads. */
function useExploreRows(text: string, skip: boolean) {
  // The document that runs is parsed from the very text shown.
  const document = useMemo(() => gql(text), [text]);
  const result = useQuery<{ enrollmentSummary: ExploreRow[] }>(document, { skip });
  const { data, previousData } = result;
  const rows = useMemo(
    () =>
      [...((data ?? previousData)?.enrollmentSummary ?? [])].sort(
        (a, b) => (b.learners ?? -1) - (a.learners ?? -1),
      ),
    [data, previousData],
  );
  return { ...result, rows };
}

function DimensionPicker({
  dimensions,
  onToggle,
}: {
  dimensions: Dimension[];
  onToggle: (dimension: Dimension) => void;
}) {
  return (
    <fieldset className="dimension-picker">
      <legend>Group by</legend>
      {dimensionOrder.map((dimension) => (
        <label key={dimension} className="filter-bar__option">
          <input
            type="checkbox"
            checked={dimensions.includes(dimension)}
            onChange={() => onToggle(dimension)}
          />
          {dimensionLabel[dimension]}
        </label>
      ))}
    </fieldset>
  );
}

/** A chart of the largest groups, then the table of all of them and its CSV. */
function ExploreResults({
  rows,
  dimensions,
  schoolYear,
}: {
  rows: ExploreRow[];
  dimensions: Dimension[];
  schoolYear: string | null | undefined;
}) {
  const fileName = `enrollment-${dimensions.map((d) => d.toLowerCase()).join('-') || 'total'}-${schoolYear ?? 'all'}.csv`;
  return (
    <>
      {rows.length > 0 ? <ExploreChart rows={rows} dimensions={dimensions} /> : null}
      <DataTable
        caption="Enrollment summary"
        rows={rows}
        rowKey={(row) => rowLabel(row, dimensions)}
        empty="No enrolled learner matches these filters."
        columns={exploreColumns(dimensions)}
        initialSort={{ key: 'learners', direction: 'descending' }}
        onDownload={saveCsv(fileName)}
      />
    </>
  );
}

/**
 * The largest groups by learners, one line each: with a school's worth of groups (1,339 in CAR)
 * a bar for every group drew their labels over each other (issue 21); the table holds them all.
 */
function ExploreChart({ rows, dimensions }: { rows: ExploreRow[]; dimensions: Dimension[] }) {
  const groups = formatCountOf(rows.length, 'group');
  return (
    <RankedBars
      title={`Learners by ${dimensions.map((d) => dimensionLabel[d].toLowerCase()).join(', ') || 'group'}`}
      note={
        rows.length > chartLimit
          ? `Top ${chartLimit} of ${groups} by learners; all in the table below.`
          : `${groups}, largest first.`
      }
      bars={rows.slice(0, chartLimit).map((row) => ({
        label: rowLabel(row, dimensions),
        value: row.learners ?? 0,
      }))}
    />
  );
}

/** The GraphQL text that produced the table, to run elsewhere with one's token. */
function QueryText({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="query-heading" className="query-text">
      <h2 id="query-heading">The GraphQL query</h2>
      <p className="note">
        POST it to <code>/graphql</code> with your <code>Authorization: Bearer</code> token.
      </p>
      <pre tabIndex={0} aria-label="GraphQL query">
        <code>{text}</code>
      </pre>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy query
      </button>
      <span role="status" className="note">
        {copied ? ' Copied.' : ''}
      </span>
    </section>
  );
}
