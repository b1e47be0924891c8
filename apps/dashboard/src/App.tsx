import { lazy, Suspense } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { AccountMenu } from './features/auth/AccountMenu.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { ApprovalsNavLink } from './features/approvals/ApprovalsNavLink.js';
import { DocumentsDueNavLink } from './features/division/DocumentsDueNavLink.js';
import { EnrollNavLink } from './features/enrollment/EnrollNavLink.js';
import { scopeHome, useViewer } from './features/auth/useViewer.js';
import { DivisionPage } from './pages/DivisionPage.js';
import { NationalPage } from './pages/NationalPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { RegionPage } from './pages/RegionPage.js';
import { SchoolPage } from './pages/SchoolPage.js';
import { routePatterns, routes } from './routes.js';

// Pages few users open first: kept out of the initial JavaScript.
const TrackerPage = lazy(() =>
  import('./pages/TrackerPage.js').then((m) => ({ default: m.TrackerPage })),
);
const DocumentsDuePage = lazy(() =>
  import('./pages/DocumentsDuePage.js').then((m) => ({ default: m.DocumentsDuePage })),
);
const ExplorerPage = lazy(() =>
  import('./pages/ExplorerPage.js').then((m) => ({ default: m.ExplorerPage })),
);
const AccountsPage = lazy(() =>
  import('./pages/AccountsPage.js').then((m) => ({ default: m.AccountsPage })),
);
const SetPasswordPage = lazy(() =>
  import('./features/auth/SetPasswordPage.js').then((m) => ({ default: m.SetPasswordPage })),
);
const ApprovalsPage = lazy(() =>
  import('./pages/ApprovalsPage.js').then((m) => ({ default: m.ApprovalsPage })),
);
const EnrollPage = lazy(() =>
  import('./pages/enroll/EnrollPage.js').then((m) => ({ default: m.EnrollPage })),
);

/** The nation's overview; a user of a region, division or school lands on their own place. */
function Home() {
  const { viewer } = useViewer();
  const location = useLocation();
  // The overview starts its own queries while the account is still being read: one round trip
  // less for national users; others move on to their place as soon as it is known.
  if (viewer && viewer.scopeKind !== 'NATION') {
    return <Navigate to={`${scopeHome(viewer)}${location.search}`} replace />;
  }
  return <NationalPage />;
}

export function App() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={routes.national} className="app-header__title">
          Learner Enrollment
        </Link>
        <span className="app-header__org">Department of Education</span>
        <nav aria-label="Main" className="app-header__nav">
          <NavLink to={routes.national} end>
            Overview
          </NavLink>
          <NavLink to={routes.tracker}>Early registration</NavLink>
          <DocumentsDueNavLink />
          <NavLink to={routes.explore}>Explore</NavLink>
          <EnrollNavLink />
          <ApprovalsNavLink />
        </nav>
        <AccountMenu />
      </header>
      <main className="app-main" id="main">
        <Suspense fallback={<div className="skeleton skeleton--row" aria-busy="true" />}>
          <Routes>
            <Route path={routePatterns.national} element={<Home />} />
            <Route path={routePatterns.login} element={<LoginPage />} />
            <Route path={routePatterns.setPassword} element={<SetPasswordPage />} />
            <Route path={routePatterns.accounts} element={<AccountsPage />} />
            <Route path={routePatterns.region} element={<RegionPage />} />
            <Route path={routePatterns.division} element={<DivisionPage />} />
            <Route path={routePatterns.school} element={<SchoolPage />} />
            <Route path={routePatterns.tracker} element={<TrackerPage />} />
            <Route path={routePatterns.documentsDue} element={<DocumentsDuePage />} />
            <Route path={routePatterns.explore} element={<ExplorerPage />} />
            <Route path={routePatterns.enrollment} element={<EnrollPage />} />
            <Route path={routePatterns.approvals} element={<ApprovalsPage />} />
            <Route path={routePatterns.notFound} element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
