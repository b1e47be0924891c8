// Accounts administration (issue 20): each level manages the accounts of the level below it, in
// its own place (packages/domain/src/accounts.ts). Every change is one transaction with its audit
// entry; the database ends the account's sessions when its access changes (account-session.sql).
import { Role } from '@repo/domain/access';
import {
  type AccountHolder,
  managedRoles,
  manageRefusal,
  type PlaceLine,
} from '@repo/domain/accounts';
import { type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { badUserInput, notFound, refused } from '../../errors.js';
import { checkId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { AccountEntity } from '../auth/account.entity.js';
import { datasetLoaderUsername } from '../datasets/synthetic-learners.js';
import { hashPassword } from '../auth/auth.service.js';
import { type Viewer } from '../auth/viewer.js';
import {
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  checkUsername,
  newSetupCode,
  type PlaceInput,
  placeLineFor,
  setupCodeHash,
  setupCodeHours,
} from './account-rules.js';

export interface NewAccount extends PlaceInput {
  username: string;
  displayName: string;
  role: Role;
  email?: string | null;
}

/** An account and the one-time code that sets its password, shown once. */
export interface AccountSetup {
  account: AccountEntity;
  setupCode: string;
  setupCodeExpiresAt: Date;
}

/** Accounts of the system, not of a person (data set loads write as one): no screen manages them. */
const systemUsernames = [datasetLoaderUsername];

const refusals = {
  ROLE_NOT_MANAGED: 'Your account does not manage accounts of this role',
  PLACE_NOT_MANAGED: 'This place is outside the places your account manages',
  PLACE_MISSING: 'This role needs a place',
};

function holderOf(viewer: Viewer): AccountHolder {
  const { scope } = viewer;
  const place: PlaceLine =
    scope.kind === 'SCHOOL'
      ? { schoolId: scope.schoolId }
      : scope.kind === 'DIVISION'
        ? { divisionId: scope.divisionId }
        : scope.kind === 'REGION'
          ? { regionId: scope.regionId }
          : {};
  return { role: viewer.role, place };
}

function mayManage(viewer: Viewer, role: Role, place: PlaceLine) {
  const refusal = manageRefusal(holderOf(viewer), { role, place });
  if (refusal) throw refused('FORBIDDEN', refusals[refusal], { rule: refusal });
}

/** What the audit keeps of an account: never a password or a code. */
function auditView(account: AccountEntity, line: PlaceLine) {
  return {
    username: account.username,
    role: account.role,
    email: account.email,
    disabled: account.disabledAt !== null,
    schoolId: line.schoolId ?? null,
    divisionId: line.divisionId ?? null,
    regionId: line.regionId ?? null,
  };
}

/** An account's place columns: only the one of its role's kind is set (CHK_account_scope). */
function placeColumns(line: PlaceLine) {
  return {
    schoolId: line.schoolId ?? null,
    divisionId: line.schoolId ? null : (line.divisionId ?? null),
    regionId: line.schoolId || line.divisionId ? null : (line.regionId ?? null),
  };
}

/** The line of a stored account's place. */
function lineOf(manager: EntityManager, account: AccountEntity): Promise<PlaceLine> {
  return placeLineFor(manager, account.role as Role, {
    schoolId: account.schoolId?.toString(),
    divisionId: account.divisionId?.toString(),
    regionId: account.regionId?.toString(),
  });
}

function withCode(account: AccountEntity): { setupCode: string; setupCodeExpiresAt: Date } {
  const setupCode = newSetupCode();
  account.setupCodeHash = setupCodeHash(setupCode);
  account.setupCodeExpiresAt = new Date(clock.now().getTime() + setupCodeHours * 3_600_000);
  return { setupCode, setupCodeExpiresAt: account.setupCodeExpiresAt };
}

/** Creates an account with no password: the user sets one with the code, shown once. */
export function createAccount(
  dataSource: DataSource,
  viewer: Viewer,
  input: NewAccount,
): Promise<AccountSetup> {
  return insertAccount(dataSource, viewer, input);
}

/**
 * The first administrator, made by a command on the server (`npm run create-admin`), where no
 * account yet exists to make it: audited with no actor.
 */
export function createAdministrator(
  dataSource: DataSource,
  input: { username: string; displayName: string; email?: string | null },
): Promise<AccountSetup> {
  return insertAccount(dataSource, null, { ...input, role: Role.ADMINISTRATOR });
}

/** An account and its code, made by `viewer` (checked to manage it) or by the server (null). */
function insertAccount(
  dataSource: DataSource,
  viewer: Viewer | null,
  input: NewAccount,
): Promise<AccountSetup> {
  const username = checkUsername(input.username);
  const displayName = checkDisplayName(input.displayName);
  const email = checkEmail(input.email);
  return dataSource.transaction(async (manager) => {
    const line = await placeLineFor(manager, input.role, input);
    if (viewer) mayManage(viewer, input.role, line);
    const repository = manager.getRepository(AccountEntity);
    if (await repository.existsBy({ username }))
      throw refused('USERNAME_TAKEN', `The username ${username} is taken`, {
        field: 'input.username',
      });
    if (email && (await repository.existsBy({ email })))
      throw refused('EMAIL_TAKEN', 'Another account has this e-mail address', {
        field: 'input.email',
      });
    const account = repository.create({
      username,
      displayName,
      email,
      role: input.role,
      passwordHash: null,
      ...placeColumns(line),
      createdBy: viewer?.accountId ?? null,
    });
    const code = withCode(account);
    await repository.save(account);
    await audit(manager, viewer, {
      action: 'ACCOUNT_CREATED',
      entity: 'account',
      entityId: account.id,
      after: auditView(account, line),
    });
    return { account, ...code };
  });
}

/**
 * An account the viewer manages, locked for the change, with its place's line; never the viewer's
 * own (another administrator changes that).
 */
async function managedAccount(manager: EntityManager, viewer: Viewer, id: string) {
  checkId('account', id, 'id');
  const account = await manager
    .getRepository(AccountEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  // One answer for "no such account" and "not yours": an id says nothing of another place.
  if (!account || systemUsernames.includes(account.username)) throw notFound('Account', id);
  const line = await lineOf(manager, account);
  if (manageRefusal(holderOf(viewer), { role: account.role as Role, place: line }))
    throw notFound('Account', id);
  if (account.id === viewer.accountId)
    throw refused('FORBIDDEN', 'Another administrator changes your own account', {
      rule: 'OWN_ACCOUNT',
    });
  return { account, line };
}

type Change = 'DISABLE' | 'ENABLE' | 'RESET';

/** Disables, enables or resets an account the viewer manages (a reset gives a new code). */
export function changeAccount(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
  change: Change,
): Promise<{ account: AccountEntity; setupCode?: string; setupCodeExpiresAt?: Date }> {
  return dataSource.transaction(async (manager) => {
    const { account, line } = await managedAccount(manager, viewer, id);
    const before = auditView(account, line);
    let code: { setupCode: string; setupCodeExpiresAt: Date } | undefined;
    if (change === 'DISABLE') account.disabledAt ??= clock.now();
    if (change === 'ENABLE') account.disabledAt = null;
    if (change === 'RESET') {
      account.passwordHash = null;
      code = withCode(account);
    }
    await manager.getRepository(AccountEntity).save(account);
    const action = {
      DISABLE: 'ACCOUNT_DISABLED',
      ENABLE: 'ACCOUNT_ENABLED',
      RESET: 'ACCOUNT_PASSWORD_RESET',
    }[change];
    await audit(manager, viewer, {
      action,
      entity: 'account',
      entityId: account.id,
      before,
      after: auditView(account, line),
    });
    return { account, ...code };
  });
}

/** Gives an account another role or place; both the old and the new must be the viewer's. */
export function changeAccountAccess(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
  role: Role,
  place: PlaceInput,
): Promise<AccountEntity> {
  return dataSource.transaction(async (manager) => {
    const { account, line } = await managedAccount(manager, viewer, id);
    const next = await placeLineFor(manager, role, place, 'access');
    mayManage(viewer, role, next);
    const before = auditView(account, line);
    Object.assign(account, { role, ...placeColumns(next) });
    await manager.getRepository(AccountEntity).save(account);
    await audit(manager, viewer, {
      action: 'ACCOUNT_ACCESS_CHANGED',
      entity: 'account',
      entityId: account.id,
      before,
      after: auditView(account, next),
    });
    return account;
  });
}

/**
 * Sets a password with a one-time code (no sign-in: the code is the proof). A wrong or expired
 * code, or a disabled account, is one refusal that says no more.
 */
export function setPassword(
  dataSource: DataSource,
  username: string,
  code: string,
  password: string,
): Promise<void> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(AccountEntity);
    const account = await repository.findOne({
      where: { username: username.trim(), setupCodeHash: setupCodeHash(code) },
      lock: { mode: 'pessimistic_write' },
    });
    if (
      !account ||
      account.disabledAt ||
      !account.setupCodeExpiresAt ||
      account.setupCodeExpiresAt.getTime() <= clock.now().getTime()
    )
      throw badUserInput('code', 'CODE_INVALID', 'This code is wrong or has expired');
    checkNewPassword(password, account.username, account.displayName);
    account.passwordHash = await hashPassword(password);
    account.setupCodeHash = null;
    account.setupCodeExpiresAt = null;
    await repository.save(account);
    await audit(manager, null, {
      action: 'ACCOUNT_PASSWORD_SET',
      entity: 'account',
      entityId: account.id,
      after: auditView(account, await lineOf(manager, account)),
    });
  });
}

