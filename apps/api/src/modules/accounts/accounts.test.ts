import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { datasetLoaderAccount } from '../datasets/synthetic-learners.js';

// Issue 20: accounts a ministry can run. Each level manages the level below in its own place,
// through the API: an account is created without a password, its user sets one with a one-time
// code, and disabling, resetting or moving it ends its sessions. Every action is audited and
// visible to the level above.

let dataSource: DataSource;
let server: TestServer;
let places: Awaited<ReturnType<typeof resolveTestPlaces>>;
let otherSchool: string;
let otherRegionDivision: string;
let admin: string;
let adminId: string;
const strong = 'kalabaw-mangga-ulap-2027';

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  places = await resolveTestPlaces(dataSource);
  const [school] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM school WHERE division_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
    [places.divisionId, places.schoolId],
  );
  otherSchool = String(school!.id);
  const [division] = await dataSource.query<{ id: number }[]>(
    'SELECT id FROM division WHERE region_id <> $1 ORDER BY id LIMIT 1',
    [places.regionId],
  );
  otherRegionDivision = String(division!.id);
  ({ token: admin, id: adminId } = await createTestAccount(dataSource, Role.ADMINISTRATOR));
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

async function send(query: string, variables: Record<string, unknown>, token?: string) {
  const { status, body } = await server.post(query, variables, { token });
  return { status, body, error: body.errors?.[0]?.extensions ?? null };
}

const unique = () => Math.random().toString(36).slice(2, 8);
const create = `mutation($input: NewAccountInput!) {
  createAccount(input: $input) { setupCode setupCodeExpiresAt account { id username awaitingPassword role } }
}`;

async function createAccount(token: string, input: Record<string, unknown>) {
  const answer = await send(create, { input }, token);
  const setup = answer.body.data?.createAccount as
    { setupCode: string; account: { id: string; username: string } } | undefined;
  return { ...answer, setup };
}

async function setPassword(username: string, code: string, password: string) {
  return send(
    'mutation($u: String!, $c: String!, $p: String!) { setPassword(username: $u, code: $c, password: $p) }',
    { u: username, c: code, p: password },
  );
}

