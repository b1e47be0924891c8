import { useQuery } from '@apollo/client/react';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { DataTable } from '@repo/ui/DataTable';
import { formatIndex } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { type YearTrendSeries } from '@repo/ui/YearTrendChart';
import { lazy, Suspense } from 'react';
import { type EnrollmentSummaryFilter } from '../../gql/graphql.js';
import { countColumn } from '../tables/textColumns.js';
import { yearTrendQuery } from './yearTrend.query.js';
import { toYearRows, type YearRow } from './yearTrendRows.js';

// recharts stays out of the initial bundle (scripts/initial-js.js).
const YearTrendChart = lazy(() =>
  import('@repo/ui/YearTrendChart').then((m) => ({ default: m.YearTrendChart })),
);

const series: YearTrendSeries[] = [
  { key: 'learners', label: 'Learners', meaning: 'LEARNERS' },
  { key: 'female', label: 'Female', meaning: 'FEMALE' },
  { key: 'male', label: 'Male', meaning: 'MALE' },
  { key: 'genderParityIndex', label: 'Gender parity index', meaning: 'PARITY', axis: 'index' },
];

export interface YearTrendProps {
  /** The page's filter; its school year is dropped, so every year is asked. */
  filter: EnrollmentSummaryFilter;
  placeName: string;
}

/**
 * "Year by year" (issue 22): a place's learners, female, male and gender parity index for each
 * school year on record, as a line chart with the same figures in a table beside it.
 */
export function YearTrend({ filter, placeName }: YearTrendProps) {
  const { data, previousData, loading, error, refetch } = useQuery(yearTrendQuery, {
    variables: { filter: { ...filter, schoolYear: undefined } },
  });
  const answer = data ?? previousData;
  const rows = toYearRows(answer?.enrollmentSummary ?? []);
  return (
    <section className="year-trend" aria-labelledby="year-trend-heading">
      <h2 id="year-trend-heading">Year by year</h2>
      <DataAsOf asOf={answer?.enrollmentSummary[0]?.asOf} />
      <QueryState
        loading={loading && !answer}
        error={error}
        onRetry={() => void refetch()}
        what="the years"
      />
      {answer && rows.length === 0 ? (
        <p className="empty-state">No school year has enrolled learners matching these filters.</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-pair">
          <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
            <YearTrendChart
              title={`Learners of ${placeName} by school year`}
              description={`Lines of learners, female, male and the gender parity index of ${placeName} for each school year from ${rows[0]!.schoolYear} to ${rows.at(-1)!.schoolYear}; the figures are in the table beside.`}
              points={rows.map((r) => ({ label: r.schoolYear, ...r }))}
              series={series}
            />
          </Suspense>
          <DataTable
            caption={`${placeName}, year by year`}
            rows={rows}
            rowKey={(r) => r.schoolYear}
            pageSize={false}
            columns={[
              { key: 'year', header: 'School year', value: (r: YearRow) => r.schoolYear },
              countColumn('learners', 'Learners', (r: YearRow) => r.learners),
              countColumn('female', 'Female', (r: YearRow) => r.female),
              countColumn('male', 'Male', (r: YearRow) => r.male),
              {
                key: 'gpi',
                header: 'GPI',
                numeric: true,
                value: (r: YearRow) => r.genderParityIndex,
                format: formatIndex,
              },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
