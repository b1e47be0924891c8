import { Role } from '@repo/domain/access';
import { type ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionNode,
} from 'graphql';
import { type Context } from '../../context.js';

/** Who may call a root operation: anyone, anyone signed in, or the listed roles. */
export type OperationRule = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

const schoolRoles = [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD, Role.ALS_FACILITATOR] as const;
const schoolAndDivision = [...schoolRoles, Role.DIVISION_MONITOR] as const;
const accountAdministrators = [
  Role.DIVISION_MONITOR,
  Role.REGIONAL_PLANNER,
  Role.ADMINISTRATOR,
] as const;

/**
 * The one table of who may call what. An operation missing here is refused for everyone (and a
 * test fails), so a new resolver cannot ship open by accident. Scope (which school, division or
 * region) is checked again by the services and inside PostgreSQL.
 */
export const operationAccess: Record<string, OperationRule> = {
  // Reference data: DepEd's public lists of regions, divisions and schools.
  regions: 'PUBLIC',
  region: 'PUBLIC',
  division: 'PUBLIC',
  school: 'PUBLIC',
  login: 'PUBLIC',
  // Authenticated by the token it is given, which may have expired (issue 18).
  renewSession: 'PUBLIC',
  logout: 'SIGNED_IN',
  // The policy engine reads no personal data (SPEC §7).
  checkEligibility: 'PUBLIC',
  me: 'SIGNED_IN',
  // The sign-in page asks whether single sign-on is offered before anyone is signed in (issue 20).
  signInOptions: 'PUBLIC',
  session: 'SIGNED_IN',
  // Accounts administration (issue 20): each level the level below; the code is the proof.
  accounts: accountAdministrators,
  accountEvents: accountAdministrators,
  createAccount: accountAdministrators,
  disableAccount: accountAdministrators,
  enableAccount: accountAdministrators,
  resetAccountPassword: accountAdministrators,
  changeAccountAccess: accountAdministrators,
  setPassword: 'PUBLIC',
  // Personal data: the school scope, and the division scope for follow-up (SPEC §1).
  searchLearners: schoolAndDivision,
  learner: schoolAndDivision,
  learnerHistory: schoolAndDivision,
  // Out-of-scope look-ups (issue 18): an account its own allowance; its place's counts above it.
  lookupsLeftToday: schoolAndDivision,
  outsideLookups: [Role.DIVISION_MONITOR, Role.REGIONAL_PLANNER, Role.ADMINISTRATOR],
  // Registering and updating learners is the school's work (SPEC §1, §4).
  createLearner: schoolRoles,
  updateLearner: schoolRoles,
  // Duplicates: a school proposes, its division decides (SPEC §3).
  learnerMerges: schoolAndDivision,
  proposeLearnerMerge: schoolRoles,
  approveLearnerMerge: [Role.DIVISION_MONITOR],
  rejectLearnerMerge: [Role.DIVISION_MONITOR],
  revertLearnerMerge: [Role.DIVISION_MONITOR],
  // Transfers with cause (issue 18): both ends read them; the origin's division reverses.
  transfers: schoolAndDivision,
  reverseTransfer: [Role.DIVISION_MONITOR],
  // School calendars are public; administrators set them (SPEC §1, §2).
  // The day the server judges by: screens default their dates to it.
  clock: 'PUBLIC',
  schoolCalendars: 'PUBLIC',
  schoolCalendar: 'PUBLIC',
  setSchoolCalendar: [Role.ADMINISTRATOR],
  // The enrollment lifecycle is the school's and the learning center's work (SPEC §4).
  preRegister: schoolRoles,
  enrollLearner: schoolRoles,
  enrollNewLearner: schoolRoles,
  recordFirstAttendance: schoolRoles,
  submitDocument: schoolRoles,
  moveLearner: schoolRoles,
  transferToAls: schoolRoles,
  dropOut: schoolRoles,
  // Late and backdated enrolments (§V.D; issue 21): the registrar files, the head decides; both
  // see the school's queue.
  enrollmentApprovals: [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD],
  enrollmentApprovalsAwaiting: [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD],
  approveEnrollment: [Role.SCHOOL_HEAD],
  declineEnrollment: [Role.SCHOOL_HEAD],
  previewLearnerImport: schoolRoles,
  commitLearnerImport: schoolRoles,
  // Learner lists hold personal data: school and division (SPEC §1).
  enrollment: schoolAndDivision,
  classList: schoolAndDivision,
  // All of it, for its CSV or its SF1, audited as an export (issue 21); the SF1 the school's own.
  classListExport: schoolAndDivision,
  temporaryEnrollments: schoolAndDivision,
  // The division's follow-up of documents across its schools (a school: its own), issue 21.
  documentsDue: schoolAndDivision,
  // Counts only: every signed-in scope, narrowed to its own places (SPEC §1, §5).
  quickCount: 'SIGNED_IN',
  preRegistrationsByDay: 'SIGNED_IN',
  // Aggregates: every signed-in scope, held to its own place (SPEC §1, §5, §7).
  enrollmentSummary: 'SIGNED_IN',
  learnerFlows: 'SIGNED_IN',
  earlyRegistrationProgress: 'SIGNED_IN',
};

export function isAllowed(rule: OperationRule | undefined, role: Role | null): boolean {
  if (rule === undefined) return false;
  if (rule === 'PUBLIC') return true;
  if (role === null) return false;
  return rule === 'SIGNED_IN' || rule.includes(role);
}

/** Why a caller may not use a root operation; null when it may. */
function denial(fieldName: string, context: Context): GraphQLError | null {
  const rule = operationAccess[fieldName];
  if (isAllowed(rule, context.viewer?.role ?? null)) return null;
  if (!context.viewer && rule !== undefined) {
    return new GraphQLError(`Sign in to use ${fieldName}`, {
      extensions: { code: 'UNAUTHENTICATED', rule: 'SIGN_IN_REQUIRED', http: { status: 401 } },
    });
  }
  return new GraphQLError(`Your role may not use ${fieldName}`, {
    extensions: {
      code: 'FORBIDDEN',
      rule: rule === undefined ? 'NO_ACCESS_RULE' : 'ROLE_NOT_ALLOWED',
      http: { status: 403 },
    },
  });
}

/** The root fields an operation selects, through fragments; `__typename` and the like excluded. */
export function rootFields(
  selections: readonly SelectionNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] {
  return selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value.startsWith('__') ? [] : [selection];
    const set =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : fragments[selection.name.value]?.selectionSet;
    return set ? rootFields(set.selections, fragments) : [];
  });
}

/** The document's fragments by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
}

/**
 * Enforces `operationAccess` once per request, on the operation's root fields, before anything
 * resolves: a request with one field the caller may not use is refused whole. (As a field
 * middleware it ran for every field of every row of every answer.)
 */
export const operationAccessPlugin: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation, document, contextValue }) => {
        const fragments = fragmentsOf(document);
        for (const { name } of rootFields(operation?.selectionSet.selections ?? [], fragments)) {
          const refused = denial(name.value, contextValue);
          if (refused) return Promise.reject(refused);
        }
        return Promise.resolve();
      },
    }),
};