async function login(username: string, password: string) {
  const answer = await send(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  return (answer.body.data?.login as { token: string } | undefined)?.token ?? null;
}

/** Created by `token`, password set with its code, signed in: the new account's id and token. */
async function onboard(token: string, input: Record<string, unknown>) {
  const { setup, body } = await createAccount(token, input);
  expect(body.errors).toBeUndefined();
  expect((await setPassword(setup!.account.username, setup!.setupCode, strong)).status).toBe(200);
  return {
    id: setup!.account.id,
    username: setup!.account.username,
    token: (await login(setup!.account.username, strong))!,
  };
}

describe('accounts administration (issue 20)', () => {
  it('an administrator creates a region, the region a division, the division a registrar', async () => {
    const region = await onboard(admin, {
      username: `planner.${unique()}`,
      displayName: 'Regional Planner',
      role: 'REGIONAL_PLANNER',
      regionId: String(places.regionId),
    });
    const division = await onboard(region.token, {
      username: `monitor.${unique()}`,
      displayName: 'Division Monitor',
      role: 'DIVISION_MONITOR',
      divisionId: String(places.divisionId),
    });
    const registrar = await onboard(division.token, {
      username: `registrar.${unique()}`,
      displayName: 'School Registrar',
      role: 'SCHOOL_REGISTRAR',
      schoolId: String(places.schoolId),
    });
    const me = await send('{ me { username role school { schoolId } } }', {}, registrar.token);
    expect(me.body.data!.me).toMatchObject({
      username: registrar.username,
      role: 'SCHOOL_REGISTRAR',
      school: { schoolId: String(places.schoolId) },
    });
    // Each level lists the accounts it manages, with the last sign-in.
    const listed = await send(
      '{ accounts(limit: 200) { total items { username lastSignInAt awaitingPassword } } }',
      {},
      division.token,
    );
    const items = (listed.body.data!.accounts as { items: { username: string }[] }).items;
    expect(items.find((a) => a.username === registrar.username)).toMatchObject({
      awaitingPassword: false,
      lastSignInAt: expect.any(String),
    });
    expect(items.some((a) => a.username === division.username)).toBe(false);
    // A search finds it by its username (case aside), and a page holds what was asked.
    const found = await send(
      'query($s: String) { accounts(search: $s, limit: 1) { total items { username } } }',
      { s: registrar.username.toUpperCase() },
      division.token,
    );
    expect(found.body.data!.accounts).toEqual({
      total: 1,
      items: [{ username: registrar.username }],
    });
    // The region sees what its division did; the division sees it too.
    for (const token of [region.token, division.token, admin]) {
      const events = await send(
        '{ accountEvents(limit: 200) { action actor username } }',
        {},
        token,
      );
      expect(events.body.data!.accountEvents).toEqual(
        expect.arrayContaining([
          { action: 'ACCOUNT_CREATED', actor: division.username, username: registrar.username },
          { action: 'ACCOUNT_PASSWORD_SET', actor: null, username: registrar.username },
        ]),
      );
    }
  });

  it('refuses a role or a place outside the level below, 403 naming the rule', async () => {
    const region = await createTestAccount(dataSource, Role.REGIONAL_PLANNER, {
      regionId: places.regionId,
    });
    const division = await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
      divisionId: places.divisionId,
    });
    const cases: [string, Record<string, unknown>, string][] = [
      [
        region.token,
        { role: 'DIVISION_MONITOR', divisionId: otherRegionDivision },
        'PLACE_NOT_MANAGED',
      ],
      [
        region.token,
        { role: 'SCHOOL_REGISTRAR', schoolId: String(places.schoolId) },
        'ROLE_NOT_MANAGED',
      ],
      [
        division.token,
        { role: 'DIVISION_MONITOR', divisionId: String(places.divisionId) },
        'ROLE_NOT_MANAGED',
      ],
    ];
    for (const [token, input, rule] of cases) {
      const answer = await createAccount(token, {
        username: `x.${unique()}`,
        displayName: 'Someone Else',
        ...input,
      });
      expect(answer.status).toBe(403);
      expect(answer.error).toMatchObject({ code: 'FORBIDDEN', rule });
    }
    // Bad input names its field.
    const bad: [Record<string, unknown>, string, string][] = [
      [{ username: 'No Spaces' }, 'input.username', 'USERNAME_INVALID'],
      [{ email: 'not-an-email' }, 'input.email', 'EMAIL_INVALID'],
      [{ schoolId: '999999' }, 'input.schoolId', 'PLACE_UNKNOWN'],
      [
        { schoolId: null, divisionId: String(places.divisionId) },
        'input.divisionId',
        'PLACE_NOT_FOR_ROLE',
      ],
    ];
    for (const [input, field, rule] of bad) {
      const answer = await createAccount(division.token, {
        username: `y.${unique()}`,
        displayName: 'Some Registrar',
        role: 'SCHOOL_REGISTRAR',
        schoolId: String(places.schoolId),
        ...input,
      });
      expect(answer.status).toBe(400);
      expect(answer.error).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    }
    const taken = await createAccount(division.token, {
      username: division.username,
      displayName: 'Taken Name',
      role: 'SCHOOL_REGISTRAR',
      schoolId: String(places.schoolId),
    });
    expect(taken.status).toBe(409);
    expect(taken.error).toMatchObject({ code: 'USERNAME_TAKEN' });
    // The data set loader's account belongs to the system: listed to no one, changed by no one.
    const loader = await datasetLoaderAccount(dataSource);
    const all = await send(
      'query($s: String) { accounts(search: $s) { total } }',
      { s: 'dataset-loader' },
      admin,
    );
    expect(all.body.data!.accounts).toEqual({ total: 0 });
    const enable = await send(
      'mutation($id: ID!) { enableAccount(id: $id) { id } }',
      { id: loader },
      admin,
    );
    expect(enable.status).toBe(404);
    // An administrator's own account is changed by another administrator.
    const own = await send(
      'mutation($id: ID!) { disableAccount(id: $id) { id } }',
      { id: adminId },
      admin,
    );
    expect(own.status).toBe(403);
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', rule: 'OWN_ACCOUNT' });
  });

  it('sets a password only with its code, and only a strong one', async () => {
    const division = await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
      divisionId: places.divisionId,
    });
    const { setup } = await createAccount(division.token, {
      username: `head.${unique()}`,
      displayName: 'Liza Manalo',
      role: 'SCHOOL_HEAD',
      schoolId: String(places.schoolId),
    });
    const { username } = setup!.account;
    expect(await login(username, strong)).toBeNull();
    const tries: [string, string, string][] = [
      ['AAAA-BBBB-CCCC', strong, 'CODE_INVALID'],
      [setup!.setupCode, 'short-pass', 'TOO_SHORT'],
      [setup!.setupCode, 'password1234', 'WEAK'],
      [setup!.setupCode, 'lizamanalo2027', 'WEAK'],
      [setup!.setupCode, `${username}-extra`, 'CONTAINS_USERNAME'],
    ];
    for (const [code, password, rule] of tries) {
      const answer = await setPassword(username, code, password);
      expect(answer.status).toBe(400);
      expect(answer.error).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    }
    // The code is read as it is spoken: lower case and without dashes too.
    const spoken = setup!.setupCode.toLowerCase().replaceAll('-', ' ');
    expect((await setPassword(username, spoken, strong)).status).toBe(200);
    expect(await login(username, strong)).toMatch(/^ey/);
    // Used once.
    expect((await setPassword(username, setup!.setupCode, `${strong}!`)).error).toMatchObject({
      rule: 'CODE_INVALID',
    });
  });

  it('disables (the open session refused within a second), enables, resets and moves an account', async () => {
    const division = await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
      divisionId: places.divisionId,
    });
    const registrar = await onboard(division.token, {
      username: `reg.${unique()}`,
      displayName: 'Rhea Registrar',
      role: 'SCHOOL_REGISTRAR',
      schoolId: String(places.schoolId),
    });
    const me = () => send('{ me { username } }', {}, registrar.token);
    expect((await me()).status).toBe(200);
    const disabled = await send(
      'mutation($id: ID!) { disableAccount(id: $id) { disabled } }',
      { id: registrar.id },
      division.token,
    );
    expect(disabled.body.data!.disableAccount).toEqual({ disabled: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await me()).status).toBe(401);
    expect(await login(registrar.username, strong)).toBeNull();
    await send(
      'mutation($id: ID!) { enableAccount(id: $id) { id } }',
      { id: registrar.id },
      division.token,
    );
    const token = await login(registrar.username, strong);
    expect(token).toMatch(/^ey/);
    // A reset: the old password stops, a new code sets the next.
    const reset = await send(
      'mutation($id: ID!) { resetAccountPassword(id: $id) { setupCode account { awaitingPassword } } }',
      { id: registrar.id },
      division.token,
    );
    const code = (reset.body.data!.resetAccountPassword as { setupCode: string }).setupCode;
    expect(await login(registrar.username, strong)).toBeNull();
    expect((await setPassword(registrar.username, code, `${strong}-two`)).status).toBe(200);
    // Moved to another school of the division as its head; another division's school is refused.
    const moved = await send(
      'mutation($id: ID!, $a: AccountAccessInput!) { changeAccountAccess(id: $id, access: $a) { role school { schoolId } } }',
      { id: registrar.id, a: { role: 'SCHOOL_HEAD', schoolId: otherSchool } },
      division.token,
    );
    expect(moved.body.data!.changeAccountAccess).toEqual({
      role: 'SCHOOL_HEAD',
      school: { schoolId: otherSchool },
    });
    // A division manages no division account, its own included, nor another division’s school: 404.
    const own = await send(
      'mutation($id: ID!) { disableAccount(id: $id) { id } }',
      { id: division.id },
      division.token,
    );
    expect(own.status).toBe(404);
    const elsewhere = await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
      divisionId: Number(otherRegionDivision),
    });
    const notMine = await send(
      'mutation($id: ID!) { disableAccount(id: $id) { id } }',
      { id: registrar.id },
      elsewhere.token,
    );
    expect(notMine.status).toBe(404);
    // Every step is in the division's view of events, in order.
    const events = await send(
      '{ accountEvents(limit: 200) { action username } }',
      {},
      division.token,
    );
    const mine = (events.body.data!.accountEvents as { action: string; username: string }[])
      .filter((e) => e.username === registrar.username)
      .map((e) => e.action)
      .reverse();
    expect(mine).toEqual([
      'ACCOUNT_CREATED',
      'ACCOUNT_PASSWORD_SET',
      'ACCOUNT_DISABLED',
      'ACCOUNT_ENABLED',
      'ACCOUNT_PASSWORD_RESET',
      'ACCOUNT_PASSWORD_SET',
      'ACCOUNT_ACCESS_CHANGED',
    ]);
  });
});
