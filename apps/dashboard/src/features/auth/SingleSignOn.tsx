import { useQuery } from '@apollo/client/react';
import { MessageDetail } from '@repo/ui/ErrorWords';
import { isSsoRefusal } from '@repo/domain/sign-in';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql/index.js';
import { type SignedInSessionQuery } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { toErrorWords } from '../messages/plain-message.js';
import { ssoAccountName, ssoRefusalText } from './sso-messages.js';

// Single sign-on (issue 20): the server leads the browser to the OpenID provider and back
// (/auth/oidc/start, /auth/oidc/callback), then to this page with `?sso=SIGNED_IN` and the
// session in its cookie, or with `?sso=<why not>` and, when there is one, `#email=<address>`.

const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions {
      sso
    }
  }
`);

const SignedInSessionQuery = graphql(`
  query SignedInSession {
    session {
      sessionExpiresAt
      account {
        ...AccountScope
      }
    }
  }
`);

export type SignedInSession = SignedInSessionQuery['session'];

/** The way in with the staff account, when this server offers it: a plain link to the server. */
export function SsoLink({ next }: { next: string | null }) {
  const { data } = useQuery(SignInOptionsQuery);
  if (!data?.signInOptions.sso) return null;
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <p className="login__sso">
      <a href={`/auth/oidc/start${query}`} className="login__sso-link">
        Sign in with your {ssoAccountName}
      </a>
      <span>or with a username and password:</span>
    </p>
  );
}

/** Why single sign-on brought the browser back here without signing it in. */
export function SsoRefusalNotice({ refusal }: { refusal: string | null }) {
  const { hash } = useLocation();
  if (!isSsoRefusal(refusal)) return null;
  // In the fragment, which the server never saw (modules/auth/oidc.ts).
  const email = new URLSearchParams(hash.slice(1)).get('email');
  return (
    <p role="alert" className="error-state">
      {ssoRefusalText(refusal, email)}
    </p>
  );
}

/**
 * Back from single sign-on with the session in its cookie, which no script reads: the page asks
 * the server for the session and its account, as `login` would have answered, once.
 */
export function SsoLanding({ onSignedIn }: { onSignedIn: (session: SignedInSession) => void }) {
  const { data, error } = useQuery(SignedInSessionQuery, { fetchPolicy: 'network-only' });
  const done = useRef(false);
  useEffect(() => {
    if (!data || done.current) return;
    done.current = true;
    onSignedIn(data.session);
  }, [data, onSignedIn]);
  if (error) {
    const words = toErrorWords(error);
    return (
      <div role="alert" className="error-state">
        <p>
          The sign-in with your {ssoAccountName} did not finish: {words.text}{' '}
          <Link to={routes.login()}>Back to sign-in</Link>
        </p>
        <MessageDetail detail={words.detail} />
      </div>
    );
  }
  return <p role="status">Signing you in…</p>;
}
