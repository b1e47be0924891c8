/**
 * Every URL of the dashboard in one place: the patterns App.tsx mounts and the links the pages,
 * the sign-in and the enrollment screens build. Each level of the drill-down has its own URL, so
 * links can be shared and Back works; the enrollment screens keep the school year in `?sy=`.
 */

/** The screens under `/enrol`, one URL each (SPEC §4); the ALS guide's path is `als`. */
export type EnrollmentScreen =
  'als' | 'school' | 'early' | 'documents' | 'move' | 'import' | 'class-list';

/** The patterns of `<Route path>`, for App.tsx. */
export const routePatterns = {
  national: '/',
  login: '/login',
  setPassword: '/set-password',
  accounts: '/accounts',
  region: '/regions/:regionId',
  division: '/divisions/:divisionId',
  school: '/schools/:schoolId',
  tracker: '/tracker',
  documentsDue: '/documents-due',
  explore: '/explore',
  enrollment: '/enrol/*',
  approvals: '/approvals',
  notFound: '*',
} as const;

/** The URLs links and redirects go to. */
export const routes = {
  national: '/',
  tracker: '/tracker',
  /** A division's (or a school's) learners with documents overdue or due soon (issue 21). */
  documentsDue: '/documents-due',
  explore: '/explore',
  setPassword: '/set-password',
  accounts: '/accounts',
  /** The school head's queue of late and backdated enrolments; the registrar's outcomes (§V.D). */
  approvals: '/approvals',
  region: (id: string) => `/regions/${id}`,
  division: (id: string) => `/divisions/${id}`,
  school: (schoolId: string) => `/schools/${schoolId}`,
  /** Sign-in; `next` (a path of this app with its query) is where it returns afterwards. */
  login: (next?: string) =>
    next === undefined ? '/login' : `/login?next=${encodeURIComponent(next)}`,
  /** The enrollment screens' home (it opens the screen of the account's role), or one screen. */
  enrollment: (screen?: EnrollmentScreen, search = '') =>
    `${screen ? `/enrol/${screen}` : '/enrol'}${search}`,
  /** The school's enrollment form opened on a learner already on record (a pre-registration). */
  enrollLearner: (schoolYear: string, learnerId: string) =>
    `/enrol/school?sy=${schoolYear}&learner=${learnerId}`,
};
