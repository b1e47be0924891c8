import { Link } from 'react-router';

export function NotFoundPage({ what = 'This page' }: { what?: string }) {
  return (
    <>
      <h1>Not found</h1>
      <p>
        {what} does not exist. <Link to="/">Back to the regions</Link>
      </p>
    </>
  );
}
