import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Role } from '@repo/domain/access';
import { type Browser, type Page } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { createAccount } from '../../src/modules/accounts/accounts.service.js';
import { sessionCookieName } from '../../src/modules/auth/session-cookie.js';
import { createTestAccount, openTestDataSource, resolveTestPlaces } from '../harness.js';
import { startSsoServer, type SsoTestServer } from '../oidc-provider.js';
import { hasChromium, launchChromium, screenshotDir } from './browser.js';

// Issue 20, in Chromium: single sign-on through a real OpenID provider (oidc-provider, started
// here, another site than the app) lands a user whose verified e-mail an administrator
// provisioned on their own dashboard, and sends one nobody provisioned back to the sign-in page
// with the reason in plain words and no session.

const tag = randomUUID().slice(0, 8);
const users = {
  // The provider's capitals: accounts keep addresses lower-case, and the match ignores case.
  dina: { email: `Dina.Monitor.${tag}@DepEd.example.org`, emailVerified: true },
  stranger: { email: `stranger.${tag}@deped.example.org`, emailVerified: true },
};

let dataSource: DataSource;
let server: SsoTestServer;
let browser: Browser;
let divisionId: number;

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync(path.join(dashboardDist, 'index.html')))
    throw new Error('The dashboard is not built: run `npm run build -w @repo/dashboard` first.');
  dataSource = await openTestDataSource();
  ({ divisionId } = await resolveTestPlaces(dataSource));
  const admin = await createTestAccount(dataSource, Role.ADMINISTRATOR);
  // Provisioned as the accounts screen does it; no password is ever set for it.
  await createAccount(
    dataSource,
    {
      accountId: admin.id,
      username: admin.username,
      role: Role.ADMINISTRATOR,
      scope: { kind: 'NATION' },
    },
    {
      username: `dina.${tag}`,
      displayName: 'Dina Monitor',
      role: Role.DIVISION_MONITOR,
      divisionId: String(divisionId),
      email: users.dina.email.toLowerCase(),
    },
  );
  server = await startSsoServer(dataSource, users);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dataSource?.destroy();
});

/** From the app's sign-in page, through the provider's login and consent pages, as `login`. */
async function signInWithDepEd(login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Sign in with your DepEd account' }).click();
  await page.waitForURL((url) => url.origin === server.provider.issuer);
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === server.url);
  return page;
}

describe.skipIf(!hasChromium)('single sign-on in Chromium (issue 20)', () => {
  it('lands a provisioned user on their division dashboard', async () => {
    const page = await signInWithDepEd('dina');
    await page.waitForURL((url) => url.pathname === `/divisions/${divisionId}`);
    await page.getByRole('heading', { level: 1, name: /^Schools Division of / }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect
      .poll(() => page.locator('.app-header__account').textContent())
      .toContain('Dina Monitor');
    await page.screenshot({ path: path.join(screenshotDir, 'sso-division.png'), fullPage: true });
    // A reload keeps the session: the page kept when it ends, the cookie the rest.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.context().close();
  });

  it('refuses an address nobody provisioned, in plain words, with no session', async () => {
    const refused = await signInWithDepEd('stranger');
    await refused.waitForURL((url) => url.searchParams.get('sso') === 'NOT_PROVISIONED');
    await expect
      .poll(() => refused.getByRole('alert').textContent())
      .toBe(
        `No account has been set up for ${users.stranger.email}: ask your division's administrator.`,
      );
    await refused.getByRole('link', { name: 'Sign in with your DepEd account' }).waitFor();
    await refused.screenshot({ path: path.join(screenshotDir, 'sso-refused.png') });
    const context = refused.context();
    const cookies = await context.cookies(server.url);
    expect(cookies.map((c) => c.name)).not.toContain(sessionCookieName);
    const status = await refused.evaluate<number>(`fetch('/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ session { sessionExpiresAt } }' }),
    }).then((r) => r.status)`);
    expect(status).toBe(401);
    await context.close();
  });
});
