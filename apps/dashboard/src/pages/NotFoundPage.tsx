import { Link } from 'react-router';
import { routes } from '../routes.js';

export function NotFoundPage({ what = 'This page' }: { what?: string }) {
  return (
    <>
      <h1>Not found</h1>
      <p>
        {what} does not exist. <Link to={routes.national}>Back to the regions</Link>
      </p>
    </>
  );
}
