import { useApolloClient } from '@apollo/client/react';
import { roleLabel } from '@repo/domain/access';
import { administersAccounts } from '@repo/domain/accounts';
import { Link, useNavigate } from 'react-router';
import { routes } from '../../routes.js';
import { endSession } from './session.js';
import { useViewer } from './useViewer.js';

export function AccountMenu() {
  const { viewer } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  if (!viewer) {
    return (
      <Link to={routes.login()} className="app-header__account">
        Sign in
      </Link>
    );
  }
  return (
    <div className="app-header__account">
      <span>
        {viewer.displayName} · {roleLabel[viewer.role]}
      </span>
      {administersAccounts(viewer.role) ? <Link to={routes.accounts}>Accounts</Link> : null}
      <button
        type="button"
        className="button--secondary"
        onClick={() => {
          void endSession()
            .then(() => client.clearStore())
            .then(() => navigate(routes.login()));
        }}
      >
        Sign out
      </button>
    </div>
  );
}
