import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Role } from '@repo/domain/access';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { columns, normalizeHeader } from '../../src/modules/enrollment/learner-import.rows.js';
import { createTestAccount } from '../harness.js';
import { hasChromium, launchChromium, screenshotDir, signInContext } from './browser.js';
import {
  type DashboardWorld,
  openDashboardWorld,
  screenshot,
  seriousViolations,
  signedInContext,
} from './dashboard-support.js';

// Issue 21, the class list and the school's screens: each defect's test is named after it in the
// issue's words. The world is the demo's (Abra, the run's day), where the largest school has more
// than 1,000 learners.

const active = ['PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED'];

/** Grade labels in school order (Kindergarten, Grade 1 … Grade 12, ALS), as the class list writes them. */
const gradeRank = (label: string): number => {
  if (label === 'Kindergarten') return 0;
  const grade = /^Grade (\d{1,2})$/.exec(label);
  if (grade) return Number(grade[1]);
  if (label === 'Elementary non-graded') return 6.5;
  if (label === 'JHS non-graded') return 10.5;
  if (label.startsWith('ALS')) return 13;
  throw new Error(`not a grade label: ${label}`);
};

describe.skipIf(!hasChromium)(
  'the class list and the school screens in Chromium (issue 21)',
  () => {
    let world: DashboardWorld;
    let browser: Browser;
    let context: BrowserContext | undefined;
    let page: Page;
    let big: { schoolId: number; learners: number; accountId: string };

    beforeAll(async () => {
      world = await openDashboardWorld();
      browser = await launchChromium();
      const [largest] = await world.dataSource.query<{ school_id: number; learners: number }[]>(
        `SELECT e.school_id, count(*)::int AS learners
       FROM enrollment e JOIN school s ON s.id = e.school_id JOIN division d ON d.id = s.division_id
       WHERE d.name = 'Abra' AND s.region_id = $1 AND e.school_year = $2 AND e.status = ANY($3)
       GROUP BY e.school_id ORDER BY learners DESC LIMIT 1`,
        [world.carId, world.year, active],
      );
      big = { schoolId: largest!.school_id, learners: largest!.learners, accountId: '' };
    }, 600_000);
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });
    afterAll(async () => {
      await browser?.close();
      await world?.close();
    });

    async function demoPage(username: string | null, viewport = { width: 1280, height: 900 }) {
      context = await browser.newContext({ viewport, acceptDownloads: true });
      if (username) await signedInContext(context, world.server, username);
      page = await context.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    }

    /** A registrar of the largest school of Abra, signed in as the dashboard signs in. */
    async function bigSchoolRegistrar() {
      const account = await createTestAccount(world.dataSource, Role.SCHOOL_REGISTRAR, {
        schoolId: big.schoolId,
      });
      big.accountId = account.id;
      const answer = await world.server.graphql<{
        login: { token: string; sessionExpiresAt: string };
      }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token sessionExpiresAt } }',
        { u: account.username, p: account.password },
      );
      context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      await signInContext(context, world.server.url, answer.data!.login);
      page = await context.newPage();
      page.setDefaultTimeout(60_000);
    }

    async function download(button: string) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
    }

    it('The class-list CSV holds only the page on screen (100 of 1,104 learners); grades sort as text (1, 10, 11, 12, 2 … Kindergarten last)', async () => {
      expect(big.learners).toBeGreaterThan(1000);
      await bigSchoolRegistrar();
      await page.goto(`${world.server.url}/enrol/class-list?sy=${world.year}`);
      await page.getByRole('table', { name: /^Learners/ }).waitFor();

      const csv = await download('Download CSV');
      const rows = parse<Record<string, string>>(csv.text, { columns: true });
      const expected = await world.dataSource.query<{ key: string }[]>(
        `SELECT concat_ws('|', coalesce(l.lrn, ''), l.last_name, l.first_name,
                        to_char(l.birth_date, 'YYYY-MM-DD')) AS key
       FROM enrollment e JOIN learner l ON l.id = e.learner_id
       WHERE e.school_id = $1 AND e.school_year = $2 AND e.status = ANY($3)`,
        [big.schoolId, world.year, active],
      );
      expect(rows).toHaveLength(big.learners);
      const keys = (list: string[]) => [...list].sort();
      expect(
        keys(rows.map((r) => [r.LRN, r['Last Name'], r['First Name'], r['Birth Date']].join('|'))),
      ).toEqual(keys(expected.map((r) => r.key)));
      const ranks = rows.map((r) => gradeRank(r['Grade Level']!));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks).size).toBeGreaterThan(1);

      // Every learner in the file is on the audit trail as exported, by this account.
      const [audited] = await world.dataSource.query<{ learners: number; exports: number }[]>(
        `SELECT count(*) FILTER (WHERE action = 'LEARNER_EXPORTED')::int AS learners,
              count(*) FILTER (WHERE action = 'CLASS_LIST_EXPORTED')::int AS exports
       FROM audit_event WHERE account_id = $1`,
        [big.accountId],
      );
      expect(audited).toEqual({ learners: big.learners, exports: 1 });
    });

    it('"1 rows", "1104" without a separator', async () => {
      await bigSchoolRegistrar();
      await page.goto(`${world.server.url}/enrol/class-list?sy=${world.year}`);
      const total = big.learners.toLocaleString('en-PH');
      expect(total).toContain(',');
      await page.getByRole('table', { name: `Learners 1–100 of ${total}` }).waitFor();

      await demoPage('analyst');
      await page.goto(`${world.server.url}/explore?sy=${world.year}&dims=SCHOOL_YEAR`);
      await page.getByRole('table', { name: 'Enrollment summary' }).waitFor();
      // The explorer's own count (its year-by-year table, issue 22, counts its years).
      const pager = page.getByRole('group', { name: 'Pages of Enrollment summary' });
      expect(await pager.getByText(/^\d[\d,]* rows?$/).textContent()).toBe('1 row');

      await page.goto(`${world.server.url}/divisions/${await abraId()}?q=Baay%20National`);
      await page.getByRole('table', { name: '1 school matching “Baay National”' }).waitFor();
    });

    /** The elements that reach past the viewport's right edge outside a table's frame. */
    const overflowing = () =>
      page.evaluate<string>(`[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.table-frame'))
      .slice(0, 5).map((el) => el.tagName + '.' + el.className).join(', ')`);

    it('At 390 px wide the class list makes the page 892 px wide; tables are cut off', async () => {
      await demoPage('registrar', { width: 390, height: 844 });
      for (const url of [
        `/enrol/class-list?sy=${world.year}`,
        `/schools/500743?sy=${world.year}`,
        `/divisions/${await abraId()}?sy=${world.year}`,
      ]) {
        await page.goto(`${world.server.url}${url}`);
        await page.locator('table').first().waitFor();
        await expect.poll(() => page.locator('.skeleton--chart').count()).toBe(0);
        await screenshot(page, `class-list-390${url.split('?')[0]!.replace(/\//g, '-')}`);
        expect(
          await page.evaluate<number>('document.documentElement.scrollWidth'),
          `${url} scrolls sideways: ${await overflowing()}`,
        ).toBeLessThanOrEqual(390);
        // Every table sits in a frame that scrolls on its own and a keyboard can reach.
        const tables = await page.locator('table').count();
        const framed = page.locator('[role="region"][tabindex="0"][aria-label] > table');
        expect(await framed.count(), `${url}: tables in a frame`).toBe(tables);
        expect(await seriousViolations(page), url).toEqual([]);
      }
      await page.goto(`${world.server.url}/enrol/class-list?sy=${world.year}`);
      const frame = page.locator('[role="region"][tabindex="0"]', {
        has: page.getByRole('table', { name: /^Learners/ }),
      });
      await frame.waitFor();
      const framed = `[...document.querySelectorAll('.table-frame')]
        .find((f) => f.querySelector('caption')?.textContent.startsWith('Learners'))`;
      const { scrollWidth, clientWidth } = await page.evaluate<{
        scrollWidth: number;
        clientWidth: number;
      }>(`(({ scrollWidth, clientWidth }) => ({ scrollWidth, clientWidth }))(${framed})`);
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      await frame.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate<number>(`(${framed}).scrollLeft`)).toBeGreaterThan(0);
    });

    it('a printable class list in the SF1 layout (print CSS)', async () => {
      await demoPage('registrar');
      await context!.addInitScript({
        content: 'window.print = () => { window.__printed = (window.__printed || 0) + 1; };',
      });
      page = await context!.newPage();
      await page.goto(`${world.server.url}/enrol/class-list?sy=${world.year}`);
      await page.getByRole('table', { name: /^Learners/ }).waitFor();
      await page.getByRole('button', { name: 'Print SF1' }).click();
      // Printed once; a refusal is reported with its words rather than as a timeout.
      await expect
        .poll(async () =>
          (await page.getByRole('alert').count())
            ? await page.getByRole('alert').allTextContents()
            : await page.evaluate('window.__printed'),
        )
        .toBe(1);

      await page.emulateMedia({ media: 'print' });
      const sheets = page.locator('.sf1-sheet');
      // One sheet a class: a grade, and in senior high a strand; the enrolled only (§V.A: a
      // pre-registered learner is not enrolled).
      const grades = await world.dataSource.query<{ grade_level: string; learners: number }[]>(
        `SELECT grade_level, count(*)::int AS learners FROM enrollment
       WHERE school_id = 500743 AND school_year = $1
         AND status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
       GROUP BY grade_level, strand`,
        [world.year],
      );
      expect(await sheets.count()).toBe(grades.length);
      const first = sheets.first();
      await expect.poll(() => first.isVisible()).toBe(true);
      const header = await first.locator('header').innerText();
      expect(header).toContain('School Form 1 (SF 1) School Register');
      expect(header).toMatch(/School ID\s*500743/);
      expect(header).toMatch(new RegExp(`School Year\\s*${world.year}`));
      expect(header).toMatch(/Grade Level\s*Kindergarten/);
      // One table a grade, its columns SF1's, every learner of the grade in it.
      const heads = await first.locator('table thead').innerText();
      for (const column of ['LRN', 'Last Name', 'First Name', 'Middle Name', 'Sex', 'Birth Date'])
        expect(heads).toContain(column);
      expect(heads).toMatch(/Age/);
      const kinder = grades.find((g) => g.grade_level === 'KINDER')!;
      expect(await first.locator('table tbody tr').count()).toBe(kinder.learners);
      // Printed alone: no app chrome, no screen table; a new page for each grade.
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByRole('table', { name: /^Learners/ }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print SF1' }).isVisible()).toBe(false);
      expect(
        await page.evaluate<string>(
          "getComputedStyle(document.querySelectorAll('.sf1-sheet')[1]).breakBefore",
        ),
      ).toBe('page');
      // What the printer gets, kept as artifacts (the PDF lays it out on A4 as printed).
      await screenshot(page, 'class-list-sf1-print', false);
      await page.pdf({ path: path.join(screenshotDir, 'class-list-sf1.pdf'), landscape: true });

      // On screen the register stays out of the way.
      await page.emulateMedia({ media: 'screen' });
      expect(await first.isVisible()).toBe(false);
    });

    it('the import template to download', async () => {
      await demoPage('registrar');
      await page.goto(`${world.server.url}/enrol/import?sy=${world.year}`);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /template/i }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const [header, ...rest] = parse(await readFile(await file.path(), 'utf8'));
      expect(rest).toEqual([]);
      // Exactly the importer's columns: each heading read as one of them, every one once.
      const read = header!.map((title) =>
        Object.entries(columns).find(([, names]) => names.includes(normalizeHeader(title))),
      );
      expect(read.map((found) => found?.[0])).toEqual(Object.keys(columns));

      // Filled in, the template is read by the importer.
      const values: Record<string, string> = {
        lastName: 'Dela Cruz',
        firstName: 'Juan',
        birthDate: '2019-03-04',
        sex: 'M',
        gradeLevel: 'Kindergarten',
      };
      const row = Object.keys(columns).map((c) => values[c] ?? '');
      const filled = path.join(screenshotDir, 'learner-list-template-filled.csv');
      await writeFile(filled, `${header!.join(',')}\n${row.join(',')}\n`);
      await page.getByLabel('Learner list (.csv or .xlsx)').setInputFiles(filled);
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByRole('heading', { name: /^Preview of/ }).waitFor();
      expect(
        await page
          .locator('dl[aria-label="Import summary"] dt', { hasText: 'Rows in the file' })
          .locator('+ dd')
          .textContent(),
      ).toBe('1');
    });

    async function abraId() {
      const [abra] = await world.dataSource.query<{ id: number }[]>(
        "SELECT id FROM division WHERE name = 'Abra' AND region_id = $1",
        [world.carId],
      );
      return abra!.id;
    }

    it('a national high school listed as "K, Elementary"', async () => {
      await demoPage(null);
      // Baay National High School: in DepEd's SY 2023-24 list, its junior high rows dropped from
      // the enrollment file (data/README.md), so its levels come from its School ID (3: secondary).
      await page.goto(`${world.server.url}/divisions/${await abraId()}?q=Baay`);
      const row = page
        .getByRole('table', { name: /matching “Baay”/ })
        .getByRole('row')
        .filter({ hasText: 'Baay National High School' });
      await row.waitFor();
      expect(await row.locator('td').nth(3).innerText()).toMatch(/^JHS/);

      await page.goto(`${world.server.url}/schools/305076`);
      const levels = page.locator('dl.details dt', { hasText: 'Levels offered' }).locator('+ dd');
      await expect.poll(() => levels.textContent()).toBe('Junior high');
    });
  },
);
