import { useApolloClient } from '@apollo/client/react';
import { roleLabel } from '@repo/domain/access';
import { administersAccounts } from '@repo/domain/accounts';
import { Link, useNavigate } from 'react-router';
import { routes } from '../../routes.js';
import { toPlainMessage } from '../messages/plain-message.js';
import { endSession } from './session.js';
import { useViewer } from './useViewer.js';

/**
 * Who is signed in, and Sign out; Sign in when nobody is. A session the server could not be asked
 * about (no connection) stays signed in here: it is not the sign-out the header used to show
 * (issue 21).
 */
export function AccountMenu() {
  const { viewer, signedIn, error, retry } = useViewer();
  if (!signedIn) {
    return (
      <Link to={routes.login()} className="app-header__account">
        Sign in
      </Link>
    );
  }
  return (
    <div className="app-header__account">
      {viewer ? (
        <>
          <span>
            {viewer.displayName} · {roleLabel[viewer.role]}
          </span>
          {administersAccounts(viewer.role) ? <Link to={routes.accounts}>Accounts</Link> : null}
        </>
      ) : error ? (
        <Unreached error={error} onRetry={retry} />
      ) : (
        <span aria-busy="true">Signed in</span>
      )}
      <SignOut />
    </div>
  );
}

/** Signed in, but whose account could not be read: why, in words, and a retry. */
function Unreached({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = toPlainMessage(error);
  return (
    <>
      <span role="status" title={message.detail}>
        Signed in; {message.unreachable ? 'the server could not be reached' : message.text}
      </span>
      <button type="button" className="button--secondary" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}

function SignOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  return (
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
  );
}
