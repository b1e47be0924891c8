import '../../features/enrollment/enrollment.css';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { QueryState } from '@repo/ui/QueryState';
import { type ReactElement } from 'react';
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
import { type EnrollmentScreen, routes } from '../../routes.js';

type EnrollmentContext = ReturnType<typeof useEnrollmentContext>;
type Viewer = NonNullable<EnrollmentContext['viewer']>;

/**
 * The enrollment screens of one school or ALS learning center (SPEC §4), each at its own URL, with
 * the school year in `?sy=` so a link keeps it.
 */
export function EnrollPage() {
  const context = useEnrollmentContext();
  const location = useLocation();

  // Signed in but the server out of reach is not signed out: the error below, not the sign-in.
  if (!context.viewer && !context.loading && !context.error) {
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
  const { viewer, schoolId } = context;
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
  return <EnrollmentScreens context={context} viewer={viewer} schoolId={schoolId} />;
}

/** The school's heading, the screens' links and the year, then the screen of the URL. */
function EnrollmentScreens({
  context,
  viewer,
  schoolId,
}: {
  context: EnrollmentContext;
  viewer: Viewer;
  schoolId: string;
}) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const schoolYear = params.get('sy') ?? context.defaultSchoolYear ?? '';
  const calendar = context.calendarOf(schoolYear);
  const isAls = viewer.role === 'ALS_FACILITATOR';
  const search = `?sy=${schoolYear}`;
  const chooseYear = (year: string) => {
    const next = new URLSearchParams(params);
    next.set('sy', year);
    setParams(next);
  };

  return (
    <div className="enroll">
      <h1>
        {isAls ? 'ALS enrolment' : 'Enrolment'}: {context.school?.name ?? viewer.school?.name} (
        {schoolId})
      </h1>
      <div className="enroll-toolbar">
        <EnrollmentNav isAls={isAls} search={search} />
        <SchoolYearPicker
          schoolYear={schoolYear}
          years={context.calendars.map((c) => c.schoolYear)}
          onChange={chooseYear}
        />
      </div>
      {!calendar ? (
        <p role="alert" className="error-state">
          School year {schoolYear} has no calendar yet: an administrator sets it first.
        </p>
      ) : (
        <Routes>
          <Route index element={<Navigate to={`${isAls ? 'als' : 'school'}${search}`} replace />} />
          {Object.entries(
            screens({
              schoolYear,
              calendar,
              schoolId,
              school: context.school,
              today: context.today,
              facilitatorName: viewer.displayName,
              approver: viewer.role === 'SCHOOL_HEAD',
              learnerId: params.get('learner'),
              onCancel: () => void navigate(routes.enrollment(undefined, search)),
            }),
          ).map(([path, element]) => (
            <Route key={path} path={path} element={element} />
          ))}
        </Routes>
      )}
    </div>
  );
}

/** The links to the screens of the account's role: the ALS guide's, or the school's five. */
function EnrollmentNav({ isAls, search }: { isAls: boolean; search: string }) {
  return (
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
  );
}

function SchoolYearPicker({
  schoolYear,
  years,
  onChange,
}: {
  schoolYear: string;
  years: string[];
  onChange: (year: string) => void;
}) {
  return (
    <div className="enroll-field enroll-field--compact">
      <label htmlFor="enroll-sy">School year</label>
      <select id="enroll-sy" value={schoolYear} onChange={(e) => onChange(e.target.value)}>
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Each screen at its path under `/enrol`, keyed by the year so a change of year starts afresh. */
function screens({
  schoolYear,
  calendar,
  schoolId,
  school,
  today,
  facilitatorName,
  approver,
  learnerId,
  onCancel,
}: {
  schoolYear: string;
  calendar: SchoolCalendar;
  schoolId: string;
  school: EnrollmentContext['school'];
  today: string;
  facilitatorName: string;
  /** The school head, who approves late and backdated enrolments (§V.D). */
  approver: boolean;
  learnerId: string | null;
  onCancel: () => void;
}): Record<EnrollmentScreen, ReactElement> {
  const year = { schoolYear, calendar, today };
  return {
    als: <AlsEnrollment key={schoolYear} {...year} facilitatorName={facilitatorName} />,
    school: (
      <SchoolEnrollment
        key={`${schoolYear}-${learnerId ?? ''}`}
        learnerId={learnerId}
        {...year}
        approver={approver}
        levelsOffered={school?.levelsOffered ?? []}
        onCancel={onCancel}
      />
    ),
    early: (
      <EarlyRegistration
        key={schoolYear}
        schoolId={schoolId}
        {...year}
        school={toSchoolOffering(school?.levelsOffered ?? [])}
      />
    ),
    documents: <DocumentsDue schoolId={schoolId} schoolYear={schoolYear} today={today} />,
    move: <MoveIn key={schoolYear} {...year} />,
    import: <ImportWizard key={schoolYear} schoolYear={schoolYear} />,
    'class-list': <ClassList schoolId={schoolId} {...year} />,
  };
}
