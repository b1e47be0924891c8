import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type Dimension } from '@repo/domain/enums';
import { CategoryBarChart } from '@repo/ui/CategoryBarChart';
import { DataTable } from '@repo/ui/DataTable';
import { formatChange, formatIndex } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer } from '../features/auth/useViewer.js';
import { type ExploreRow, toExploreQuery } from '../features/explorer/exploreQuery.js';
import { rowLabel, toCsv } from '../features/explorer/exploreRows.js';
import { withFilter } from '../features/filters/reportFilters.js';
import { ReportFilterBar } from '../features/filters/ReportFilterBar.js';
import { useReportFilters } from '../features/filters/useReportFilters.js';
import { count } from '../features/summary/Count.js';
import { comparable } from '../features/summary/summaryRows.js';
import { dimensionLabel, dimensionOrder } from '../features/labels.js';

const chartLimit = 30;

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
  // The document that runs is parsed from the very text shown.
  const document = useMemo(() => gql(text), [text]);
  const { data, previousData, loading, error, refetch } = useQuery<{
    enrollmentSummary: ExploreRow[];
  }>(document, { skip: !viewer || !report.filters.schoolYear });
  const rows = useMemo(
    () =>
      [...((data ?? previousData)?.enrollmentSummary ?? [])].sort(
        (a, b) => (b.learners ?? -1) - (a.learners ?? -1),
      ),
    [data, previousData],
  );
  const [copied, setCopied] = useState(false);

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

  function download() {
    const blob = new Blob([toCsv(rows, dimensions)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = Object.assign(window.document.createElement('a'), {
      href: url,
      download: `enrollment-${dimensions.map((d) => d.toLowerCase()).join('-') || 'total'}-${report.filters.schoolYear ?? 'all'}.csv`,
    });
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <h1>Explore enrollment</h1>
      <ReportFilterBar report={report} />
      <fieldset className="dimension-picker">
        <legend>Group by</legend>
        {dimensionOrder.map((dimension) => (
          <label key={dimension} className="filter-bar__option">
            <input
              type="checkbox"
              checked={dimensions.includes(dimension)}
              onChange={() => toggleDimension(dimension)}
            />
            {dimensionLabel[dimension]}
          </label>
        ))}
      </fieldset>
      <QueryState
        loading={loading && !data}
        error={error}
        onRetry={() => void refetch()}
        what="the summary"
      />
      {data || previousData ? (
        <>
          <div className="toolbar">
            <button type="button" onClick={download} disabled={rows.length === 0}>
              Download CSV
            </button>
            <span className="note">{rows.length.toLocaleString('en-PH')} rows</span>
          </div>
          {rows.length > 0 ? (
            <CategoryBarChart
              title={
                rows.length > chartLimit
                  ? `Learners, the ${chartLimit} largest of ${rows.length.toLocaleString('en-PH')} groups`
                  : 'Learners by group'
              }
              description={`Learners for each combination of ${dimensions.map((d) => dimensionLabel[d].toLowerCase()).join(', ') || 'all'}.`}
              data={rows.slice(0, chartLimit).map((row) => ({
                label: rowLabel(row, dimensions),
                learners: row.learners ?? 0,
              }))}
              series={[{ key: 'learners', label: 'Learners' }]}
              horizontal
              labelWidth={220}
              height={Math.max(240, Math.min(rows.length, chartLimit) * 30)}
            />
          ) : null}
          <DataTable
            caption="Enrollment summary"
            rows={rows}
            rowKey={(row) => rowLabel(row, dimensions)}
            empty="No enrolled learner matches these filters."
            columns={[
              ...dimensions.map((dimension) => ({
                key: dimension,
                header: dimensionLabel[dimension],
                render: (row: ExploreRow) => rowLabel(row, [dimension]),
                sortValue: (row: ExploreRow) => rowLabel(row, [dimension]),
              })),
              {
                key: 'learners',
                header: 'Learners',
                numeric: true,
                render: (r: ExploreRow) => count(r.learners),
                sortValue: (r: ExploreRow) => r.learners,
              },
              {
                key: 'male',
                header: 'Male',
                numeric: true,
                render: (r: ExploreRow) => count(r.male),
                sortValue: (r: ExploreRow) => r.male,
              },
              {
                key: 'female',
                header: 'Female',
                numeric: true,
                render: (r: ExploreRow) => count(r.female),
                sortValue: (r: ExploreRow) => r.female,
              },
              {
                key: 'gpi',
                header: 'GPI',
                numeric: true,
                render: (r: ExploreRow) =>
                  r.genderParityIndex === null ? '—' : formatIndex(r.genderParityIndex),
                sortValue: (r: ExploreRow) => r.genderParityIndex,
              },
              {
                key: 'change',
                header: 'Change',
                numeric: true,
                render: (r: ExploreRow) => {
                  const change = comparable(r);
                  return change === null ? '—' : formatChange(change);
                },
                sortValue: (r: ExploreRow) => comparable(r),
              },
            ]}
          />
        </>
      ) : null}
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
    </>
  );
}
