import { useQuery } from '@apollo/client/react';
import { administersAccounts } from '@repo/domain/accounts';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { AccountEventsQuery } from '../features/accounts/accounts.queries.js';
import { AccountsTable, manilaTime } from '../features/accounts/AccountsTable.js';
import { type IssuedCode, NewAccountForm } from '../features/accounts/NewAccountForm.js';
import { useViewer } from '../features/auth/useViewer.js';
import { routes } from '../routes.js';
import { TableFrame } from '@repo/ui/TableFrame';

/**
 * What was done to accounts in the viewer's place: its own actions and the levels below. The
 * table's frame is the region named "Recent changes": a section of that name too would be a second
 * landmark of one name (axe landmark-unique, issue 21).
 */
function RecentChanges() {
  const { data } = useQuery(AccountEventsQuery);
  if (!data) return null;
  return (
    <section>
      <h2>Recent changes</h2>
      <TableFrame label="Recent changes">
        <table aria-label="Recent changes">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Account</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {data.accountEvents.map((event) => (
              <tr key={event.id}>
                <td>{manilaTime(event.at)}</td>
                <td>{event.action.replace('ACCOUNT_', '').replaceAll('_', ' ').toLowerCase()}</td>
                <td>{event.username}</td>
                <td>{event.actor ?? 'the user, with the one-time code'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

/**
 * Accounts administration (issue 20): an administrator, a region or a division creates the
 * accounts of the level below, and disables, enables or resets them. A one-time code is shown
 * once, to be given to the user, who sets a password with it.
 */
export function AccountsPage() {
  const { viewer, loading } = useViewer();
  const location = useLocation();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  if (loading) return <div className="skeleton skeleton--row" aria-busy="true" />;
  if (!viewer) return <Navigate to={routes.login(location.pathname)} replace />;
  if (!administersAccounts(viewer.role))
    return <p className="note">Your account does not manage other accounts.</p>;
  // Not a region named "Accounts": the page is the main landmark, and the table's frame below
  // has that name (axe landmark-unique, issue 21).
  return (
    <section>
      <h1>Accounts</h1>
      {issued ? (
        <div role="status" className="note">
          <p>
            One-time code for <strong>{issued.username}</strong>:{' '}
            <code aria-label="One-time code">{issued.setupCode}</code>
          </p>
          <p>
            Give it to the user in person or by phone: it sets their password at{' '}
            <code>{`${window.location.origin}${routes.setPassword}`}</code> until{' '}
            {manilaTime(issued.expiresAt)}. It is not shown again.
          </p>
        </div>
      ) : null}
      <div className="table-pair">
        <section aria-labelledby="new-account-heading">
          <h2 id="new-account-heading">New account</h2>
          <NewAccountForm viewer={viewer} onIssued={setIssued} />
        </section>
        <RecentChanges />
      </div>
      <AccountsTable viewerUsername={viewer.username} onIssued={setIssued} />
    </section>
  );
}
