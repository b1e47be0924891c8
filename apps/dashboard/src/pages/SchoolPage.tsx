import { useQuery } from '@apollo/client/react';
import { schoolLevelLabel, sectorLabel } from '@repo/domain/school';
import { Breadcrumbs } from '@repo/ui/Breadcrumbs';
import { QueryState } from '@repo/ui/QueryState';
import { canSeePersonalData } from '@repo/domain/access';
import { useParams } from 'react-router';
import { routes } from '../routes.js';
import { renderAppLink } from '../AppLink.js';
import { useViewer } from '../features/auth/useViewer.js';
import { useReportFilters } from '../features/filters/useReportFilters.js';
import { EnrollmentOverview } from '../features/summary/EnrollmentOverview.js';
import { LearnerFlowSection } from '../features/flows/LearnerFlowSection.js';
import { TemporaryEnrollments } from '../features/summary/TemporaryEnrollments.js';
import { graphql } from '../gql/index.js';
import { NotFoundPage } from './NotFoundPage.js';

const SchoolPageQuery = graphql(`
  query SchoolPage($schoolId: String!) {
    school(schoolId: $schoolId) {
      id
      schoolId
      name
      sector
      levelsOffered
      province
      municipality
      barangay
      hasOfficialDetails
      district {
        name
      }
      division {
        id
        name
      }
      region {
        id
        name
      }
    }
  }
`);

export function SchoolPage() {
  const { schoolId = '' } = useParams();
  const { viewer } = useViewer();
  const { filters } = useReportFilters();
  const valid = /^\d{6}$/.test(schoolId);
  const { data, loading, error, refetch } = useQuery(SchoolPageQuery, {
    variables: { schoolId },
    skip: !valid,
  });
  if (!valid || (data && !data.school)) return <NotFoundPage what={`School ${schoolId}`} />;
  const school = data?.school;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Philippines', href: routes.national },
          {
            label: school?.region.name ?? '…',
            href: school ? routes.region(school.region.id) : undefined,
          },
          {
            label: school?.division.name ?? '…',
            href: school ? routes.division(school.division.id) : undefined,
          },
          { label: school?.name ?? '…' },
        ]}
        renderLink={renderAppLink}
      />
      <h1>{school?.name ?? 'School'}</h1>
      <QueryState
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        what="the school"
      />
      {school ? (
        <dl className="details">
          <dt>School ID</dt>
          <dd>{school.schoolId}</dd>
          <dt>Sector</dt>
          <dd>{sectorLabel[school.sector]}</dd>
          <dt>Levels offered</dt>
          <dd>{school.levelsOffered.map((l) => schoolLevelLabel[l]).join(', ') || 'Not known'}</dd>
          <dt>District</dt>
          <dd>{school.district?.name ?? '—'}</dd>
          <dt>Address</dt>
          <dd>
            {[school.barangay, school.municipality, school.province].filter(Boolean).join(', ') ||
              '—'}
          </dd>
          <dt>Source</dt>
          <dd>
            {school.hasOfficialDetails
              ? 'DepEd official list, SY 2023-24'
              : 'DepEd masterlist 2019; sector and levels derived from the School ID'}
          </dd>
        </dl>
      ) : null}
      {school ? (
        <EnrollmentOverview
          place={{ schoolIds: [school.schoolId] }}
          placeName={school.name}
          showStatuses
        />
      ) : null}
      {school ? (
        <LearnerFlowSection place={{ schoolIds: [school.schoolId] }} placeName={school.name} />
      ) : null}
      {school &&
      viewer &&
      filters.schoolYear &&
      canSeePersonalData(viewer.role) &&
      isInScope(viewer, school) ? (
        <TemporaryEnrollments schoolId={school.schoolId} schoolYear={filters.schoolYear} />
      ) : null}
    </>
  );
}

/** The learner list is for the school's own staff and its division (SPEC §1). */
function isInScope(
  viewer: NonNullable<ReturnType<typeof useViewer>['viewer']>,
  school: { schoolId: string; division: { id: string } },
) {
  return viewer.school?.schoolId === school.schoolId || viewer.division?.id === school.division.id;
}
