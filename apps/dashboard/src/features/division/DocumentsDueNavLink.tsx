import { NavLink } from 'react-router';
import { routes } from '../../routes.js';
import { useViewer } from '../auth/useViewer.js';

/**
 * The header's link to the documents due, for division accounts: their follow-up across schools
 * (SPEC §1). A school finds its own in its enrollment screens.
 */
export function DocumentsDueNavLink() {
  const { viewer } = useViewer();
  if (viewer?.scopeKind !== 'DIVISION') return null;
  return <NavLink to={routes.documentsDue}>Documents due</NavLink>;
}
