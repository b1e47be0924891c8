import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { demoAlsCenterId, demoSchoolId } from '../../src/modules/auth/demo-accounts.js';
import { ensureDemoData } from '../../src/modules/datasets/demo-data.js';
import { currentYear, pinClockDuring, reportingYear, seasonYear } from '../clock-fixtures.js';
import { demoTemplate } from '../demo-database.js';
import { openOwnTestDatabase, startTestServer, type TestServer } from '../harness.js';
import { hasChromium, launchChromium } from './browser.js';
import { enPH, kpiValue, screenshot, signIn } from './dashboard-support.js';

// The days in order on one database, as a demo left running would see them: classes of SY
// 2026-2027 with the next season under way, then the new year's classes, then mid-year.
const firstDay = '2027-02-10';
const days = [firstDay, '2027-07-01', '2027-11-20'];

describe.skipIf(!hasChromium)(
  'the demo in Chromium, any day of the year (issue 16)',
  { timeout: 300_000 },
  () => {
    let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
    let server: TestServer;
    let browser: Browser;
    let context: BrowserContext | undefined;

    beforeAll(async () => {
      if (!existsSync(path.join(dashboardDist, 'index.html'))) {
        throw new Error(
          'The dashboard is not built: run `npm run build -w @repo/dashboard` first.',
        );
      }
      // A database of its own: the demo's loads lock the enrollment table while they run. A copy
      // of what a first start on the first day leaves (test/demo-database.ts).
      own = await openOwnTestDatabase('demo_days', 6, { from: await demoTemplate(firstDay) });
      server = await startTestServer(own.dataSource);
      browser = await launchChromium();
    }, 600_000);
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await own?.drop();
    });

    /** Signs in through the form, as a user would, and waits for the landing page. */
    async function land(username: string, pathStart: string): Promise<Page> {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname.startsWith(pathStart));
      return page;
    }

    /** enrollmentSummary's learners, as the account sees them. */
    async function learners(username: string, filter: Record<string, unknown>) {
      const { token } = await signIn(server, username);
      const answer = await server.graphql<{ enrollmentSummary: { learners: number }[] }>(
        'query ($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: []) { learners } }',
        { f: filter },
        token,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.enrollmentSummary[0]!.learners;
    }

    /** The headline figure of a reporting page, of the year it opened on, equal to the API's. */
    async function expectOverview(page: Page, expected: number) {
      const figure = page.getByRole('region', { name: 'Learners', exact: true });
      await expect
        .poll(() => figure.locator('.stat-card__hint').textContent())
        .toContain(`Enrolled, SY ${reportingYear()}`);
      expect(expected).toBeGreaterThan(0);
      await expect.poll(() => kpiValue(page, 'Learners')).toBe(enPH(expected));
    }

    describe.each(days)('on %s', (day) => {
      let pinned: ReturnType<typeof pinClockDuring>;
      let place: { divisionId: string; regionId: string };
      beforeAll(async () => {
        pinned = pinClockDuring(day);
        await ensureDemoData(own.dataSource, () => undefined);
        const [row] = await own.dataSource.query<{ division_id: number; region_id: number }[]>(
          'SELECT division_id, region_id FROM school WHERE id = $1',
          [demoSchoolId],
        );
        place = { divisionId: String(row!.division_id), regionId: String(row!.region_id) };
        // The first day's six school years are the template's; a later day loads its own year.
      }, 600_000);
      afterAll(() => pinned?.restore());

      it.each([
        ['registrar', demoSchoolId, 'Enrolment'],
        ['head', demoSchoolId, 'Enrolment'],
        ['als', demoAlsCenterId, 'ALS enrolment'],
      ] as const)(
        '%s: the school’s page, then its class list of the year the enrollment screens open on',
        async (username, schoolId, enrollLink) => {
          const page = await land(username, `/schools/${schoolId}`);
          await expectOverview(
            page,
            await learners(username, {
              schoolYear: reportingYear(),
              schoolIds: [String(schoolId)],
            }),
          );

          // Opened afresh: the header's enrollment link appears only after a reload once signed in
          // through the form (a dashboard issue, reported, not this test's subject).
          await page.goto(`${server.url}/enrol`);
          // The header's (main navigation's) link: for the ALS facilitator the enrollment screens'
          // own navigation has a link of the same name, which may render first or not at all yet.
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: enrollLink, exact: true })
            .waitFor();
          await page.getByRole('link', { name: 'Class list', exact: true }).click();
          const year = currentYear();
          await page.getByRole('heading', { name: `Class list, SY ${year}` }).waitFor();
          const { token } = await signIn(server, username);
          const answer = await server.graphql<{ classList: { total: number } }>(
            `query ($s: String!, $y: String!) {
              classList(schoolId: $s, schoolYear: $y, filter: { limit: 1 }) { total } }`,
            { s: String(schoolId), y: year },
            token,
          );
          const total = answer.data!.classList.total;
          expect(total).toBeGreaterThan(0);
          await page
            .locator('caption')
            .filter({ hasText: `of ${total.toLocaleString('en-PH')}` })
            .waitFor();
          await screenshot(page, `demo-${day}-${username}-class-list`);
        },
      );

      it('division: its division’s overview, then the tracker on the season under way or last', async () => {
        const page = await land('division', `/divisions/${place.divisionId}`);
        await page.getByRole('heading', { level: 1, name: 'Schools Division of Abra' }).waitFor();
        await expectOverview(
          page,
          await learners('division', {
            schoolYear: reportingYear(),
            divisionIds: [place.divisionId],
          }),
        );

        await page.getByRole('link', { name: 'Early registration', exact: true }).click();
        const season = seasonYear();
        await page
          .getByRole('heading', { level: 1, name: `Early registration, SY ${season}` })
          .waitFor();
        const { token } = await signIn(server, 'division');
        const answer = await server.graphql<{
          earlyRegistrationProgress: { registrations: number };
        }>(
          'query ($y: String!) { earlyRegistrationProgress(schoolYear: $y) { registrations } }',
          { y: season },
          token,
        );
        const registered = answer.data!.earlyRegistrationProgress.registrations;
        expect(registered).toBeGreaterThan(0);
        expect(await kpiValue(page, 'Registered')).toBe(enPH(registered));
        await screenshot(page, `demo-${day}-division-tracker`);
      });

      it.each([
        ['region', 'regions'],
        ['analyst', null],
      ] as const)(
        '%s: its overview of the latest year with enrolled learners',
        async (username, kind) => {
          const page = await land(username, kind ? `/${kind}/${place.regionId}` : '/');
          await expectOverview(
            page,
            await learners(username, {
              schoolYear: reportingYear(),
              ...(kind ? { regionIds: [place.regionId] } : {}),
            }),
          );
          await screenshot(page, `demo-${day}-${username}`);
        },
      );
    });
  },
);
