/**
 * The API's refusal codes in words (issue 21: "messages in plain words with the code kept for
 * support in a detail line"). A refusal is read by its `extensions.code`, then by its `rule` where
 * one code covers several cases; the words say what happened and what to do, and never hold a code,
 * an operation's name or a field's path. The code itself goes to the detail line.
 */

/** What a refusal carries besides its code: the school it names, a quota. */
export interface RefusalFacts {
  rule?: string;
  schoolName?: string;
  schoolId?: string;
  status?: string;
  quota?: number;
}

type Words = string | ((facts: RefusalFacts) => string);

/** By `code/rule` first, then by `code`. */
const codeWords: Record<string, Words> = {
  'UNAUTHENTICATED/CREDENTIALS_INVALID': 'The username or the password is wrong.',
  UNAUTHENTICATED: 'Your session has ended: sign in again.',
  'FORBIDDEN/CROSS_SITE_REQUEST':
    'The request came from another site and was refused: open the dashboard at its own address.',
  FORBIDDEN: 'Your account may not do this.',
  OUTSIDE_SCOPE: 'This is outside your school, division or region.',
  'RATE_LIMITED/LOGIN_PER_MINUTE': 'Too many attempts to sign in: wait a minute, then try again.',
  'RATE_LIMITED/LOOKUPS_PER_DAY': ({ quota }) =>
    `This would show you more learners of other schools than ${quota ? `the ${quota}` : 'the number'} a day allows: ask your division, or continue tomorrow.`,
  'RATE_LIMITED/TRANSFERS_IN_PER_DAY':
    'Your school has taken in today as many learners of other schools as a day allows: ask your division, or continue tomorrow.',
  RATE_LIMITED: 'Too many requests at once: wait a moment, then try again.',
  ALREADY_ENROLLED: ({ schoolName, schoolId, status }) => {
    const where = schoolName ? ` at ${schoolName}${schoolId ? ` (${schoolId})` : ''}` : '';
    const what = status === 'PRE_REGISTERED' ? 'registered early' : 'enrolled';
    return `This learner is already ${what} this school year${where}. A learner has one enrolment a year: a learner coming from another school is taken in with Move in.`;
  },
  ENROLLMENT_CLOSED:
    'This enrolment has ended (moved out, transferred or dropped): it cannot change.',
  ENROLLMENT_OF_ANOTHER_SCHOOL:
    'This enrolment belongs to another school: only that school changes it.',
  STATUS_CHANGE_NOT_ALLOWED: 'The enrolment cannot change to that status from the one it has.',
  FIRST_ATTENDANCE_ALREADY_RECORDED: 'The first date of attendance is already recorded.',
  NOT_ENROLLED_YET:
    'This learner is registered early, not enrolled yet: enrol the learner first, then record the first attendance.',
  LEARNER_MERGED:
    'This record was merged into another record of the same learner: search for the learner again.',
  LEARNER_NOT_FOUND: 'This learner’s record was not found: search again.',
  MERGE_NOT_FOUND: 'This merge was not found: it may have been decided already.',
  MERGE_APPROVAL_NOT_REQUIRED: 'This merge does not wait for your division’s approval.',
  NOT_FOUND: 'What you asked for was not found: it may have been removed.',
  STALE_UPDATE:
    'Someone changed this record since you opened it: open it again to see the change, then save yours.',
  IDEMPOTENCY_KEY_REUSED:
    'This form was already sent with other values: reload the page and enter it again.',
  IMPORT_ALREADY_COMMITTED: 'This import is already saved.',
  REVERSAL_REFUSED: 'This transfer can no longer be undone.',
  USERNAME_TAKEN: 'This username is taken: choose another.',
  EMAIL_TAKEN: 'This e-mail address belongs to another account.',
  DUPLICATE_SUSPECTED:
    'Records that look like this learner exist already: check them before making a new one.',
  SERVICE_UNAVAILABLE: 'The server is busy or being updated: try again in a moment.',
  REQUEST_TIMEOUT: 'The server took too long to answer: try again.',
  INTERNAL_SERVER_ERROR:
    'The server failed on this request. Try again; if it fails again, tell support the code below.',
  GRAPHQL_VALIDATION_FAILED:
    'The page asked the server something it does not understand: reload the page. If it happens again, tell support the code below.',
  BAD_REQUEST:
    'The page asked the server something it does not understand: reload the page. If it happens again, tell support the code below.',
};

/** The words of a refusal, or null when this screen does not know its code. */
export function wordsOfCode(code: string, facts: RefusalFacts = {}): string | null {
  const words = (facts.rule && codeWords[`${code}/${facts.rule}`]) || codeWords[code];
  if (words === undefined) return null;
  return typeof words === 'function' ? words(facts) : words;
}
