import { useQuery } from '@apollo/client/react';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { DataTable } from '@repo/ui/DataTable';
import { QueryState } from '@repo/ui/QueryState';
import { StatCard } from '@repo/ui/StatCard';
import { Link, useParams } from 'react-router';
import { routes } from '../App.js';
import { renderAppLink } from '../AppLink.js';
import { graphql } from '../gql/index.js';
import { NotFoundPage } from './NotFoundPage.js';

const RegionPageQuery = graphql(`
  query RegionPage($id: ID!) {
    region(id: $id) {
      id
      name
      longName
      divisionCount
      schoolCount
      divisions {
        id
        name
        schoolCount
      }
    }
  }
`);

export function RegionPage() {
  const { regionId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(RegionPageQuery, {
    variables: { id: regionId },
  });
  if (data && !data.region) return <NotFoundPage what={`Region ${regionId}`} />;
  const region = data?.region;
  return (
    <>
      <Breadcrumbs
        items={[{ label: 'Philippines', href: routes.national }, { label: region?.name ?? '…' }]}
        renderLink={renderAppLink}
      />
      <h1>{region ? `${region.name}: ${region.longName}` : 'Region'}</h1>
      <div className="stat-cards">
        <StatCard label="Schools Division Offices" value={region?.divisionCount ?? null} />
        <StatCard label="Schools" value={region?.schoolCount ?? null} />
      </div>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="divisions" />
      {region ? (
        <DataTable
          caption={`Divisions of ${region.name}`}
          rows={region.divisions}
          rowKey={(d) => d.id}
          columns={[
            {
              key: 'name',
              header: 'Division',
              render: (d) => <Link to={routes.division(d.id)}>{d.name}</Link>,
            },
            { key: 'schools', header: 'Schools', numeric: true, render: (d) => d.schoolCount },
          ]}
        />
      ) : null}
    </>
  );
}