export interface AccountPage {
  total: number;
  items: AccountEntity[];
}

/** The accounts the viewer manages, by username, with a search on username, name or e-mail. */
export async function listAccounts(
  dataSource: DataSource,
  viewer: Viewer,
  { search, first, offset }: { search?: string | null; first: number; offset: number },
): Promise<AccountPage> {
  if (first < 1 || first > 200)
    throw badUserInput('limit', 'PAGE_SIZE', 'limit is between 1 and 200');
  if (offset < 0) throw badUserInput('offset', 'PAGE_OFFSET', 'offset is 0 or more');
  if (managedRoles[viewer.role].length === 0) return { total: 0, items: [] };
  // The account's division: its own, or its school's (alias `d`). Each account has one row.
  const query = dataSource
    .getRepository(AccountEntity)
    .createQueryBuilder('a')
    .leftJoin('school', 's', 's.id = a.school_id')
    .leftJoin('division', 'd', 'd.id = coalesce(a.division_id, s.division_id)')
    .where('a.role IN (:...roles)', { roles: managedRoles[viewer.role] })
    .andWhere('a.username NOT IN (:...system)', { system: systemUsernames });
  const { scope } = viewer;
  if (scope.kind === 'REGION') query.andWhere('d.region_id = :place', { place: scope.regionId });
  else if (scope.kind === 'DIVISION') query.andWhere('d.id = :place', { place: scope.divisionId });
  else if (scope.kind !== 'NATION') query.andWhere('false');
  if (search?.trim()) {
    const pattern = `%${search
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, '\\$&')}%`;
    query.andWhere(
      '(a.username LIKE :pattern OR lower(a.display_name) LIKE :pattern OR a.email LIKE :pattern)',
      { pattern },
    );
  }
  const [items, total] = await query
    .orderBy('a.username')
    .limit(first)
    .offset(offset)
    .getManyAndCount();
  return { total, items };
}

