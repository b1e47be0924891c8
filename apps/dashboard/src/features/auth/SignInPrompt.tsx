import { Link, useLocation } from 'react-router';

/** Enrollment figures are for signed-in users (SPEC §1); the directory stays public. */
export function SignInPrompt({ what }: { what: string }) {
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <p className="sign-in-prompt">
      <Link to={`/login?next=${next}`}>Sign in</Link> to see {what}.
    </p>
  );
}
