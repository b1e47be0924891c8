import { existsSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@repo/domain/access';
import { type Browser, type Page } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../harness.js';
import { hasChromium, launchChromium, screenshotDir } from './browser.js';

// Issue 20, in Chromium: an administrator creates a division's account, the division creates a
// registrar, the registrar sets a password with the one-time code and signs in; the division
// disables the account and the registrar's open session is refused within a second.

let dataSource: DataSource;
let server: TestServer;
let browser: Browser;
let places: Awaited<ReturnType<typeof resolveTestPlaces>>;
const password = 'tahimik-na-ilog-bundok-2027';
const tag = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  if (!hasChromium) return;
  if (!existsSync(path.join(dashboardDist, 'index.html')))
    throw new Error('The dashboard is not built: run `npm run build -w @repo/dashboard` first.');
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  places = await resolveTestPlaces(dataSource);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await dataSource?.destroy();
});

async function signIn(username: string, secret: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** Fills the new-account form; answers the one-time code the page shows once. */
async function createAccount(
  page: Page,
  fields: { role: string; place: [string, string]; username: string; name: string },
) {
  await page.goto(`${server.url}/accounts`);
  // Exact labels: the rows' buttons are labelled with usernames ("Disable t_division_monitor_…").
  await page.getByLabel('Role', { exact: true }).selectOption(fields.role);
  const [label, value] = fields.place;
  const place = page.getByLabel(label, { exact: true });
  if (label === 'School ID') await place.fill(value);
  else await place.selectOption(value);
  await page.getByLabel('Username', { exact: true }).fill(fields.username);
  await page.getByLabel('Full name', { exact: true }).fill(fields.name);
  await page.getByRole('button', { name: 'Create account' }).click();
  const code = await page.getByLabel('One-time code').textContent();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return code!;
}

async function setPassword(username: string, code: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Set your password' }).click();
  // The sign-in page has a Username field too: fill nothing until the new page is there.
  await page.getByRole('heading', { name: 'Set your password' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('One-time code').fill(code);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByText('Your password is set.').waitFor();
  await page.context().close();
}

describe.skipIf(!hasChromium)('accounts administration in Chromium (issue 20)', () => {
  it(
    'administrator → division → registrar, each by a one-time code; a disabled session ends',
    { timeout: 120_000 },
    async () => {
      const admin = await createTestAccount(dataSource, Role.ADMINISTRATOR);
      const adminPage = await signIn(admin.username, admin.password);
      const divisionUser = `monitor.${tag}`;
      const divisionCode = await createAccount(adminPage, {
        role: Role.DIVISION_MONITOR,
        place: ['Division', String(places.divisionId)],
        username: divisionUser,
        name: 'Dina Monitor',
      });
      await setPassword(divisionUser, divisionCode);

      const divisionPage = await signIn(divisionUser, password);
      await divisionPage.getByRole('link', { name: 'Accounts' }).click();
      const registrarUser = `registrar.${tag}`;
      const registrarCode = await createAccount(divisionPage, {
        role: Role.SCHOOL_REGISTRAR,
        place: ['School ID', String(places.schoolId)],
        username: registrarUser,
        name: 'Rosa Registrar',
      });
      await setPassword(registrarUser, registrarCode);

      const registrarPage = await signIn(registrarUser, password);
      await registrarPage.waitForURL((url) => url.pathname === `/schools/${places.schoolId}`);
      // The registrar's row, as the division sees it after the sign-in.
      await divisionPage.reload();
      const row = divisionPage
        .getByRole('table', { name: 'Accounts' })
        .getByRole('row', { name: new RegExp(registrarUser) });
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('Active');
      await divisionPage.screenshot({
        path: path.join(screenshotDir, 'accounts.png'),
        fullPage: true,
      });

      await divisionPage.getByRole('button', { name: `Disable ${registrarUser}` }).click();
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('Disabled');
      const disabledAt = performance.now();
      const me = () =>
        registrarPage.evaluate<number>(`fetch('/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { username } }' }),
      }).then((r) => r.status)`);
      let status = await me();
      while (status === 200 && performance.now() - disabledAt < 1000) status = await me();
      expect(status).toBe(401);
      // The division's recent changes show each step, with who did it.
      const changes = divisionPage.getByRole('table', { name: 'Recent changes' });
      await expect.poll(() => changes.textContent()).toMatch(/disabled.*registrar/i);
      await expect.poll(() => changes.textContent()).toContain(divisionUser);
    },
  );
});
