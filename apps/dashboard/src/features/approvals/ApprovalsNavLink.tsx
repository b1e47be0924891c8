import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { NavLink, useLocation } from 'react-router';
import { routes } from '../../routes.js';
import { useViewer } from '../auth/useViewer.js';
import { EnrollmentApprovalsAwaitingQuery } from './approvals.queries.js';

/** The accounts of a school that file (the registrar) and decide (the head) late enrolments. */
export const approvalRoles: readonly string[] = ['SCHOOL_REGISTRAR', 'SCHOOL_HEAD'];

/**
 * The header's "Approvals (N)": how many of the school's enrolments await the head's approval,
 * read again on every page the user opens, so a decision or a new filing shows without a reload.
 */
export function ApprovalsNavLink() {
  const { viewer } = useViewer();
  const show = Boolean(viewer && approvalRoles.includes(viewer.role));
  if (!show) return null;
  return <ApprovalsCount />;
}

function ApprovalsCount() {
  const location = useLocation();
  const { data, refetch } = useQuery(EnrollmentApprovalsAwaitingQuery, {
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    void refetch().catch(() => undefined);
  }, [location.key, refetch]);
  const count = data?.enrollmentApprovalsAwaiting;
  return (
    <NavLink to={routes.approvals}>
      {count === undefined ? 'Approvals' : `Approvals (${count})`}
    </NavLink>
  );
}
