import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { openTestDataSource, startTestServer, type TestServer } from '../harness.js';
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
  });
});
