import { randomUUID } from 'node:crypto';
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
import {
  browse,
  CookieJar,
  signInAtProvider,
  startSsoServer,
  type SsoTestServer,
} from '../../../test/oidc-provider.js';
import { changeAccount, createAccount } from '../accounts/accounts.service.js';
import { AccountEntity } from './account.entity.js';
import { sessionCookieName } from './session-cookie.js';
import { type Viewer } from './viewer.js';

// Single sign-on (issue 20) by HTTP, against a real OpenID provider: the authorization code flow
// with PKCE signs in the account an administrator provisioned with the verified e-mail address,
// and refuses everyone else with a reason and no session. The Chromium test
// (test/e2e/sso.test.ts) walks the same flow in a browser.

const tag = randomUUID().slice(0, 8);
const address = (name: string) => `${name}.${tag}@deped.example.org`;
const users = {
  dina: { email: `Dina.Monitor.${tag}@DepEd.example.org`, emailVerified: true },
  unverified: { email: address('unverified'), emailVerified: false },
  disabled: { email: address('disabled'), emailVerified: true },
  stranger: { email: address('stranger'), emailVerified: true },
};

let dataSource: DataSource;
let sso: SsoTestServer;
let plain: TestServer;
let dina: AccountEntity;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  sso = await startSsoServer(dataSource, users);
  plain = await startTestServer(dataSource);
  const { divisionId } = await resolveTestPlaces(dataSource);
  const admin = await createTestAccount(dataSource, Role.ADMINISTRATOR);
  const viewer: Viewer = {
    accountId: admin.id,
    username: admin.username,
    role: Role.ADMINISTRATOR,
    scope: { kind: 'NATION' },
  };
  const provision = (name: string, email: string) =>
    createAccount(dataSource, viewer, {
      username: `sso_${name}_${tag}`,
      displayName: `SSO ${name}`,
      role: Role.DIVISION_MONITOR,
      divisionId: String(divisionId),
      email,
    });
  // No password is ever set: single sign-on alone signs these in.
  ({ account: dina } = await provision('dina', users.dina.email));
  await provision('unverified', users.unverified.email);
  const { account: disabled } = await provision('disabled', users.disabled.email);
  await changeAccount(dataSource, viewer, disabled.id, 'DISABLE');
});
afterAll(async () => {
  await sso?.close();
  await plain?.close();
  await dataSource?.destroy();
});

/** Where the browser ends after signing in at the provider as `login`, and its cookies. */
async function signIn(login: string, options: { cancel?: boolean; next?: string } = {}) {
  const jar = new CookieJar();
  const next = options.next ? `?next=${encodeURIComponent(options.next)}` : '';
  const landing = await signInAtProvider(jar, `${sso.url}/auth/oidc/start${next}`, login, options);
  return { landing, jar, session: jar.get(sso.url, sessionCookieName) };
}

async function auditOf(action: string, email: string) {
  return dataSource.query<
    { account_id: string | null; entity_id: string | null; after: Record<string, unknown> }[]
  >(
    `SELECT account_id, entity_id, after FROM audit_event WHERE action = $1 AND after ->> 'email' = $2`,
    [action, email],
  );
}

