import { useQuery } from '@apollo/client/react';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { DataTable } from '@repo/ui/DataTable';
import { QueryState } from '@repo/ui/QueryState';
import { StatCard } from '@repo/ui/StatCard';
import { Link } from 'react-router';
import { routes } from '../App.js';
import { graphql } from '../gql/index.js';

const NationalPageQuery = graphql(`
  query NationalPage {
    regions {
      id
      name
      longName
      divisionCount
      schoolCount
    }
  }
`);

export function NationalPage() {
  const { data, loading, error, refetch } = useQuery(NationalPageQuery);
  const regions = data?.regions ?? [];
  const total = (pick: (r: (typeof regions)[number]) => number) =>
    data ? regions.reduce((sum, r) => sum + pick(r), 0) : null;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Philippines' }]} />
      <h1>Schools by region</h1>
      <div className="stat-cards">
        <StatCard label="Regions" value={data ? regions.length : null} />
        <StatCard label="Schools Division Offices" value={total((r) => r.divisionCount)} />
        <StatCard label="Schools" value={total((r) => r.schoolCount)} />
      </div>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="regions" />
      {data ? (
        <DataTable
          caption="Regions"
          rows={regions}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'name',
              header: 'Region',
              render: (r) => <Link to={routes.region(r.id)}>{r.name}</Link>,
            },
            { key: 'longName', header: 'Name', render: (r) => r.longName },
            {
              key: 'divisions',
              header: 'Divisions',
              numeric: true,
              render: (r) => r.divisionCount,
            },
            { key: 'schools', header: 'Schools', numeric: true, render: (r) => r.schoolCount },
          ]}
        />
      ) : null}
    </>
  );
}
