import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql/index.js';
import { routes } from '../../routes.js';
import { saveSession } from './session.js';
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

/** Signs in, then lands on the account's own place (or the page that asked for sign-in). */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [login, { loading, error }] = useMutation(LoginMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { data } = await login({
      variables: { username: field(form, 'username'), password: field(form, 'password') },
    }).catch(() => ({ data: undefined }));
    if (!data) return;
    // The session itself came as an HttpOnly cookie; the page keeps only when it ends.
    saveSession({ sessionExpiresAt: String(data.login.sessionExpiresAt) });
    await client.clearStore();
    const next = params.get('next');
    // Only paths of this app: never an outside address from the URL.
    const target =
      next?.startsWith('/') && !next.startsWith('//') ? next : scopeHome(data.login.account);
    void navigate(target, { replace: true });
  }

  return (
    <section className="login">
      <h1>Sign in</h1>
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
        {error ? (
          <p role="alert" className="error-state">
            Could not sign in: {error.message}
          </p>
        ) : null}
      </form>
      <p>
        New account, or a password reset? <Link to={routes.setPassword}>Set your password</Link>{' '}
        with the one-time code you were given.
      </p>
    </section>
  );
}
