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
import { LearnerFlowSection } from '../features/flows/LearnerFlowSection.js';
import { graphql } from '../gql/index.js';
import { type DivisionPageQuery } from '../gql/graphql.js';
import { NotFoundPage } from './NotFoundPage.js';
import { formatCountOf } from '@repo/ui/format';

const pageSize = 50;

const divisionPageQuery = graphql(`
  query DivisionPage($id: ID!, $first: Int!, $after: String, $search: String, $districtId: ID) {
    division(id: $id) {
      id
      name
      schoolCount
      region {
        id
        name
      }
      districts {
        id
        name
        schoolCount
      }
      schools(first: $first, after: $after, search: $search, districtId: $districtId) {
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

/** The division's enrollment overview with its schools, then its learner flows (issue 22). */
function DivisionFigures({ division }: { division: Division }) {
  return (
    <>
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
      <LearnerFlowSection place={{ divisionIds: [division.id] }} placeName={division.name} />
    </>
  );
}

export function DivisionPage() {
  const { divisionId = '' } = useParams();
  // The search, the district and the page live in the URL: shareable, and Back returns to the
  // previous page.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const after = params.get('after');
  const districtId = params.get('district');
  const { data, loading, error, refetch } = useQuery(divisionPageQuery, {
    variables: { id: divisionId, first: pageSize, after, search: search || null, districtId },
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

  function onDistrict(value: string) {
    const next = new URLSearchParams(params);
    next.delete('after');
    if (value) next.set('district', value);
    else next.delete('district');
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
      {division ? <DivisionFigures division={division} /> : null}
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
        {division ? (
          <DistrictChoice division={division} value={districtId} onChange={onDistrict} />
        ) : null}
      </form>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="schools" />
      {division ? (
        <SchoolDirectory division={division} search={search} after={after} params={params} />
      ) : null}
    </>
  );
}

/**
 * The district filter (issue 21): the division's districts with a school on record, as DepEd listed
 * them for SY 2023-24; schools from the 2019 masterlist have none and show under all districts.
 */
function DistrictChoice({
  division,
  value,
  onChange,
}: {
  division: Division;
  value: string | null;
  onChange: (value: string) => void;
}) {
  const districts = division.districts.filter((d) => d.schoolCount > 0);
  if (districts.length === 0) return null;
  return (
    <>
      <label htmlFor="school-district">District</label>
      <select id="school-district" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">All districts</option>
        {districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * DepEd's directory of the division's schools, a page at a time, the search's and the district's
 * matches only.
 */
function SchoolDirectory({
  division,
  search,
  after,
  params,
}: {
  division: Division;
  search: string;
  after: string | null;
  params: URLSearchParams;
}) {
  const { pageInfo } = division.schools;
  const district = division.districts.find((d) => d.id === params.get('district'));
  const place = district ? `${division.name}, ${district.name}` : division.name;
  const withoutDistrict =
    division.schoolCount - division.districts.reduce((sum, d) => sum + d.schoolCount, 0);
  const pageLink = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    return `?${next.toString()}`;
  };
  return (
    <>
      <DataTable
        caption={
          search
            ? `${formatCountOf(division.schools.totalCount, 'school')}${district ? ` of ${district.name}` : ''} matching “${search}”`
            : `Schools of ${place}`
        }
        rows={division.schools.nodes}
        rowKey={(s) => s.id}
        empty={`No school of ${place} matches${search ? ` “${search}”` : ''}.`}
        columns={directoryColumns}
        pageSize={false}
      />
      <p className="note">
        * Sector and levels derived from the School ID (no official SY 2023-24 details).
        {district && withoutDistrict > 0
          ? ` Districts as DepEd listed them for SY 2023-24: ${withoutDistrict.toLocaleString('en-PH')} schools of ${division.name} have none on record and show under all districts only.`
          : ''}
      </p>
      <div className="pager">
        {after ? <Link to={pageLink(null)}>First page</Link> : null}
        {pageInfo.hasNextPage && pageInfo.endCursor ? (
          <Link to={pageLink(pageInfo.endCursor)}>Next page</Link>
        ) : null}
      </div>
    </>
  );
}

type DirectorySchool = Division['schools']['nodes'][number];

/** A page of the directory as the API orders it: a column sort would order one page only. */
const directoryColumns: Column<DirectorySchool>[] = [
  { key: 'schoolId', header: 'School ID', value: (s) => s.schoolId, sortable: false },
  {
    key: 'name',
    header: 'School',
    value: (s) => s.name,
    render: (s, text) => <Link to={routes.school(s.schoolId)}>{text}</Link>,
    sortable: false,
  },
  { key: 'sector', header: 'Sector', value: (s) => sectorLabel[s.sector], sortable: false },
  {
    key: 'levels',
    header: 'Levels',
    value: (s) => `${toLevelsSummary(s.levelsOffered) || '—'}${s.hasOfficialDetails ? '' : ' *'}`,
    render: (s, text) => (
      <span title={s.levelsOffered.map((l) => schoolLevelLabel[l]).join(', ')}>{text}</span>
    ),
    sortable: false,
  },
  {
    key: 'municipality',
    header: 'Municipality',
    value: (s) => s.municipality ?? null,
    sortable: false,
  },
];
