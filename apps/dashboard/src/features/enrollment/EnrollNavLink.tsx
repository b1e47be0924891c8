import { NavLink } from 'react-router';
import { routes } from '../../routes.js';
import { useViewer } from '../auth/useViewer.js';

/** Roles that enroll at their own school or learning center (SPEC §1). */
export const enrollingRoles: readonly string[] = [
  'SCHOOL_REGISTRAR',
  'SCHOOL_HEAD',
  'ALS_FACILITATOR',
];

/** The header's link to the enrollment screens, for the accounts that enroll. */
export function EnrollNavLink() {
  const { viewer } = useViewer();
  if (!viewer || !enrollingRoles.includes(viewer.role)) return null;
  return (
    <NavLink to={routes.enrollment()}>
      {viewer.role === 'ALS_FACILITATOR' ? 'ALS enrolment' : 'Enrolment'}
    </NavLink>
  );
}
