import { useQuery } from '@apollo/client/react';
import { useSyncExternalStore } from 'react';
import { graphql } from '../../gql/index.js';
import { routes } from '../../routes.js';
import { isSignedIn, subscribeSession } from './session.js';

/** What the dashboard needs to know of an account: who, and which place it covers. */
export const AccountScopeFragment = graphql(`
  fragment AccountScope on Account {
    username
    displayName
    role
    scopeKind
    region {
      id
      name
    }
    division {
      id
      name
    }
    school {
      schoolId
      name
    }
  }
`);

const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...AccountScope
    }
  }
`);

/**
 * The signed-in account, or null when nobody is signed in; follows a sign-in and a sign-out as
 * they happen (issue 21). `signedIn` with no `viewer` and an `error`: a session is open but the
 * server could not be asked whose, which is not the same as being signed out.
 */
export function useViewer() {
  const signedIn = useSyncExternalStore(subscribeSession, () => isSignedIn());
  const { data, loading, error, refetch } = useQuery(ViewerQuery, { skip: !signedIn });
  return {
    viewer: signedIn ? (data?.me ?? null) : null,
    signedIn,
    loading: signedIn && loading,
    error: signedIn ? error : undefined,
    retry: () => void refetch(),
  };
}

export type Viewer = NonNullable<ReturnType<typeof useViewer>['viewer']>;

/** Where an account starts: its own place (SPEC §1), the nation for national scopes. */
export function scopeHome(viewer: Viewer): string {
  switch (viewer.scopeKind) {
    case 'REGION':
      return viewer.region ? routes.region(viewer.region.id) : routes.national;
    case 'DIVISION':
      return viewer.division ? routes.division(viewer.division.id) : routes.national;
    case 'SCHOOL':
      return viewer.school ? routes.school(viewer.school.schoolId) : routes.national;
    default:
      return routes.national;
  }
}
