import '../features/enrollment/enrollment.css';
import { Navigate, useLocation } from 'react-router';
import { ApprovalQueue } from '../features/approvals/ApprovalQueue.js';
import { approvalRoles } from '../features/approvals/ApprovalsNavLink.js';
import { useViewer } from '../features/auth/useViewer.js';
import { routes } from '../routes.js';

/**
 * The school head's queue of late and backdated enrolments (DO 03 s. 2018 §V.D; issue 21), and the
 * registrar's view of what was sent to the head and what the head decided.
 */
export function ApprovalsPage() {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  if (loading) return <div className="skeleton skeleton--row" aria-busy="true" />;
  if (!viewer) return <Navigate to={routes.login(location.pathname)} replace />;
  if (!approvalRoles.includes(viewer.role))
    return (
      <p className="note">
        Late enrolments are sent by a school’s registrar and decided by its school head.
      </p>
    );
  const approver = viewer.role === 'SCHOOL_HEAD';
  return (
    <section aria-labelledby="approvals-page" className="enroll">
      <h1 id="approvals-page">
        {approver ? 'Approvals' : 'Enrolments sent for approval'}
        {viewer.school ? `: ${viewer.school.name} (${viewer.school.schoolId})` : ''}
      </h1>
      <p>
        {approver
          ? 'A late enrolment (fewer than 80% of the school days left, DepEd Order 03 s. 2018 §V.D) or one dated more than 7 days back waits here for your decision: approve it with the catch-up plan, or decline it with a reason the registrar reads.'
          : 'Your late enrolments, and those dated more than 7 days back, wait here for the school head, who approves them with a catch-up plan or declines them with a reason. Each shows the decision once made.'}
      </p>
      <ApprovalQueue approver={approver} />
    </section>
  );
}
