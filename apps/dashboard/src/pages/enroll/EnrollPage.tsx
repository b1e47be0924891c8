import '../../features/enrolment/enrolment.css';
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
import { AlsEnrolment } from '../../features/enrolment/AlsEnrolment.js';
import { ClassList } from '../../features/enrolment/ClassList.js';
import { DocumentsDue } from '../../features/enrolment/DocumentsDue.js';
import { enrollingRoles } from '../../features/enrolment/EnrolNavLink.js';
import { EarlyRegistration } from '../../features/enrolment/EarlyRegistration.js';
import { useEnrolmentContext } from '../../features/enrolment/enrolment-context.js';
import { ImportWizard } from '../../features/enrolment/ImportWizard.js';
import { MoveIn } from '../../features/enrolment/MoveIn.js';
import { SchoolEnrolment, toSchoolOffering } from '../../features/enrolment/SchoolEnrolment.js';
import { routes } from '../../routes.js';

/**
 * The enrolment screens of one school or ALS learning center (SPEC §4), each at its own URL, with
 * the school year in `?sy=` so a link keeps it.
 */
export function EnrolPage() {
  const context = useEnrolmentContext();
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
    <div className="enrol">
      <h1>
        {isAls ? 'ALS enrolment' : 'Enrolment'}: {school?.name ?? viewer.school?.name} ({schoolId})
      </h1>
      <div className="enrol-toolbar">
        <nav aria-label="Enrolment" className="enrol-nav">
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
        <div className="enrol-field enrol-field--compact">
          <label htmlFor="enrol-sy">School year</label>
          <select
            id="enrol-sy"
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
              <AlsEnrolment
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
              <SchoolEnrolment
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
