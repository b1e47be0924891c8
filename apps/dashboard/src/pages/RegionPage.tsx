import { useQuery } from '@apollo/client/react';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { QueryState } from '@repo/ui/QueryState';
import { useParams } from 'react-router';
import { routes } from '../routes.js';
import { renderAppLink } from '../AppLink.js';
import { LazyPlaceMap } from '../features/maps/LazyPlaceMap.js';
import { EnrollmentOverview } from '../features/summary/EnrollmentOverview.js';
import { LearnerFlowSection } from '../features/flows/LearnerFlowSection.js';
import { graphql } from '../gql/index.js';
import { NotFoundPage } from './NotFoundPage.js';

const RegionPageQuery = graphql(`
  query RegionPage($id: ID!) {
    region(id: $id) {
      id
      name
      longName
      psgcCode
      divisionCount
      schoolCount
      divisions {
        id
        name
        province
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
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="divisions" />
      {region ? (
        <EnrollmentOverview
          place={{ regionIds: [region.id] }}
          placeName={region.name}
          map={<LazyPlaceMap level="PROVINCE" region={region} divisions={region.divisions} />}
          below={{
            dimension: 'DIVISION',
            noun: 'Division',
            caption: `Divisions of ${region.name}`,
            places: region.divisions.map((d) => ({
              id: d.id,
              name: d.name,
              href: routes.division(d.id),
              schoolCount: d.schoolCount,
            })),
          }}
        />
      ) : null}
      {region ? (
        <LearnerFlowSection place={{ regionIds: [region.id] }} placeName={region.name} />
      ) : null}
    </>
  );
}