export interface AccountEventRow {
  id: string;
  at: Date;
  action: string;
  actor: string | null;
  username: string;
  role: string | null;
}

/**
 * What was done to accounts in the viewer's place, newest first: its own actions and those of
 * the levels below it (a region sees what its divisions did to their schools' accounts).
 */
export async function accountEvents(
  dataSource: DataSource,
  viewer: Viewer,
  first: number,
): Promise<AccountEventRow[]> {
  if (first < 1 || first > 200)
    throw badUserInput('limit', 'PAGE_SIZE', 'limit is between 1 and 200');
  const params: unknown[] = [];
  const { scope } = viewer;
  const line = `coalesce(e.after, e.before)`;
  let where = "e.entity = 'account' AND e.action LIKE 'ACCOUNT\\_%'";
  if (scope.kind === 'REGION') {
    params.push(scope.regionId);
    where += ` AND (${line} ->> 'regionId')::int = $1`;
  } else if (scope.kind === 'DIVISION') {
    params.push(scope.divisionId);
    where += ` AND (${line} ->> 'divisionId')::int = $1`;
  } else if (scope.kind !== 'NATION') where += ' AND false';
  return dataSource.query<AccountEventRow[]>(
    `SELECT e.id, e.at, e.action, actor.username AS actor,
            coalesce(e.after ->> 'username', e.before ->> 'username', t.username) AS username,
            coalesce(e.after ->> 'role', e.before ->> 'role') AS role
       FROM audit_event e
       LEFT JOIN account actor ON actor.id = e.account_id
       LEFT JOIN account t ON t.id::text = e.entity_id
      WHERE ${where}
      ORDER BY e.at DESC, e.id DESC LIMIT ${first}`,
    params,
  );
}
