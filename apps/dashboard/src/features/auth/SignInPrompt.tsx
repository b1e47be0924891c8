import { Link, useLocation } from 'react-router';
import { routes } from '../../routes.js';

/** Enrollment figures are for signed-in users (SPEC §1); the directory stays public. */
export function SignInPrompt({ what }: { what: string }) {
  const location = useLocation();
  return (
    <p className="sign-in-prompt">
      <Link to={routes.login(`${location.pathname}${location.search}`)}>Sign in</Link> to see {what}
      .
    </p>
  );
}
