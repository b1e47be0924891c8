import { type Column, DataTable } from '@repo/ui/DataTable';
import { Link } from 'react-router';
import { type EarlyRegistrationTrackerQuery } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { circumstanceLabel } from '../labels.js';
import { countColumn } from '../tables/textColumns.js';
import { progressText, toDay } from './trackerFormat.js';

export type Progress = NonNullable<EarlyRegistrationTrackerQuery['earlyRegistrationProgress']>;
export type TrackedSchool = NonNullable<Progress['schools']>[number];
type Subtotal = Omit<Progress['divisions'][number], 'division'>;

/*
 * The tracker's tables stay whole, not paged (issue 21 keeps their behaviour): a division's schools
 * are its working list, narrowed by "Show" and "Find a school", and a region's divisions are few.
 */

/** A place's subtotals: the columns of the regions' and the divisions' tables. */
function subtotalColumns<Row extends Subtotal>(
  noun: string,
  name: (row: Row) => string,
  href: (row: Row) => string,
): Column<Row>[] {
  return [
    {
      key: 'place',
      header: noun,
      value: name,
      render: (row, text) => <Link to={href(row)}>{text}</Link>,
    },
    countColumn('schools', 'Schools', (r) => r.schools),
    countColumn('registered', 'Registered', (r) => r.registrations),
    countColumn('previous', 'Last year', (r) => r.previousYearEnrollment),
    {
      key: 'progress',
      header: 'Progress',
      numeric: true,
      value: (r) => progressText(r.progress),
      sortValue: (r) => r.progress ?? null,
    },
    countColumn('without', 'Schools without a registration', (r) => r.schoolsWithoutRegistration),
    countColumn('behind', 'Schools behind their target', (r) => r.schoolsBehindTarget),
  ];
}

/** The link one level deeper: the same tracker with the place added to its URL. */
const deeper = (params: URLSearchParams, name: 'region' | 'division', id: string) => {
  const next = new URLSearchParams(params);
  next.set(name, id);
  if (name === 'region') next.delete('division');
  for (const narrower of ['district', 'show']) next.delete(narrower);
  return `?${next.toString()}`;
};

/** The nation's regions with their subtotals, lowest progress first; each opens its divisions. */
export function RegionsTable({
  regions,
  params,
}: {
  regions: Progress['regions'];
  params: URLSearchParams;
}) {
  return (
    <DataTable
      pageSize={false}
      caption="Regions, lowest progress first"
      rows={regions}
      rowKey={(r) => r.region.id}
      columns={subtotalColumns<Progress['regions'][number]>(
        'Region',
        (r) => r.region.name,
        (r) => deeper(params, 'region', r.region.id),
      )}
    />
  );
}

/** A region's divisions with their subtotals, lowest progress first; each opens its schools. */
export function DivisionsTable({
  divisions,
  params,
}: {
  divisions: Progress['divisions'];
  params: URLSearchParams;
}) {
  return (
    <DataTable
      pageSize={false}
      caption="Divisions, lowest progress first"
      rows={divisions}
      rowKey={(d) => d.division.id}
      columns={subtotalColumns<Progress['divisions'][number]>(
        'Division',
        (d) => d.division.name,
        (d) => deeper(params, 'division', d.division.id),
      )}
    />
  );
}

/** The columns of the schools' table and of its CSV. */
const schoolColumns: Column<TrackedSchool>[] = [
  {
    key: 'school',
    header: 'School',
    value: (s) => s.school.name,
    render: (s, text) => <Link to={routes.school(s.school.schoolId)}>{text}</Link>,
  },
  countColumn('registered', 'Registered', (s) => s.registrations),
  countColumn('previous', 'Last year', (s) => s.previousYearEnrollment),
  countColumn('target', 'Target to date', (s) => s.target),
  {
    key: 'progress',
    header: 'Progress',
    numeric: true,
    value: (s) => progressText(s.progress),
    render: (s, text) => (
      <span className="progress-cell">
        <span className="progress-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (s.progress ?? 0) * 100)}%` }} />
        </span>
        {text}
      </span>
    ),
    sortValue: (s) => s.progress ?? null,
  },
  {
    key: 'last',
    header: 'Last registration',
    value: (s) => (s.lastRegistrationOn ? toDay(s.lastRegistrationOn) : 'None yet'),
    sortValue: (s) => s.lastRegistrationOn,
  },
  {
    key: 'district',
    header: 'District',
    value: (s) => s.school.district?.name ?? null,
  },
];

/** The schools given, laggards first as the API orders them. */
export function SchoolsTable({
  schools,
  onDownload,
}: {
  schools: TrackedSchool[];
  onDownload?: (table: string[][]) => void;
}) {
  return (
    <DataTable
      pageSize={false}
      caption="Schools, laggards first"
      rows={schools}
      rowKey={(s) => s.school.id}
      empty="No school here matches."
      columns={schoolColumns}
      onDownload={onDownload}
    />
  );
}

type Day = Progress['days'][number];
const dayColumns: Column<Day>[] = [
  { key: 'day', header: 'Day', value: (d) => toDay(d.date), sortValue: (d) => d.date },
  {
    key: 'that-day',
    header: 'Registered that day',
    numeric: true,
    value: (d) => d.registrations,
  },
  { key: 'so-far', header: 'Registered so far', numeric: true, value: (d) => d.cumulative },
  {
    key: 'last-year',
    header: 'Last year by the same day',
    numeric: true,
    value: (d) => d.previousYearCumulative ?? null,
  },
];

/** Registrations day by day beside their running total: the charts' figures. */
export function DaysTable({ days }: { days: Progress['days'] }) {
  return (
    <DataTable
      pageSize={false}
      caption="Registrations by day"
      rows={days}
      rowKey={(d) => d.date}
      empty="No day of the window has come yet."
      columns={dayColumns}
    />
  );
}

type OutOfSchool = Progress['outOfSchool'][number];

/** Out-of-school children and youth registered, by circumstance (§V.A). */
export function OutOfSchoolTable({ outOfSchool }: { outOfSchool: Progress['outOfSchool'] }) {
  return (
    <DataTable
      pageSize={false}
      caption="Out-of-school children and youth by circumstance"
      rows={outOfSchool}
      rowKey={(o) => o.circumstance}
      columns={[
        {
          key: 'circumstance',
          header: 'Circumstance',
          value: (o) => circumstanceLabel[o.circumstance],
        },
        countColumn('children', 'Children (OSC)', (o: OutOfSchool) => o.children),
        countColumn('youth', 'Youth (OSY)', (o: OutOfSchool) => o.youth),
      ]}
    />
  );
}
