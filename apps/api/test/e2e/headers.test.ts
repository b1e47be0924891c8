import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { Role } from '@repo/domain/access';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../harness.js';
import { hasChromium, launchChromium } from './browser.js';

// Issue 19, finding 7: the browser's rules sent with every page and answer. A strict
// Content-Security-Policy (no inline script), no framing, no referrer, no sniffing; checked in
// Chromium: the dashboard still draws, and a script injected into the page does not run.

let dataSource: DataSource;
let server: TestServer;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
});
afterAll(async () => {
  await server?.close();
  await dataSource?.destroy();
});

describe('the browser’s rules (issue 19)', () => {
  it('sends the CSP, frame, referrer and sniffing rules with the page and the API', async () => {
    for (const url of [`${server.url}/`, `${server.url}/health`]) {
      const response = await fetch(url);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/default-src 'self'/);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(csp, url).toMatch(/object-src 'none'/);
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('no-referrer');
    }
  });

  describe.skipIf(!hasChromium)('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      if (!existsSync(path.join(dashboardDist, 'index.html')))
        throw new Error(
          'The dashboard is not built: run `npm run build -w @repo/dashboard` first.',
        );
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('draws the dashboard, and runs no script injected into the page', async () => {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(server.url);
      await page.getByRole('table', { name: 'Regions' }).waitFor();
      expect(violations).toEqual([]);
      // A script element and an inline event handler, as an injection would add them; the
      // page's own code (not this evaluation, which the DevTools protocol runs) is what CSP binds.
      const ran = await page.evaluate<boolean>(`(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.appendChild(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.injected = true;');
        image.src = 'data:,not-an-image';
        document.body.appendChild(image);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return window.injected === true;
      })()`);
      expect(ran).toBe(false);
      expect(violations.length).toBeGreaterThan(0);
      await page.close();
    });

    it('keeps the session where no script in the page can read it', async () => {
      const account = await createTestAccount(dataSource, Role.DIVISION_MONITOR, {
        divisionId: (await resolveTestPlaces(dataSource)).divisionId,
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Username').fill(account.username);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/divisions/'));
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const [cookie] = await context.cookies(server.url);
      expect(cookie).toMatchObject({ name: 'deped_session', httpOnly: true, sameSite: 'Strict' });
      // What a script in the page sees: neither the cookie nor a token in storage.
      const seen = await page.evaluate<string>(
        `document.cookie + JSON.stringify(Object.entries(localStorage)) + JSON.stringify(Object.entries(sessionStorage))`,
      );
      expect(seen).not.toContain(cookie!.value);
      expect(seen).not.toMatch(/ey[\w-]+\.ey/);
      // The page's own requests are signed in by the cookie…
      const me = await page.evaluate<string>(`fetch('/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { username } }' }),
      }).then((r) => r.text())`);
      expect(me).toContain(account.username);
      // …and the same cookie sent from another site is refused.
      const crossSite = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `deped_session=${cookie!.value}`,
          origin: 'http://elsewhere.example',
        },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect(crossSite.status).toBe(403);
      // Signing out clears it.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      expect(await context.cookies(server.url)).toEqual([]);
      await context.close();
    });
  });
});
