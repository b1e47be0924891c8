import { useQuery } from '@apollo/client/react';
import { schoolLevelLabel, sectorLabel, toLevelsSummary } from '@repo/domain/school';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { type Column, DataTable } from '@repo/ui/DataTable';
import { QueryState } from '@repo/ui/QueryState';
import { type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { routes } from '../routes.js';
import { renderAppLink } from '../AppLink.js';
import { EnrollmentOverview } from '../features/summary/EnrollmentOverview.js';
import { graphql } from '../gql/index.js';
import { type DivisionPageQuery } from '../gql/graphql.js';
import { NotFoundPage } from './NotFoundPage.js';
import { formatCountOf } from '@repo/ui/format';

const pageSize = 50;

const divisionPageQuery = graphql(`
  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String) {
    division(id: $id) {
      id
      name
      schoolCount
      region {
        id
        name
      }
      schools(first: $first, after: $after, search: $search) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          schoolId
          name
          sector
          levelsOffered
          municipality
          hasOfficialDetails
        }
      }
    }
  }
`);

type Division = NonNullable<DivisionPageQuery['division']>;

export function DivisionPage() {
  const { divisionId = '' } = useParams();
  // The search and the page live in the URL: shareable, and Back returns to the previous page.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const after = params.get('after');
  const { data, loading, error, refetch } = useQuery(divisionPageQuery, {
    variables: { id: divisionId, first: pageSize, after, search: search || null },
  });
  if (data && !data.division) return <NotFoundPage what={`Division ${divisionId}`} />;
  const division = data?.division;

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    const q = typeof value === 'string' ? value.trim() : '';
    const next = new URLSearchParams(params);
    next.delete('after');
    if (q) next.set('q', q);
    else next.delete('q');
    setParams(next);
  }

  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Philippines', href: routes.national },
          {
            label: division?.region.name ?? '…',
            href: division ? routes.region(division.region.id) : undefined,
          },
          { label: division?.name ?? '…' },
        ]}
        renderLink={renderAppLink}
      />
      <h1>{division ? `Schools Division of ${division.name}` : 'Division'}</h1>
      {division ? (
        <EnrollmentOverview
          place={{ divisionIds: [division.id] }}
          placeName={division.name}
          below={{
            dimension: 'SCHOOL',
            noun: 'School',
            caption: `Enrollment by school, ${division.name}`,
            schoolHref: routes.school,
          }}
        />
      ) : null}
      <h2>School directory</h2>
      <p className="note">
        {division
          ? `${formatCountOf(division.schoolCount, 'school')} listed by DepEd, enrolling or not.`
          : null}
      </p>
      <form className="toolbar" role="search" onSubmit={onSearch}>
        <label htmlFor="school-search">Find a school</label>
        <input id="school-search" name="q" type="search" defaultValue={search} key={search} />
        <button type="submit">Search</button>
      </form>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="schools" />
      {division ? <SchoolDirectory division={division} search={search} after={after} /> : null}
    </>
  );
}

/** DepEd's directory of the division's schools, a page at a time, the search's matches only. */
function SchoolDirectory({
  division,
  search,
  after,
}: {
  division: Division;
  search: string;
  after: string | null;
}) {
  const { pageInfo } = division.schools;
  return (
    <>
      <DataTable
        caption={
          search
            ? `${formatCountOf(division.schools.totalCount, 'school')} matching “${search}”`
            : `Schools of ${division.name}`
        }
        rows={division.schools.nodes}
        rowKey={(s) => s.id}
        empty={`No school of ${division.name} matches “${search}”.`}
        columns={directoryColumns}
      />
      <p className="note">
        * Sector and levels derived from the School ID (no official SY 2023-24 details).
      </p>
      <div className="pager">
        {after ? (
          <Link to={search ? `?q=${encodeURIComponent(search)}` : '?'}>First page</Link>
        ) : null}
        {pageInfo.hasNextPage && pageInfo.endCursor ? (
          <Link
            to={`?${new URLSearchParams({
              ...(search ? { q: search } : {}),
              after: pageInfo.endCursor,
            }).toString()}`}
          >
            Next page
          </Link>
        ) : null}
      </div>
    </>
  );
}

type DirectorySchool = Division['schools']['nodes'][number];

const directoryColumns: Column<DirectorySchool>[] = [
  { key: 'schoolId', header: 'School ID', render: (s) => s.schoolId },
  {
    key: 'name',
    header: 'School',
    render: (s) => <Link to={routes.school(s.schoolId)}>{s.name}</Link>,
  },
  { key: 'sector', header: 'Sector', render: (s) => sectorLabel[s.sector] },
  {
    key: 'levels',
    header: 'Levels',
    render: (s) => (
      <span title={s.levelsOffered.map((l) => schoolLevelLabel[l]).join(', ')}>
        {toLevelsSummary(s.levelsOffered) || '—'}
        {s.hasOfficialDetails ? '' : ' *'}
      </span>
    ),
  },
  { key: 'municipality', header: 'Municipality', render: (s) => s.municipality ?? '—' },
];
