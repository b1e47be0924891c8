import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import { RequestError } from '../messages/RequestError.js';
import { routes } from '../../routes.js';
import { saveSession } from './session.js';
import { type SignedInSession, SsoLanding, SsoLink, SsoRefusalNotice } from './SingleSignOn.js';
import { scopeHome } from './useViewer.js';

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password, cookie: true) {
      sessionExpiresAt
      account {
        ...AccountScope
      }
    }
  }
`);

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * Keeps the session's end (the session itself came as an HttpOnly cookie), then lands on the
 * account's own place, or on the page that asked for sign-in.
 */
function useFinishSignIn(next: string | null) {
  const navigate = useNavigate();
  const client = useApolloClient();
  return useCallback(
    async ({ sessionExpiresAt, account }: SignedInSession) => {
      // The last account's answers go first: the header asks whose session this is as soon as
      // it is saved, and a store cleared after that would drop the answer.
      await client.clearStore();
      saveSession({ sessionExpiresAt: String(sessionExpiresAt) });
      // Only paths of this app: never an outside address from the URL.
      const target = next?.startsWith('/') && !next.startsWith('//') ? next : scopeHome(account);
      void navigate(target, { replace: true });
    },
    [client, navigate, next],
  );
}

/** Signs in with a username and password, or with the staff account (single sign-on). */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = params.get('next');
  const finish = useFinishSignIn(next);
  const [login, { loading, error }] = useMutation(LoginMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { data } = await login({
      variables: { username: field(form, 'username'), password: field(form, 'password') },
    }).catch(() => ({ data: undefined }));
    if (data) await finish(data.login);
  }

  if (params.get('sso') === 'SIGNED_IN')
    return (
      <section className="login">
        <h1>Sign in</h1>
        <SsoLanding onSignedIn={(session) => void finish(session)} />
      </section>
    );
  return (
    <section className="login">
      <h1>Sign in</h1>
      <SsoRefusalNotice refusal={params.get('sso')} />
      <SsoLink next={next} />
      <form onSubmit={(event) => void onSubmit(event)} className="login__form">
        <label htmlFor="username">Username</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
        {error ? <RequestError lead="Could not sign in" error={error} /> : null}
      </form>
      <p>
        New account, or a password reset? <Link to={routes.setPassword}>Set your password</Link>{' '}
        with the one-time code you were given.
      </p>
    </section>
  );
}
