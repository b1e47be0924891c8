import { Link, Route, Routes } from 'react-router';
import { DivisionPage } from './pages/DivisionPage.js';
import { NationalPage } from './pages/NationalPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { RegionPage } from './pages/RegionPage.js';
import { SchoolPage } from './pages/SchoolPage.js';

/** Each level of the drill-down has its own URL, so links can be shared and Back works. */
export const routes = {
  national: '/',
  region: (id: string) => `/regions/${id}`,
  division: (id: string) => `/divisions/${id}`,
  school: (schoolId: string) => `/schools/${schoolId}`,
};

export function App() {
  return (
    <>
      <header className="app-header">
        <Link to="/" className="app-header__title">
          Learner Enrollment
        </Link>
        <span className="app-header__org">Department of Education</span>
      </header>
      <main className="app-main">
        <Routes>
          <Route path="/" element={<NationalPage />} />
          <Route path="/regions/:regionId" element={<RegionPage />} />
          <Route path="/divisions/:divisionId" element={<DivisionPage />} />
          <Route path="/schools/:schoolId" element={<SchoolPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  );
}
