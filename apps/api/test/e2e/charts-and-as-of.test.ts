import { addDays } from '@repo/domain/civil-date';
import { formatSchoolYear, parseSchoolYear } from '@repo/domain/school-year';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededCalendar } from '../clock-fixtures.js';
import { insertTestLearner } from '../harness.js';
import { hasChromium, launchChromium } from './browser.js';
import {
  type DashboardWorld,
  openDashboardWorld,
  screenshot,
  signedInContext,
} from './dashboard-support.js';

const laPaz = 500743;

/**
 * No tick label twice: names all different; counts strictly rising away from the smallest, on
 * either side of it (a population pyramid labels both sides from 0 out: "2 1 0 1 2" is right,
 * "0 0 1 1 1" is the defect).
 */
function isDistinctTicks(ticks: string[]): boolean {
  const counts = ticks.map((t) => Number(t.replaceAll(',', '')));
  if (counts.some(Number.isNaN)) return new Set(ticks).size === ticks.length;
  const low = counts.indexOf(Math.min(...counts));
  return counts.every((n, i) =>
    i < low ? n > counts[i + 1]! : i > low ? n > counts[i - 1]! : true,
  );
}

// Issue 21's defects in the charts and the missing "data as of", each a flow in Chromium on the
// demo's data (the app's clock pinned; the database's clock is the real one).
describe.skipIf(!hasChromium)('charts and "data as of" (issue 21)', { timeout: 180_000 }, () => {
  let world: DashboardWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let year: string;
  let season: string;

  async function newPage(username: string) {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const token = await signedInContext(context, world.server, username);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    return token;
  }

  /** The charts arrive after the figures (lazy-loaded): wait until none is still loading. */
  async function chartsLoaded() {
    await page.locator('.recharts-surface').first().waitFor();
    await expect.poll(() => page.locator('.skeleton--chart').count()).toBe(0);
  }

  /** Every axis of the page's charts, once drawn, has no tick label twice. */
  async function expectNoRepeatedTicks(where: string) {
    await chartsLoaded();
    // recharts 3 draws an axis's tick labels in a layer of their own, apart from the axis line.
    const axes = page.locator('.recharts-cartesian-axis-tick-labels');
    const tickTexts = async (i: number) =>
      (await axes.nth(i).locator('.recharts-cartesian-axis-tick-value').allTextContents()).filter(
        Boolean,
      );
    await expect.poll(() => axes.count()).toBeGreaterThan(0);
    const count = await axes.count();
    for (let i = 0; i < count; i++) {
      // Ticks are drawn once the chart has measured its container.
      await expect.poll(async () => (await tickTexts(i)).length).toBeGreaterThan(0);
      const ticks = await tickTexts(i);
      expect(isDistinctTicks(ticks), `${where}, axis ${i}: ${ticks.join(' ')}`).toBe(true);
    }
  }

  const abraId = async () =>
    (
      await world.dataSource.query<{ id: number }[]>("SELECT id FROM division WHERE name = 'Abra'")
    )[0]!.id;

  const dbNow = async () =>
    (await world.dataSource.query<{ now: Date }[]>('SELECT clock_timestamp() AS now'))[0]!.now;

  /** The colour of a legend entry's icon in the chart titled `title`. */
  async function legendColour(title: string, entry: string) {
    const item = page
      .locator('figure.chart', { has: page.getByText(title, { exact: true }) })
      .locator('.recharts-legend-item', { hasText: entry });
    const icon = item.locator('path').first();
    // A bar's or slice's icon is filled; a line's is stroked.
    const fill = await icon.getAttribute('fill');
    return fill && fill !== 'none' ? fill : icon.getAttribute('stroke');
  }

  beforeAll(async () => {
    world = await openDashboardWorld();
    ({ year, season } = world);
    browser = await launchChromium();
  }, 600_000);
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('the sector donut changes colours between pages (public blue here, orange there; female is orange too) and shows no values', async () => {
    await newPage('analyst');
    const abra = await abraId();
    const pages = [
      ['national', `/?sy=${year}`],
      ['region', `/regions/${world.carId}?sy=${year}`],
      ['division', `/divisions/${abra}?sy=${year}`],
    ] as const;
    const publicColours: (string | null)[] = [];
    for (const [name, path] of pages) {
      await page.goto(`${world.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await chartsLoaded();
      const donut = page.locator('figure.chart', {
        has: page.getByText('Learners by sector', { exact: true }),
      });
      const publicColour = await legendColour('Learners by sector', 'Public');
      const slices = await donut.locator('.recharts-pie-sector path').all();
      const sliceFills = await Promise.all(slices.map((p) => p.getAttribute('fill')));
      expect(sliceFills, name).toContain(publicColour);
      const femaleColour = await legendColour('Grade levels by sex', 'Female');
      expect(femaleColour, name).toBeTruthy();
      expect(femaleColour, name).not.toBe(publicColour);
      expect(sliceFills, name).not.toContain(femaleColour);
      // Each slice's figures beside it: a count and its share.
      const values = donut.locator('.share-chart__value');
      expect(await values.count(), name).toBe(sliceFills.length);
      for (const text of await values.allTextContents())
        expect(text, name).toMatch(/^[\d,]+ \(\d+(\.\d+)?%\)$/);
      await expect.poll(() => values.first().isVisible()).toBe(true);
      publicColours.push(publicColour);
    }
    expect(new Set(publicColours).size).toBe(1);
    await screenshot(page, 'charts-sector-donut-division');
  });

  it("chart axes repeat ticks ('0 0 1 1 1') for small counts, on desktop too", async () => {
    const token = await newPage('analyst');
    // The smallest school of CAR with learners: a handful a grade, so the axes end at 1, 2 or 3.
    const answer = await world.server.graphql<{
      enrollmentSummary: { learners: number; school: { schoolId: string } }[];
    }>(
      `query ($filter: EnrollmentSummaryFilter) {
        enrollmentSummary(filter: $filter, groupBy: [SCHOOL]) { learners school { schoolId } }
      }`,
      { filter: { schoolYear: year, regionIds: [world.carId] } },
      token,
    );
    const smallest = answer
      .data!.enrollmentSummary.filter((r) => r.learners > 0)
      .sort((a, b) => a.learners - b.learners)[0]!;
    expect(smallest.learners).toBeLessThan(20);
    await page.goto(`${world.server.url}/schools/${smallest.school.schoolId}?sy=${year}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoRepeatedTicks('school');
    // A division of CAR other than the demo's Abra: no registration yet, a day's count is 0.
    const [other] = await world.dataSource.query<{ id: number }[]>(
      "SELECT id FROM division WHERE region_id = $1 AND name <> 'Abra' ORDER BY id LIMIT 1",
      [world.carId],
    );
    await page.goto(
      `${world.server.url}/tracker?sy=${season}&region=${world.carId}&division=${other!.id}`,
    );
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Registrations per day', { exact: true }).waitFor();
    await expectNoRepeatedTicks('tracker');
    await screenshot(page, 'charts-school-small-counts');
  });

  it("'against last year' draws last year only as a flat line", async () => {
    // Last season's registrations at La Paz, spread over its window's first days.
    const previous = formatSchoolYear({ startYear: parseSchoolYear(season)!.startYear - 1 });
    const start = seededCalendar(previous).dates.earlyRegistrationStart;
    const [{ id: creator }] = (await world.dataSource.query<{ id: string }[]>(
      "SELECT id FROM account WHERE username = 'registrar'",
    )) as [{ id: string }];
    for (const [offset, grade] of [
      [0, 'KINDER'],
      [1, 'GRADE_1'],
      [1, 'KINDER'],
      [3, 'GRADE_7'],
      [6, 'GRADE_11'],
    ] as const) {
      const learner = await insertTestLearner(world.dataSource, creator, laPaz);
      await world.dataSource.query(
        `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, strand, status,
                                 registered_on, created_by)
         VALUES ($1, $2, $3, $4, $5, 'PRE_REGISTERED', $6, $7)`,
        [
          learner,
          laPaz,
          previous,
          grade,
          grade === 'GRADE_11' ? 'STEM' : null,
          addDays(start, offset),
          creator,
        ],
      );
    }
    const token = await newPage('registrar');
    const answer = await world.server.graphql<{
      earlyRegistrationProgress: { days: { previousYearCumulative: number | null }[] };
    }>(
      `query ($sy: String!) { earlyRegistrationProgress(schoolYear: $sy) {
        days { previousYearCumulative } } }`,
      { sy: season },
      token,
    );
    const lastYear = answer.data!.earlyRegistrationProgress.days.map(
      (d) => d.previousYearCumulative,
    );
    expect(new Set(lastYear).size).toBeGreaterThan(1);

    await page.goto(`${world.server.url}/tracker`);
    await page
      .getByRole('heading', { level: 1, name: `Early registration, SY ${season}` })
      .waitFor();
    await chartsLoaded();
    const chart = page.locator('figure.chart', {
      has: page.getByText('Cumulative registrations by day, against last year', { exact: true }),
    });
    const lastYearColour = await legendColour(
      'Cumulative registrations by day, against last year',
      'Last year by the same day',
    );
    const curve = chart.locator(`path.recharts-line-curve[stroke="${lastYearColour}"]`);
    const d = (await curve.getAttribute('d')) ?? '';
    const ys = [...d.matchAll(/[ML,]\s*([\d.]+)[ ,]([\d.]+)/g)].map((m) =>
      Math.round(Number(m[2])),
    );
    expect(ys.length).toBeGreaterThan(1);
    expect(new Set(ys).size).toBeGreaterThan(1);
    // The figures are in the day-by-day table too.
    await page.getByRole('columnheader', { name: 'Last year by the same day' }).first().waitFor();
    await screenshot(page, 'charts-tracker-against-last-year');
  });

  it('a "data as of" time on every page', async () => {
    const abra = await abraId();
    const pages = [
      ['analyst', `/?sy=${year}`],
      ['analyst', `/regions/${world.carId}?sy=${year}`],
      ['analyst', `/divisions/${abra}?sy=${year}`],
      ['analyst', `/schools/${laPaz}?sy=${year}`],
      ['analyst', `/explore?sy=${year}&dims=DIVISION`],
      ['division', `/tracker`],
      ['division', `/documents-due?sy=${year}`],
      ['registrar', `/enrol/class-list?sy=${year}`],
    ] as const;
    for (const [username, path] of pages) {
      await newPage(username);
      const before = await dbNow();
      await page.goto(`${world.server.url}${path}`);
      // The page's own, first: the sections below (year by year, maps, learner flows) say theirs.
      const time = page.locator('time[data-as-of][datetime]').first();
      await time.waitFor();
      const after = await dbNow();
      const datetime = (await time.getAttribute('datetime'))!;
      expect(datetime, path).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      const at = new Date(datetime).getTime();
      expect(at, path).toBeGreaterThanOrEqual(before.getTime());
      expect(at, path).toBeLessThanOrEqual(after.getTime());
      expect(await time.textContent(), path).toMatch(
        /^Data as of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d PHT$/,
      );
      // Under the page's heading: a heading comes before it.
      const headingFirst = await page.evaluate<boolean>(
        `Boolean(document.querySelector('h1').compareDocumentPosition(
          document.querySelector('time[data-as-of]')) & Node.DOCUMENT_POSITION_FOLLOWING)`,
      );
      expect(headingFirst, path).toBe(true);
      await context.close();
    }
  });
});
