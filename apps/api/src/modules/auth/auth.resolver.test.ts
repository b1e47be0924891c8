import { Role } from '@repo/domain/access';
import { SignJWT } from 'jose';
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
import { clock } from '../../clock.js';
import { accessTokenTtlSeconds, authSecret, tokenTtlSeconds } from '../../config.js';
import { AccountEntity } from './account.entity.js';
import { ensureDemoAccounts, removeDemoAccounts } from './demo-accounts.js';

let dataSource: DataSource;
let server: TestServer;
let places: Awaited<ReturnType<typeof resolveTestPlaces>>;
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  places = await resolveTestPlaces(dataSource);
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const loginMutation = `mutation ($u: String!, $p: String!) {
  login(username: $u, password: $p) { token expiresAt sessionExpiresAt account { username role scopeKind } } }`;
const meQuery = `{ me { username role scopeKind school { schoolId } division { name } region { name } } }`;

describe('login', () => {
  it('signs in with the right password and the token reaches `me`, with the account’s place', async () => {
    const account = await createTestAccount(
      dataSource,
      Role.DIVISION_MONITOR,
      placeFor(Role.DIVISION_MONITOR, places),
    );
    const sentAt = clock.now().getTime();
    const { data } = await server.graphql<{
      login: { token: string; expiresAt: string; sessionExpiresAt: string };
    }>(loginMutation, { u: account.username, p: account.password });
    const answeredAt = clock.now().getTime();
    // The session lasts a working day from the sign-in, on the app's clock (the pinned day's
    // instant); each access token a quarter of an hour of it (issue 18).
    const sessionEnds = new Date(data!.login.sessionExpiresAt).getTime();
    expect(sessionEnds).toBeGreaterThanOrEqual(sentAt + tokenTtlSeconds * 1000);
    expect(sessionEnds).toBeLessThanOrEqual(answeredAt + tokenTtlSeconds * 1000);
    const expiresAt = new Date(data!.login.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(sentAt + accessTokenTtlSeconds * 1000);
    expect(expiresAt).toBeLessThanOrEqual(answeredAt + accessTokenTtlSeconds * 1000);
    const me = await server.graphql<{ me: Record<string, unknown> }>(
      meQuery,
      {},
      data!.login.token,
    );
    expect(me.data?.me).toMatchObject({
      username: account.username,
      role: 'DIVISION_MONITOR',
      scopeKind: 'DIVISION',
      school: null,
      division: { name: 'Abra' },
      region: null,
    });
  });

  it.each([
    ['a wrong password', (u: string) => ({ u, p: 'not-the-password' })],
    ['an unknown username', () => ({ u: 'nobody-by-this-name', p: 'demo' })],
  ])('refuses %s with the same answer', async (_, args) => {
    const account = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    const { data, errors } = await server.graphql(loginMutation, args(account.username));
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'Wrong username or password',
      extensions: { code: 'UNAUTHENTICATED', rule: 'CREDENTIALS_INVALID' },
    });
  });

  it('refuses a disabled account', async () => {
    const account = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    await dataSource
      .getRepository(AccountEntity)
      .update({ id: account.id }, { disabledAt: clock.now() });
    const { errors } = await server.graphql(loginMutation, {
      u: account.username,
      p: account.password,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ rule: 'CREDENTIALS_INVALID' });
  });

  it('stores only a bcrypt hash of the password', async () => {
    const account = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    const row = await dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain(account.password);
  });
});

describe('tokens', () => {
  const post = (authorization: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });

  it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
    const account = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    // Expired a minute ago on the app's clock, which the server verifies against.
    const now = Math.floor(clock.now().getTime() / 1000);
    const expired = await new SignJWT({
      role: 'NATIONAL_ANALYST',
      scope: { kind: 'NATION' },
      username: account.username,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(account.id)
      .setIssuer('deped-enrollment')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(authSecret());
    const response = await post(`Bearer ${expired}`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: unknown }[] };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      rule: 'TOKEN_EXPIRED',
    });
  });

  it.each([
    [
      'a tampered role',
      (t: string) =>
        t.replace(
          /\.([^.]+)\./,
          (_, p: string) =>
            `.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'ADMINISTRATOR' })).toString('base64url')}.`,
        ),
    ],
    ['garbage', () => 'not.a.token'],
  ])('refuses %s with 401 TOKEN_INVALID', async (_, mangle) => {
    const account = await createTestAccount(
      dataSource,
      Role.SCHOOL_REGISTRAR,
      placeFor(Role.SCHOOL_REGISTRAR, places),
    );
    const response = await post(`Bearer ${mangle(account.token)}`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: unknown }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ rule: 'TOKEN_INVALID' });
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await post('Basic abc');
    expect(response.status).toBe(401);
  });
});

describe('demo accounts (SPEC §7)', () => {
  it('exist with password "demo" at the places the README lists, idempotently, and go away outside demo mode', async () => {
    await ensureDemoAccounts(dataSource);
    await ensureDemoAccounts(dataSource);
    const expected: Record<string, Record<string, unknown>> = {
      registrar: { role: 'SCHOOL_REGISTRAR', school: { schoolId: '500743' } },
      head: { role: 'SCHOOL_HEAD', school: { schoolId: '500743' } },
      als: { role: 'ALS_FACILITATOR', school: { schoolId: '500518' } },
      division: { role: 'DIVISION_MONITOR', division: { name: 'Abra' } },
      region: { role: 'REGIONAL_PLANNER', region: { name: 'CAR' } },
      analyst: { role: 'NATIONAL_ANALYST', scopeKind: 'NATION' },
      admin: { role: 'ADMINISTRATOR', scopeKind: 'NATION' },
    };
    for (const [username, place] of Object.entries(expected)) {
      const { data } = await server.graphql<{ login: { token: string } }>(loginMutation, {
        u: username,
        p: 'demo',
      });
      const me = await server.graphql<{ me: Record<string, unknown> }>(
        meQuery,
        {},
        data!.login.token,
      );
      expect(me.data?.me, username).toMatchObject({ username, ...place });
    }
    expect(await removeDemoAccounts(dataSource)).toBe(7);
    const { errors } = await server.graphql(loginMutation, { u: 'registrar', p: 'demo' });
    expect(errors?.[0]?.extensions).toMatchObject({ rule: 'CREDENTIALS_INVALID' });
  });
});
