import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { sessionCookieName } from './session-cookie.js';

// Issue 19: the dashboard's 8-hour session sat in localStorage, where any injected script reads
// it. Now it is an HttpOnly, SameSite=Strict cookie the server renews; a cross-site request
// carrying it is refused; API clients keep the bearer header.

let dataSource: DataSource;
let server: TestServer;
let account: { username: string; password: string; token: string };

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId: 500743 });
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});
afterEach(() => {
  vi.useRealTimers();
});

type Answer = { token?: string | null; username?: string; sessionExpiresAt?: string } | null;

async function post(query: string, headers: Record<string, string> = {}, variables = {}) {
  const answer = await server.post<Record<string, Answer>>(query, variables, { headers });
  return { ...answer, setCookie: answer.headers.getSetCookie() };
}

const loginMutation = `mutation($u: String!, $p: String!, $c: Boolean) {
  login(username: $u, password: $p, cookie: $c) { token sessionExpiresAt }
}`;

async function cookieSignIn() {
  const answer = await post(
    loginMutation,
    {},
    {
      u: account.username,
      p: account.password,
      c: true,
    },
  );
  const set = answer.setCookie.find((c) => c.startsWith(`${sessionCookieName}=`))!;
  return { answer, set, cookie: set.split(';')[0]! };
}

const me = '{ me { username } }';

describe('the session cookie (issue 19)', () => {
  it('is HttpOnly and SameSite=Strict, lasts the session, and puts no token in the answer', async () => {
    const { answer, set, cookie } = await cookieSignIn();
    expect(answer.status).toBe(200);
    expect(answer.body.data!.login!.token).toBeNull();
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\//);
    // Plain HTTP outside production: not Secure, or the browser would never send it back.
    expect(set).not.toMatch(/; Secure/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(set)![1]!);
    const sessionEnds = Date.parse(String(answer.body.data!.login!.sessionExpiresAt));
    expect(Math.abs(expires - sessionEnds)).toBeLessThan(1000);
    const signedIn = await post(me, { cookie, 'sec-fetch-site': 'same-origin' });
    expect(signedIn.body.data!.me!.username).toBe(account.username);
  });

  it('is refused from another site, by Sec-Fetch-Site or by Origin', async () => {
    const { cookie } = await cookieSignIn();
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
    ]) {
      const answer = await post(me, { cookie, ...headers });
      expect(answer.status).toBe(403);
      expect(answer.body.errors![0]!.extensions).toMatchObject({
        code: 'FORBIDDEN',
        rule: 'CROSS_SITE_REQUEST',
      });
    }
    const sameOrigin = await post(me, { cookie, origin: server.url });
    expect(sameOrigin.body.data!.me!.username).toBe(account.username);
  });

  it('is renewed by the server once half the access token’s time has gone', async () => {
    const { cookie } = await cookieSignIn();
    const fresh = await post(me, { cookie });
    expect(fresh.setCookie).toEqual([]);
    // Only Date is faked, and moved on from where it stands: the access token (15 minutes) is 10
    // minutes old, then 20. The app's clock (clock.ts) reads Date, so it moves with it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.advanceTimersByTime(10 * 60_000);
    const renewed = await post(me, { cookie });
    expect(renewed.body.data!.me!.username).toBe(account.username);
    const next = renewed.setCookie.find((c) => c.startsWith(`${sessionCookieName}=`))!;
    expect(next.split(';')[0]).not.toBe(cookie);
    vi.advanceTimersByTime(10 * 60_000);
    // The old token has expired; the session has not: renewed again from it.
    const again = await post(me, { cookie: next.split(';')[0]! });
    expect(again.body.data!.me!.username).toBe(account.username);
  });

  it('is cleared by logout, and a cookie of an ended session signs in nobody', async () => {
    const { cookie } = await cookieSignIn();
    const out = await post('mutation { logout }', { cookie });
    expect(out.body.data!.logout).toBe(true);
    expect(out.setCookie.join()).toMatch(
      new RegExp(`${sessionCookieName}=;.*Expires=Thu, 01 Jan 1970`),
    );
    const after = await post(me, { cookie });
    expect(after.status).toBe(401);
    expect(after.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    // …and the browser is told to drop it; signing in again works with it still sent.
    expect(after.setCookie.join()).toMatch(`${sessionCookieName}=;`);
    const again = await post(
      loginMutation,
      { cookie },
      {
        u: account.username,
        p: account.password,
        c: true,
      },
    );
    expect(again.status).toBe(200);
  });

  it('gives way to a bearer token, which API clients keep', async () => {
    const { cookie } = await cookieSignIn();
    const other = await createTestAccount(dataSource, Role.NATIONAL_ANALYST);
    const answer = await post(me, { cookie, authorization: `Bearer ${other.token}` });
    expect(answer.body.data!.me!.username).toBe(other.username);
    const bearerLogin = await post(loginMutation, {}, { u: account.username, p: account.password });
    expect(bearerLogin.body.data!.login!.token).toMatch(/^ey/);
    expect(bearerLogin.setCookie).toEqual([]);
  });
});
