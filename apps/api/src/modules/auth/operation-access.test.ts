import { Role } from '@repo/domain/access';
import { type GraphQLObjectType } from 'graphql';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  placeFor,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { createSchema } from '../../schema.js';
import { operationAccess } from './operation-access.js';

/** One call of every root operation; the matrix below runs each as every role and as nobody. */
const samples: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  regions: { query: '{ regions { name } }' },
  region: { query: '{ region(id: "1") { name } }' },
  division: { query: '{ division(id: "1") { name } }' },
  school: { query: '{ school(schoolId: "500743") { name } }' },
  login: { query: 'mutation { login(username: "nobody", password: "x") { token } }' },
  renewSession: { query: 'mutation { renewSession(token: "not.a.token") { token } }' },
  me: { query: '{ me { username } }' },
  signInOptions: { query: '{ signInOptions { sso } }' },
  session: { query: '{ session { sessionExpiresAt } }' },
  checkEligibility: {
    query:
      '{ checkEligibility(input: { schoolYear: "2025-2026", gradeLevel: KINDER, basis: KINDER_AGE_5, birthDate: "2020-01-01", firstTimeEnrollee: true }) { eligible } }',
  },
  searchLearners: { query: '{ searchLearners(name: "Nobody Atall") { learnerId } }' },
  learner: { query: '{ learner(id: "1") { id } }' },
  learnerHistory: { query: '{ learnerHistory(learnerId: "0") { action } }' },
  lookupsLeftToday: { query: '{ lookupsLeftToday }' },
  outsideLookups: { query: '{ outsideLookups(from: "2026-06-01", to: "2026-06-01") { lookups } }' },
  createLearner: { query: 'mutation { createLearner(input: { lastName: "" }) { id } }' },
  updateLearner: { query: 'mutation { updateLearner(id: "0", version: 1, input: {}) { id } }' },
  learnerMerges: { query: '{ learnerMerges { id } }' },
  proposeLearnerMerge: {
    query: 'mutation { proposeLearnerMerge(learnerId: "0", duplicateId: "1", reason: "x") { id } }',
  },
  approveLearnerMerge: { query: 'mutation { approveLearnerMerge(mergeId: "0") { id } }' },
  rejectLearnerMerge: { query: 'mutation { rejectLearnerMerge(mergeId: "0", note: "x") { id } }' },
  revertLearnerMerge: { query: 'mutation { revertLearnerMerge(mergeId: "0", note: "x") { id } }' },
  transfers: { query: '{ transfers { id } }' },
  reverseTransfer: {
    query: 'mutation { reverseTransfer(input: { id: "0", reason: "x" }) { id } }',
  },
  accounts: { query: '{ accounts { total } }' },
  accountEvents: { query: '{ accountEvents { id } }' },
  createAccount: {
    query:
      'mutation { createAccount(input: { username: "", displayName: "", role: NATIONAL_ANALYST }) { setupCode } }',
  },
  disableAccount: { query: 'mutation { disableAccount(id: "0") { id } }' },
  enableAccount: { query: 'mutation { enableAccount(id: "0") { id } }' },
  resetAccountPassword: { query: 'mutation { resetAccountPassword(id: "0") { setupCode } }' },
  changeAccountAccess: {
    query: 'mutation { changeAccountAccess(id: "0", access: { role: NATIONAL_ANALYST }) { id } }',
  },
  setPassword: { query: 'mutation { setPassword(username: "", code: "", password: "") }' },
  clock: { query: '{ clock { today } }' },
  schoolCalendars: { query: '{ schoolCalendars { schoolYear } }' },
  schoolCalendar: { query: '{ schoolCalendar(schoolYear: "2026-2027") { openingDay } }' },
  setSchoolCalendar: {
    query:
      'mutation { setSchoolCalendar(input: { schoolYear: "bad", openingDay: "x", closingDay: "x", prescribedSchoolDays: 0 }) { version } }',
  },
  preRegister: {
    query:
      'mutation { preRegister(input: { learnerId: "0", schoolYear: "bad", gradeLevel: KINDER }) { message } }',
  },
  enrollLearner: {
    query:
      'mutation { enrollLearner(input: { learnerId: "x", schoolYear: "bad", gradeLevel: KINDER }) { message } }',
  },
  enrollNewLearner: {
    query:
      'mutation { enrollNewLearner(input: { learner: { lastName: "" }, enrollment: { schoolYear: "bad", gradeLevel: KINDER } }) { message } }',
  },
  recordFirstAttendance: {
    query:
      'mutation { recordFirstAttendance(input: { enrollmentId: "x", firstAttendance: "x" }) { message } }',
  },
  submitDocument: {
    query:
      'mutation { submitDocument(input: { enrollmentId: "0", learnerId: "x", documentType: SF9 }) { message } }',
  },
  moveLearner: {
    query:
      'mutation { moveLearner(input: { learnerId: "x", schoolYear: "bad", gradeLevel: GRADE_2, moveDate: "x" }) { message } }',
  },
  transferToAls: {
    query:
      'mutation { transferToAls(input: { enrollmentId: "x", effectiveOn: "x", program: ALS_BLP, facilitatorName: "x" }) { message } }',
  },
  dropOut: {
    query:
      'mutation { dropOut(input: { enrollmentId: "x", effectiveOn: "x", reason: "x" }) { message } }',
  },
  approveEnrollment: {
    query: 'mutation { approveEnrollment(input: { enrollmentId: "x" }) { message } }',
  },
  declineEnrollment: {
    query: 'mutation { declineEnrollment(input: { enrollmentId: "x", reason: "x" }) { message } }',
  },
  enrollmentApprovals: { query: '{ enrollmentApprovals { enrollmentId } }' },
  enrollmentApprovalsAwaiting: { query: '{ enrollmentApprovalsAwaiting }' },
  previewLearnerImport: {
    query:
      'mutation { previewLearnerImport(input: { fileName: "x.txt", contentBase64: "eA==", schoolYear: "2026-2027" }) { id } }',
  },
  commitLearnerImport: { query: 'mutation { commitLearnerImport(importId: "x") { id } }' },
  enrollment: { query: '{ enrollment(id: "0") { id } }' },
  classList: { query: '{ classList(schoolId: "500743", schoolYear: "2026-2027") { total } }' },
  classListExport: {
    query:
      '{ classListExport(schoolId: "500743", schoolYear: "2026-2027", format: CSV) { rows { motherTongue } } }',
  },
  temporaryEnrollments: { query: '{ temporaryEnrollments(schoolYear: "2026-2027") { daysLeft } }' },
  documentsDue: { query: '{ documentsDue(schoolYear: "2026-2027") { total } }' },
  quickCount: { query: '{ quickCount(schoolYear: "2026-2027", schoolId: "500743") { enrolled } }' },
  preRegistrationsByDay: {
    query: '{ preRegistrationsByDay(schoolYear: "2026-2027", schoolId: "500743") { date } }',
  },
  enrollmentSummary: { query: '{ enrollmentSummary(groupBy: [SEX]) { sex learners } }' },
  learnerFlows: { query: '{ learnerFlows(groupBy: [SEX]) { sex cohort dropoutRate } }' },
  earlyRegistrationProgress: {
    query: '{ earlyRegistrationProgress(schoolYear: "2026-2027") { windowStart } }',
  },
  // Last: it ends the session of the role that calls it.
  logout: { query: 'mutation { logout }' },
};

