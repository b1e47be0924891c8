import { shiftSchoolYear } from '@repo/domain/school-year';
import { useQuery } from '@apollo/client/react';
import { type Column, DataTable } from '@repo/ui/DataTable';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { formatCount, formatIndex } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { lazy, Suspense, useId } from 'react';
import { useSearchParams } from 'react-router';
import { type GradeLevel } from '../../gql/graphql.js';
import { isSignedIn } from '../auth/session.js';
import { useViewer } from '../auth/useViewer.js';
import { FilterChoice } from '../filters/FilterChoice.js';
import { gradeLabel } from '../labels.js';
import { countColumn } from '../tables/textColumns.js';
import {
  cohortGrades,
  defaultFlowGrade,
  type FlowRow,
  formatRate,
  type OutcomeRow,
  rateLabels,
  rateOf,
  type RateKey,
  toIndicatorRows,
  toOutcomeRows,
  toSankeyData,
} from './flowRows.js';
import { flowsByGradeQuery, flowYearsQuery } from './flows.queries.js';
import './flows.css';

// recharts is the largest dependency: loaded after the figures, never in the initial bundle.
const FlowSankey = lazy(() => import('./FlowSankey.js').then((m) => ({ default: m.FlowSankey })));

export interface LearnerFlowSectionProps {
  place: { regionIds?: string[]; divisionIds?: string[]; schoolIds?: string[] };
  placeName: string;
}

/** The section's choices, in the URL (`fsy`, `fgrade`) so a link keeps them and Back undoes them. */
function useFlowChoices(years: string[]) {
  const [params, setParams] = useSearchParams();
  const askedYear = params.get('fsy');
  const askedGrade = params.get('fgrade') as GradeLevel | null;
  const latest = years.at(-1) ?? null;
  const schoolYear = askedYear && years.includes(askedYear) ? askedYear : latest;
  const grade = askedGrade && cohortGrades.includes(askedGrade) ? askedGrade : defaultFlowGrade;
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { preventScrollReset: true });
  };
  return {
    schoolYear,
    grade,
    isLatest: schoolYear === latest,
    setYear: (value: string) => set('fsy', value),
    setGrade: (value: string) => set('fgrade', value),
  };
}

/**
 * Learner flows of a place (issue 22): where a grade's cohort is a year later, as a Sankey with
 * its table, and the flow indicators of every grade, counted by LRN (docs/indicators.md).
 */
export function LearnerFlowSection({ place, placeName }: LearnerFlowSectionProps) {
  const headingId = useId();
  const { viewer } = useViewer();
  const signedIn = isSignedIn() && Boolean(viewer);
  const yearsAnswer = useQuery(flowYearsQuery, { variables: { filter: place }, skip: !signedIn });
  const years = (yearsAnswer.data?.learnerFlows ?? [])
    .filter((r) => r.schoolYear && r.cohort > 0)
    .map((r) => r.schoolYear!)
    .sort();
  const choices = useFlowChoices(years);
  const { data, previousData, loading, error, refetch } = useQuery(flowsByGradeQuery, {
    variables: { filter: { ...place, schoolYear: choices.schoolYear } },
    skip: !signedIn || !choices.schoolYear,
  });
  if (!signedIn) return null;
  const rows = (data ?? previousData)?.learnerFlows ?? [];
  return (
    <section className="flows" aria-labelledby={headingId}>
      <h2 id={headingId}>Learner flows</h2>
      <DataAsOf asOf={rows[0]?.asOf} />
      <FlowChoices years={years} choices={choices} />
      <QueryState
        loading={(loading && rows.length === 0) || yearsAnswer.loading}
        error={error ?? yearsAnswer.error}
        onRetry={() => void (error ? refetch() : yearsAnswer.refetch())}
        what="learner flows"
      />
      {yearsAnswer.data && years.length === 0 ? (
        <p className="empty-state">
          No cohort of {placeName} can be followed yet: it needs learners in two consecutive school
          years.
        </p>
      ) : null}
      {choices.schoolYear && data ? (
        <>
          <FlowPicture
            row={rows.find((r) => r.gradeLevel === choices.grade)}
            grade={choices.grade}
            schoolYear={choices.schoolYear}
            isLatest={choices.isLatest}
            placeName={placeName}
          />
          <IndicatorTable rows={rows} schoolYear={choices.schoolYear} placeName={placeName} />
        </>
      ) : null}
    </section>
  );
}

function FlowChoices({
  years,
  choices,
}: {
  years: string[];
  choices: ReturnType<typeof useFlowChoices>;
}) {
  const id = useId();
  if (years.length === 0) return null;
  return (
    <div className="filter-bar" role="group" aria-label="Learner flow choices">
      <FilterChoice
        id={`${id}-year`}
        label="Cohort year"
        value={choices.schoolYear ?? ''}
        options={years.map((y) => ({ value: y, label: `SY ${y}` }))}
        onChange={choices.setYear}
      />
      <FilterChoice
        id={`${id}-grade`}
        label="Grade"
        value={choices.grade}
        options={cohortGrades.map((g) => ({ value: g, label: gradeLabel[g] }))}
        onChange={choices.setGrade}
      />
    </div>
  );
}

