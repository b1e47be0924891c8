import { Link } from 'react-router';

/** Lets presentational components in @repo/ui draw router links. */
export function renderAppLink(href: string, label: string) {
  return <Link to={href}>{label}</Link>;
}