const schoolRoles = [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD, Role.ALS_FACILITATOR];
const accountAdministrators = [Role.DIVISION_MONITOR, Role.REGIONAL_PLANNER, Role.ADMINISTRATOR];

/** Expected answer per operation: who gets through the access check. */
const expected: Record<string, 'everyone' | 'signed-in' | readonly Role[]> = {
  regions: 'everyone',
  region: 'everyone',
  division: 'everyone',
  school: 'everyone',
  login: 'everyone',
  renewSession: 'everyone',
  logout: 'signed-in',
  me: 'signed-in',
  signInOptions: 'everyone',
  session: 'signed-in',
  checkEligibility: 'everyone',
  searchLearners: [...schoolRoles, Role.DIVISION_MONITOR],
  learner: [...schoolRoles, Role.DIVISION_MONITOR],
  lookupsLeftToday: [...schoolRoles, Role.DIVISION_MONITOR],
  outsideLookups: [Role.DIVISION_MONITOR, Role.REGIONAL_PLANNER, Role.ADMINISTRATOR],
  learnerHistory: [...schoolRoles, Role.DIVISION_MONITOR],
  createLearner: schoolRoles,
  updateLearner: schoolRoles,
  learnerMerges: [...schoolRoles, Role.DIVISION_MONITOR],
  proposeLearnerMerge: schoolRoles,
  approveLearnerMerge: [Role.DIVISION_MONITOR],
  rejectLearnerMerge: [Role.DIVISION_MONITOR],
  revertLearnerMerge: [Role.DIVISION_MONITOR],
  transfers: [...schoolRoles, Role.DIVISION_MONITOR],
  reverseTransfer: [Role.DIVISION_MONITOR],
  accounts: accountAdministrators,
  accountEvents: accountAdministrators,
  createAccount: accountAdministrators,
  disableAccount: accountAdministrators,
  enableAccount: accountAdministrators,
  resetAccountPassword: accountAdministrators,
  changeAccountAccess: accountAdministrators,
  setPassword: 'everyone',
  clock: 'everyone',
  schoolCalendars: 'everyone',
  schoolCalendar: 'everyone',
  setSchoolCalendar: [Role.ADMINISTRATOR],
  preRegister: schoolRoles,
  enrollLearner: schoolRoles,
  enrollNewLearner: schoolRoles,
  recordFirstAttendance: schoolRoles,
  submitDocument: schoolRoles,
  moveLearner: schoolRoles,
  transferToAls: schoolRoles,
  dropOut: schoolRoles,
  approveEnrollment: [Role.SCHOOL_HEAD],
  declineEnrollment: [Role.SCHOOL_HEAD],
  enrollmentApprovals: [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD],
  enrollmentApprovalsAwaiting: [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD],
  previewLearnerImport: schoolRoles,
  commitLearnerImport: schoolRoles,
  enrollment: [...schoolRoles, Role.DIVISION_MONITOR],
  classList: [...schoolRoles, Role.DIVISION_MONITOR],
  classListExport: [...schoolRoles, Role.DIVISION_MONITOR],
  temporaryEnrollments: [...schoolRoles, Role.DIVISION_MONITOR],
  documentsDue: [...schoolRoles, Role.DIVISION_MONITOR],
  quickCount: 'signed-in',
  preRegistrationsByDay: 'signed-in',
  enrollmentSummary: 'signed-in',
  learnerFlows: 'signed-in',
  earlyRegistrationProgress: 'signed-in',
};

