import { DataTable } from '@repo/ui/DataTable';
import { Link } from 'react-router';
import { type EarlyRegistrationTrackerQuery } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { circumstanceLabel } from '../labels.js';
import { progressText, toDay } from './trackerFormat.js';

export type Progress = NonNullable<EarlyRegistrationTrackerQuery['earlyRegistrationProgress']>;

/** The divisions of a region, lowest progress first; each opens the division's own tracker. */
export function DivisionsTable({
  divisions,
  params,
}: {
  divisions: Progress['divisions'];
  params: URLSearchParams;
}) {
  return (
    <DataTable
      caption="Divisions, lowest progress first"
      rows={divisions}
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
  );
}

/** Every school offering an early-registration grade, laggards first, searchable. */
export function SchoolsTable({ schools }: { schools: Progress['schools'] }) {
  return (
    <DataTable
      caption="Schools, laggards first"
      rows={schools}
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
  );
}

/** Out-of-school children and youth registered, by circumstance (§V.A). */
export function OutOfSchoolTable({ outOfSchool }: { outOfSchool: Progress['outOfSchool'] }) {
  return (
    <DataTable
      caption="Out-of-school children and youth by circumstance"
      rows={outOfSchool}
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
  );
}
