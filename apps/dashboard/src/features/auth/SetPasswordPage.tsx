import { useMutation } from '@apollo/client/react';
import { passwordRules } from '@repo/domain/accounts';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SetPasswordMutation } from '../accounts/accounts.queries.js';
import { routes } from '../../routes.js';
import { RequestError } from '../messages/RequestError.js';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** A new user (or one whose password was reset) sets a password with the one-time code. */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [setPassword, { loading, error }] = useMutation(SetPasswordMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = field(form, 'password');
    setMismatch(password !== field(form, 'confirm'));
    if (password !== field(form, 'confirm')) return;
    const { data } = await setPassword({
      variables: { username: field(form, 'username').trim(), code: field(form, 'code'), password },
    }).catch(() => ({ data: undefined }));
    if (data?.setPassword) setDone(true);
  }

  if (done)
    return (
      <section className="login">
        <h1>Password set</h1>
        <p role="status">
          Your password is set. <Link to={routes.login()}>Sign in</Link> with it.
        </p>
      </section>
    );
  return (
    <section className="login">
      <h1>Set your password</h1>
      <p>
        With the one-time code your administrator gave you. A password has at least{' '}
        {passwordRules.minLength} characters and must not be easy to guess: a few unrelated words
        work well.
      </p>
      <form onSubmit={(event) => void onSubmit(event)} className="login__form">
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          defaultValue={params.get('username') ?? ''}
          required
        />
        <label htmlFor="code">One-time code</label>
        <input id="code" name="code" autoComplete="one-time-code" required />
        <label htmlFor="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={passwordRules.minLength}
          required
        />
        <label htmlFor="confirm">New password again</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        <button type="submit" disabled={loading}>
          {loading ? 'Setting…' : 'Set password'}
        </button>
        {mismatch ? (
          <p role="alert" className="error-state">
            The two passwords differ.
          </p>
        ) : null}
        {error ? <RequestError lead="Could not set the password" error={error} /> : null}
      </form>
    </section>
  );
}
