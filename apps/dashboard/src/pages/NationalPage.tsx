import { useQuery } from '@apollo/client/react';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { QueryState } from '@repo/ui/QueryState';
import { routes } from '../routes.js';
import { LazyPlaceMap } from '../features/maps/LazyPlaceMap.js';
import { EnrollmentOverview } from '../features/summary/EnrollmentOverview.js';
import { LearnerFlowSection } from '../features/flows/LearnerFlowSection.js';
import { graphql } from '../gql/index.js';

const NationalPageQuery = graphql(`
  query NationalPage {
    regions {
      id
      name
      longName
      psgcCode
      divisionCount
      schoolCount
    }
  }
`);

export function NationalPage() {
  const { data, loading, error, refetch } = useQuery(NationalPageQuery);
  const regions = data?.regions ?? [];
  return (
    <>
      <Breadcrumbs items={[{ label: 'Philippines' }]} />
      <h1>Enrollment in the Philippines</h1>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} what="regions" />
      <EnrollmentOverview
        place={{}}
        placeName="the Philippines"
        map={data ? <LazyPlaceMap level="REGION" regions={regions} /> : null}
        below={
          data
            ? {
                dimension: 'REGION',
                noun: 'Region',
                caption: 'Regions',
                places: regions.map((r) => ({
                  id: r.id,
                  name: r.name,
                  href: routes.region(r.id),
                  schoolCount: r.schoolCount,
                })),
              }
            : undefined
        }
      />
      <LearnerFlowSection place={{}} placeName="the Philippines" />
    </>
  );
}