const nextYear = (year: string) => shiftSchoolYear(year, 1);

/** The Sankey of one grade's cohort beside its table; the moves as a note under it. */
function FlowPicture({
  row,
  grade,
  schoolYear,
  isLatest,
  placeName,
}: {
  row: FlowRow | undefined;
  grade: GradeLevel;
  schoolYear: string;
  isLatest: boolean;
  placeName: string;
}) {
  const name = gradeLabel[grade];
  const later = nextYear(schoolYear);
  const title = isLatest
    ? `Where last year's ${name} learners are this year`
    : `Where the ${name} learners of SY ${schoolYear} were in SY ${later}`;
  const cohort = row?.cohort ?? 0;
  const outcomeRows = toOutcomeRows(row);
  const kept = (row?.promoted ?? 0) + (row?.repeated ?? 0);
  return (
    <div className="flow-picture">
      <h3>{title}</h3>
      {cohort === 0 ? (
        <p className="empty-state">
          {placeName} had no {name} learners in SY {schoolYear}.
        </p>
      ) : (
        <div className="table-pair">
          <figure className="chart">
            <figcaption className="chart__title">{`${name}, SY ${schoolYear} → SY ${later}`}</figcaption>
            <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
              <FlowSankey
                title={title}
                description={`Flow diagram: the ${formatCount(cohort)} ${name} learners of ${placeName} in SY ${schoolYear}, by where the same LRN is in SY ${later}: ${outcomeRows
                  .filter((r) => r.kind === 'outcome' && r.count > 0)
                  .map((r) => `${r.label} ${formatCount(r.count)}`)
                  .join(', ')}. The table beside it holds the same figures.`}
                data={toSankeyData(row, `${name}, SY ${schoolYear}`)}
                cohort={cohort}
              />
            </Suspense>
            <p className="flow-note">
              Of the {formatCount(kept)} in the next or the same grade,{' '}
              {formatCount(row?.otherSchool ?? 0)} are at another school that could have kept them:
              a move, not a dropout.
            </p>
          </figure>
          <OutcomeTable
            rows={outcomeRows}
            caption={`${name} learners of SY ${schoolYear} in SY ${later}`}
          />
        </div>
      )}
    </div>
  );
}

function OutcomeTable({ rows, caption }: { rows: OutcomeRow[]; caption: string }) {
  const dress = (r: OutcomeRow, text: string) =>
    r.kind === 'total' ? <strong>{text}</strong> : r.kind === 'part' ? <em>{text}</em> : text;
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.key}
      pageSize={false}
      columns={[
        {
          key: 'outcome',
          header: 'Outcome',
          value: (r) => r.label,
          sortable: false,
          render: (r, text) =>
            r.kind === 'part' ? (
              <span className="flow-part">{dress(r, text)}</span>
            ) : (
              dress(r, text)
            ),
        },
        {
          ...countColumn('learners', 'Learners', (r: OutcomeRow) => r.count),
          sortable: false,
          render: dress,
        },
        {
          key: 'share',
          header: 'Share of the cohort',
          numeric: true,
          sortable: false,
          value: (r) => r.share,
          format: formatRate,
          render: dress,
        },
      ]}
    />
  );
}

type IndicatorRow = ReturnType<typeof toIndicatorRows>[number];

function indicatorColumns(): Column<IndicatorRow>[] {
  const keys = Object.keys(rateLabels) as RateKey[];
  return [
    { key: 'grade', header: 'Grade', value: (r) => r.label, sortable: false },
    countColumn('cohort', 'Cohort', (r: IndicatorRow) => r.cohort),
    ...keys.flatMap((key): Column<IndicatorRow>[] => [
      {
        key,
        header: rateLabels[key],
        numeric: true,
        value: (r) => rateOf(r, key),
        format: formatRate,
      },
      {
        key: `${key}Gpi`,
        header: `${rateLabels[key]} GPI`,
        numeric: true,
        value: (r) => rateOf(r, key, true),
        format: formatIndex,
      },
    ]),
  ];
}

/** Promotion, repetition, dropout, transition and completion by grade, each with its parity. */
function IndicatorTable({
  rows,
  schoolYear,
  placeName,
}: {
  rows: readonly FlowRow[];
  schoolYear: string;
  placeName: string;
}) {
  return (
    <DataTable
      caption={`Flow indicators by grade, ${placeName}, SY ${schoolYear} → SY ${nextYear(schoolYear)}`}
      rows={toIndicatorRows(rows)}
      rowKey={(r) => r.gradeLevel!}
      pageSize={false}
      empty="No learners to follow in this school year."
      columns={indicatorColumns()}
    />
  );
}