describe('single sign-on by HTTP (issue 20)', () => {
  it('signs in the provisioned account of a verified address, whatever its case', async () => {
    const { landing, jar, session } = await signIn('dina');
    expect(landing.pathname + landing.search).toBe('/login?sso=SIGNED_IN');
    expect(session).toBeTruthy();
    // The session is the dashboard's: its cookie answers `session` with the account.
    const response = await fetch(`${sso.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: jar.header(sso.url) },
      body: JSON.stringify({
        query: '{ session { sessionExpiresAt account { username scopeKind division { id } } } }',
      }),
    });
    const { data } = (await response.json()) as {
      data: {
        session: { account: { username: string; scopeKind: string; division: { id: string } } };
      };
    };
    expect(data.session.account).toMatchObject({ username: dina.username, scopeKind: 'DIVISION' });
    expect(data.session.account.division.id).toBe(String(dina.divisionId));
    const account = await dataSource.getRepository(AccountEntity).findOneBy({ id: dina.id });
    expect(account!.lastSignInAt).not.toBeNull();
    const [entry] = await auditOf('SSO_SIGNED_IN', dina.email!);
    expect(entry).toMatchObject({ account_id: dina.id, entity_id: dina.id });
    expect(entry!.after.subject).toBe('dina');
  });

  it.each([
    ['an address the provider has not verified', 'unverified', 'EMAIL_NOT_VERIFIED', null],
    ['a disabled account', 'disabled', 'ACCOUNT_DISABLED', users.disabled.email],
    [
      'an address no administrator provisioned',
      'stranger',
      'NOT_PROVISIONED',
      users.stranger.email,
    ],
  ])('refuses %s, with no session', async (_case, login, reason, named) => {
    const { landing, session } = await signIn(login);
    expect(landing.pathname + landing.search).toBe(`/login?sso=${reason}`);
    // The address only in the fragment, which no server sees.
    expect(landing.hash).toBe(named ? `#email=${encodeURIComponent(named)}` : '');
    expect(session).toBeUndefined();
    const email = users[login as keyof typeof users].email;
    const [entry] = await auditOf('SSO_SIGN_IN_REFUSED', email);
    expect(entry).toMatchObject({ account_id: null, after: { reason, subject: login } });
  });

  it('says cancelled when the person declines at the provider', async () => {
    const { landing, session } = await signIn('dina', { cancel: true });
    expect(landing.search).toBe('?sso=SSO_CANCELLED');
    expect(session).toBeUndefined();
  });

  it('returns to the page that asked, and never to another site', async () => {
    const back = await signIn('dina', { next: '/divisions/1?sy=2026-2027' });
    expect(back.landing.search).toBe(
      `?sso=SIGNED_IN&next=${encodeURIComponent('/divisions/1?sy=2026-2027')}`,
    );
    const away = await signIn('dina', { next: '//evil.example/' });
    expect(away.landing.search).toBe('?sso=SIGNED_IN');
  });

  it('starts with PKCE (S256), state and nonce, the verifier sealed in a Lax cookie', async () => {
    const jar = new CookieJar();
    const response = await browse(jar, `${sso.url}/auth/oidc/start`);
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location')!);
    expect(to.origin).toBe(sso.provider.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('redirect_uri')).toBe(`${sso.url}/auth/oidc/callback`);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^deped_sso=[\w-]*\.\.[\w-]+\.[\w-]+\.[\w-]+;/); // a JWE: encrypted
    expect(cookie).toMatch(/; Path=\/auth\/oidc;/);
    expect(cookie).toMatch(/; HttpOnly;/);
    expect(cookie).toMatch(/; SameSite=Lax$/);
  });

  it.each([
    ['no pending sign-in in this browser', false, (state: string) => state],
    ['a state that is not the pending one', true, () => 'forged'],
  ])('refuses a callback with %s', async (_case, started, stateOf) => {
    const jar = new CookieJar();
    let state = 'none';
    if (started) {
      const start = await browse(jar, `${sso.url}/auth/oidc/start`);
      state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    }
    const callback = `${sso.url}/auth/oidc/callback?code=stolen&state=${stateOf(state)}`;
    const response = await browse(jar, callback);
    expect(response.headers.get('location')).toBe('/login?sso=SSO_EXPIRED');
    expect(jar.get(sso.url, sessionCookieName)).toBeUndefined();
    // The pending sign-in is spent either way.
    expect(jar.get(sso.url, 'deped_sso')).toBeUndefined();
  });

  it('refuses a forged pending cookie', async () => {
    const response = await fetch(`${sso.url}/auth/oidc/callback?code=x&state=x`, {
      redirect: 'manual',
      headers: { cookie: 'deped_sso=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC' },
    });
    expect(response.headers.get('location')).toBe('/login?sso=SSO_EXPIRED');
  });

  it('tells the sign-in page whether single sign-on is offered', async () => {
    const ask = (url: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ signInOptions { sso } }' }),
      }).then((r) => r.json());
    expect(await ask(sso.url)).toEqual({ data: { signInOptions: { sso: true } } });
    expect(await ask(plain.url)).toEqual({ data: { signInOptions: { sso: false } } });
    const off = await fetch(`${plain.url}/auth/oidc/start`, { redirect: 'manual' });
    expect(off.headers.get('location')).toBe('/login?sso=SSO_OFF');
  });
});
