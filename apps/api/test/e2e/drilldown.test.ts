import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { openTestDataSource, startTestServer, type TestServer } from '../harness.js';
import { hasChromium, launchChromium, screenshotDir } from './browser.js';

describe.skipIf(!hasChromium)('dashboard drill-down in Chromium', () => {
  let dataSource: DataSource;
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(path.join(dashboardDist, 'index.html'))) {
      throw new Error('The dashboard is not built: run `npm run build -w @repo/dashboard` first.');
    }
    dataSource = await openTestDataSource();
    server = await startTestServer(dataSource);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dataSource?.destroy();
  });

  it('goes Region → Division → School list, each at its own URL, with the API’s counts', async () => {
    const expected = await server.graphql<{
      region: { name: string; divisions: { id: string; name: string; schoolCount: number }[] };
    }>('{ region(id: "17") { name divisions { id name schoolCount } } }');
    const makati = expected.data!.region.divisions.find((d) => d.name === 'Makati City')!;

    await page.goto(server.url);
    await page.getByRole('table', { name: 'Regions' }).waitFor();
    await page.getByRole('link', { name: 'NCR', exact: true }).click();

    await page.waitForURL(`${server.url}/regions/17`);
    const row = page.getByRole('row').filter({ hasText: 'Makati City' });
    await expect
      .poll(() => row.locator('td').last().textContent())
      .toBe(makati.schoolCount.toLocaleString('en-PH'));
    await row.getByRole('link', { name: 'Makati City' }).click();

    await page.waitForURL(`${server.url}/divisions/${makati.id}`);
    await page.getByRole('table', { name: 'Schools of Makati City' }).waitFor();
    const schoolRows = await page.getByRole('row').count();
    expect(schoolRows - 1).toBe(Math.min(makati.schoolCount, 50));
    await page.screenshot({
      path: path.join(screenshotDir, 'drilldown-division.png'),
      fullPage: true,
    });

    await page.getByRole('searchbox', { name: 'Find a school' }).fill('elementary');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=elementary$/);
    await page.getByRole('table', { name: /schools? matching “elementary”/ }).waitFor();
    const names = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /elementary/i.test(n))).toBe(true);

    await page.goBack();
    await page.getByRole('table', { name: 'Schools of Makati City' }).waitFor();
    await page.getByRole('link', { name: 'NCR' }).click();
    await page.waitForURL(`${server.url}/regions/17`);
  });
});