let dataSource: DataSource;
let server: TestServer;
const tokens = new Map<Role | 'anonymous', string | undefined>();
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const places = await resolveTestPlaces(dataSource);
  tokens.set('anonymous', undefined);
  for (const role of Object.values(Role)) {
    tokens.set(role, (await createTestAccount(dataSource, role, placeFor(role, places))).token);
  }
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

describe('operation access', () => {
  it('has a rule, a sample and an expectation for every Query and Mutation field', async () => {
    const schema = await createSchema();
    const roots = [schema.getQueryType(), schema.getMutationType()].filter(
      Boolean,
    ) as GraphQLObjectType[];
    const fields = roots.flatMap((type) => Object.keys(type.getFields())).sort();
    expect(Object.keys(operationAccess).sort()).toEqual(fields);
    expect(Object.keys(samples).sort()).toEqual(fields);
    expect(Object.keys(expected).sort()).toEqual(fields);
  });

  const cases = Object.keys(samples).flatMap((operation) =>
    [...Object.values(Role), 'anonymous' as const].map((who) => [operation, who] as const),
  );
  it.each(cases)('%s as %s', async (operation, who) => {
    const rule = expected[operation]!;
    const allowed =
      rule === 'everyone' || (who !== 'anonymous' && (rule === 'signed-in' || rule.includes(who)));
    const { query, variables } = samples[operation]!;
    const { errors } = await server.graphql(query, variables, tokens.get(who));
    const denial = errors?.find(
      (e) =>
        ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)) &&
        // the answer of the operation itself (a wrong password, a token given to renew)
        !['CREDENTIALS_INVALID', 'TOKEN_INVALID'].includes(String(e.extensions?.rule)),
    );
    if (allowed) expect(denial).toBeUndefined();
    else
      expect(denial?.extensions?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });
});
