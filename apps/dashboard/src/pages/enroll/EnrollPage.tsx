import '../../features/enrollment/enrollment.css';
import { QueryState } from '@repo/ui/QueryState';
import {
  Navigate,
  NavLink,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useSearchParams,
} from 'react-router';
import { AlsEnrollment } from '../../features/enrollment/AlsEnrollment.js';
import { ClassList } from '../../features/enrollment/ClassList.js';
import { DocumentsDue } from '../../features/enrollment/DocumentsDue.js';
import { enrollingRoles } from '../../features/enrollment/EnrollNavLink.js';
import { EarlyRegistration } from '../../features/enrollment/EarlyRegistration.js';
import { useEnrollmentContext } from '../../features/enrollment/enrollment-context.js';
import { ImportWizard } from '../../features/enrollment/ImportWizard.js';
import { MoveIn } from '../../features/enrollment/MoveIn.js';
import { toSchoolOffering } from '../../features/enrollment/school-details.js';
import { SchoolEnrollment } from '../../features/enrollment/SchoolEnrollment.js';
import { routes } from '../../routes.js';

/**
 * The enrollment screens of one school or ALS learning center (SPEC §4), each at its own URL, with
 * the school year in `?sy=` so a link keeps it.
 */
export function EnrollPage() {
  const context = useEnrollmentContext();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();

  if (!context.viewer && !context.loading) {
    return <Navigate to={routes.login(location.pathname + location.search)} replace />;
  }
  if (context.loading || context.error || !context.viewer) {
    return (
      <QueryState
        loading={context.loading}
        error={context.error}
        onRetry={context.retry}
        what="your school"
      />
    );
  }
  const { viewer, schoolId, school, today } = context;
  if (!schoolId || !enrollingRoles.includes(viewer.role)) {
    return (
      <section>
        <h1>Enrolment</h1>
        <p>
          Enrolment is done by the registrar, the school head or the ALS facilitator of a school.
        </p>
      </section>
    );
  }
  const schoolYear = params.get('sy') ?? context.defaultSchoolYear ?? '';
  const calendar = context.calendarOf(schoolYear);
  const isAls = viewer.role === 'ALS_FACILITATOR';
  const search = `?sy=${schoolYear}`;
  const goHome = () => void navigate(routes.enrollment(undefined, search));

  return (
    <div className="enroll">
      <h1>
        {isAls ? 'ALS enrolment' : 'Enrolment'}: {school?.name ?? viewer.school?.name} ({schoolId})
      </h1>
      <div className="enroll-toolbar">
        <nav aria-label="Enrolment" className="enroll-nav">
          {isAls ? (
            <NavLink to={routes.enrollment('als', search)}>ALS enrolment</NavLink>
          ) : (
            <>
              <NavLink to={routes.enrollment('school', search)}>Enrol a learner</NavLink>
              <NavLink to={routes.enrollment('early', search)}>Early registration</NavLink>
              <NavLink to={routes.enrollment('documents', search)}>Documents due</NavLink>
              <NavLink to={routes.enrollment('move', search)}>Move in</NavLink>
              <NavLink to={routes.enrollment('import', search)}>Import</NavLink>
            </>
          )}
          <NavLink to={routes.enrollment('class-list', search)}>Class list</NavLink>
        </nav>
        <div className="enroll-field enroll-field--compact">
          <label htmlFor="enroll-sy">School year</label>
          <select
            id="enroll-sy"
            value={schoolYear}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('sy', e.target.value);
              setParams(next);
            }}
          >
            {context.calendars.map((c) => (
              <option key={c.schoolYear} value={c.schoolYear}>
                {c.schoolYear}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!calendar ? (
        <p role="alert" className="error-state">
          School year {schoolYear} has no calendar yet: an administrator sets it first.
        </p>
      ) : (
        <Routes>
          <Route index element={<Navigate to={`${isAls ? 'als' : 'school'}${search}`} replace />} />
          <Route
            path="als"
            element={
              <AlsEnrollment
                key={schoolYear}
                schoolYear={schoolYear}
                calendar={calendar}
                today={today}
                facilitatorName={viewer.displayName}
              />
            }
          />
          <Route
            path="school"
            element={
              <SchoolEnrollment
                key={`${schoolYear}-${params.get('learner') ?? ''}`}
                learnerId={params.get('learner')}
                schoolYear={schoolYear}
                calendar={calendar}
                levelsOffered={school?.levelsOffered ?? []}
                today={today}
                onCancel={goHome}
              />
            }
          />
          <Route
            path="early"
            element={
              <EarlyRegistration
                key={schoolYear}
                schoolId={schoolId}
                schoolYear={schoolYear}
                calendar={calendar}
                school={toSchoolOffering(school?.levelsOffered ?? [])}
                today={today}
              />
            }
          />
          <Route
            path="documents"
            element={<DocumentsDue schoolId={schoolId} schoolYear={schoolYear} today={today} />}
          />
          <Route
            path="move"
            element={
              <MoveIn key={schoolYear} schoolYear={schoolYear} calendar={calendar} today={today} />
            }
          />
          <Route
            path="import"
            element={<ImportWizard key={schoolYear} schoolYear={schoolYear} />}
          />
          <Route
            path="class-list"
            element={
              <ClassList
                schoolId={schoolId}
                schoolYear={schoolYear}
                calendar={calendar}
                today={today}
              />
            }
          />
        </Routes>
      )}
    </div>
  );
}
