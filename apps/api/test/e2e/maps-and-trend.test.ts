import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flowsFromBaseTables } from '../../src/modules/reporting/learner-flows.base-sql.js';
import { hasChromium, launchChromium } from './browser.js';
import {
  axeViolations,
  type DashboardWorld,
  enPH,
  openDashboardWorld,
  screenshot,
  signedInContext,
} from './dashboard-support.js';

const enrolled = ['TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED'];

/** "Abra" and "NCR, Second District", from PSGC's upper-case names as Division.province holds them. */
const provinceLabel = (province: string) =>
  province
    .toLowerCase()
    .replace(/\b[a-z]/g, (c) => c.toUpperCase())
    .replace(/ Del /, ' del ');

// Issue 22, the dashboard's part: the year-by-year trend of every overview page and the
// choropleth maps (the regions on the national page, a region's provinces on its page), in
// Chromium on the dashboard world; every expected figure is counted from the database.
describe.skipIf(!hasChromium)('year by year and maps (issue 22)', { timeout: 240_000 }, () => {
  let world: DashboardWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  async function open(username: string, path: string) {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signedInContext(context, world.server, username);
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${world.server.url}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }

  /** CAR's provinces with their divisions' learners in the reported year, by name. */
  async function carProvinces() {
    const rows = await world.dataSource.query<
      { province: string; learners: number; divisions: string[] }[]
    >(
      `SELECT d.province, array_agg(DISTINCT d.name ORDER BY d.name) AS divisions,
              count(e.id)::int AS learners
         FROM division d
         LEFT JOIN school s ON s.division_id = d.id
         LEFT JOIN enrollment e ON e.school_id = s.id AND e.school_year = $2 AND e.status = ANY($3)
        WHERE d.region_id = $1
        GROUP BY d.province ORDER BY d.province`,
      [world.carId, world.year, enrolled],
    );
    return rows.map((r) => ({ ...r, name: provinceLabel(r.province) }));
  }

  const mapAreas = () => page.locator('svg.choropleth__svg path.choropleth__area');

  beforeAll(async () => {
    world = await openDashboardWorld();
    browser = await launchChromium();
  }, 600_000);
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it("the regional planner's page shows CAR's years side by side: each year's learners, female and male as the database counts them, oldest first, with a chart", async () => {
    const years = await world.dataSource.query<
      { school_year: string; learners: number; female: number; male: number }[]
    >(
      `SELECT e.school_year, count(*)::int AS learners,
              count(*) FILTER (WHERE l.sex = 'FEMALE')::int AS female,
              count(*) FILTER (WHERE l.sex = 'MALE')::int AS male
         FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
        WHERE s.region_id = $1 AND e.status = ANY($2)
        GROUP BY e.school_year ORDER BY e.school_year`,
      [world.carId, enrolled],
    );
    expect(years.length).toBeGreaterThan(0);
    await open('region', `/regions/${world.carId}?sy=${world.year}`);
    const section = page.locator('section.year-trend');
    await section.getByRole('heading', { name: 'Year by year', level: 2 }).waitFor();
    const table = section.getByRole('table', { name: 'CAR, year by year' });
    await table.waitFor();
    const cells: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) {
      cells.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    expect(cells.map((r) => r.slice(0, 4))).toEqual(
      years.map((y) => [y.school_year, enPH(y.learners), enPH(y.female), enPH(y.male)]),
    );
    const chart = section.locator('figure.chart', {
      has: page.getByText('Learners of CAR by school year', { exact: true }),
    });
    await chart.locator('.recharts-line').first().waitFor();
    expect(await chart.locator('.recharts-line').count()).toBe(4);
    // recharts 3 draws the axes' tick labels in layers of their own: the years are among them.
    const ticks = await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents();
    for (const y of years) expect(ticks).toContain(y.school_year);
    await expect.poll(async () => section.locator('time[data-as-of]').count()).toBe(1);
    await screenshot(page, 'issue-22-region-trend');
  });

  it("the regional planner's map of CAR's provinces: each province shaded with its divisions' learners summed, a legend, the same values in a table, 0 axe violations", async () => {
    const provinces = await carProvinces();
    await open('region', `/regions/${world.carId}?sy=${world.year}`);
    await page.getByRole('heading', { name: "Map of CAR's provinces", level: 2 }).waitFor();
    await expect.poll(() => mapAreas().count()).toBe(provinces.length);
    const labels: (string | null)[] = [];
    for (const area of await mapAreas().all()) labels.push(await area.getAttribute('aria-label'));
    expect([...labels].sort()).toEqual(
      provinces.map((p) => `${p.name}, Learners: ${enPH(p.learners)}`).sort(),
    );
    const legend = page.locator('.choropleth__legend');
    expect(await legend.getByText('Legend: Learners', { exact: true }).count()).toBe(1);
    expect(await legend.getByText('No data', { exact: true }).count()).toBe(1);
    expect(await legend.locator('li').count()).toBeGreaterThanOrEqual(2);
    const table = page.getByRole('table', { name: /^Learners by province, CAR/ });
    for (const p of provinces) {
      const row = table.locator('tbody tr', { has: page.getByText(p.name, { exact: true }) });
      expect(await row.locator('td').nth(1).textContent()).toBe(enPH(p.learners));
    }
    await page.locator('.skeleton--chart').first().waitFor({ state: 'detached' });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await screenshot(page, 'issue-22-region-map');
  });

  it("a keyboard user tabs from the map's measure through every province of CAR, each announced by name and value and shown in the map's readout; the GPI measure too", async () => {
    const provinces = await carProvinces();
    await open('region', `/regions/${world.carId}?sy=${world.year}&measure=gpi`);
    await expect.poll(() => mapAreas().count()).toBe(provinces.length);
    await page.getByLabel('Map measure', { exact: true }).focus();
    const reached: string[] = [];
    for (let i = 0; i < provinces.length; i++) {
      await page.keyboard.press('Tab');
      // A string, run in the page: this package compiles without the DOM's types.
      const label = await page.evaluate<string | null>(
        "document.activeElement?.getAttribute('aria-label') ?? null",
      );
      const readout = await page.locator('[data-map-readout]').textContent();
      expect(readout).toBe(label?.replace(/^(.*), (Gender parity index): /, '$2, $1: '));
      reached.push(label ?? '');
    }
    expect(reached.map((l) => l.split(',')[0]).sort()).toEqual(provinces.map((p) => p.name).sort());
    expect(reached.every((l) => /Gender parity index: (\d\.\d\d|no data)$/.test(l))).toBe(true);
  });

  it("the map's dropout and transition measures: last year's learners of each province followed into this year as the base tables count them (Abra, six years; the rest of CAR has no year before: no data)", async () => {
    const provinces = await carProvinces();
    const start = Number(world.year.slice(0, 4)) - 1;
    const previous = `${start}-${start + 1}`;
    const percent = new Intl.NumberFormat('en-PH', { style: 'percent', maximumFractionDigits: 1 });
    const expected = async (measure: 'dropout' | 'transition') => {
      const labels: string[] = [];
      for (const p of provinces) {
        const divisions = await world.dataSource.query<{ id: number }[]>(
          'SELECT id FROM division WHERE region_id = $1 AND province = $2',
          [world.carId, p.province],
        );
        let [whole, part, missing] = [0, 0, false];
        for (const d of divisions) {
          const rows = await flowsFromBaseTables(world.dataSource, {
            schoolYear: previous,
            place: { kind: 'division', id: d.id },
            groupBy: ['GRADE_LEVEL'],
          });
          if (rows.length === 0) missing = true;
          for (const r of rows) {
            const counted =
              measure === 'dropout' || ['GRADE_6', 'GRADE_10'].includes(String(r.keys.GRADE_LEVEL));
            if (!counted) continue;
            whole += r.cohort;
            part += measure === 'dropout' ? r.notEnrolled : r.promoted;
          }
        }
        labels.push(
          `${p.name}, ${missing || whole === 0 ? 'no data' : percent.format(part / whole)}`,
        );
      }
      return labels.sort();
    };
    for (const [measure, label] of [
      ['dropout', 'Dropout rate (not enrolled this year)'],
      ['transition', 'Transition rate (Grades 6 → 7, 10 → 11)'],
    ] as const) {
      const want = await expected(measure);
      expect(want.find((l) => l.startsWith('Abra'))).not.toMatch(/no data/);
      await open('region', `/regions/${world.carId}?sy=${world.year}&measure=${measure}`);
      await expect.poll(() => mapAreas().count()).toBe(provinces.length);
      await expect
        .poll(async () => {
          const labels: string[] = [];
          for (const area of await mapAreas().all())
            labels.push((await area.getAttribute('aria-label'))!.replace(`${label}: `, ''));
          return labels.sort();
        })
        .toEqual(want);
      await context.close();
    }
  });

  it('a click on a province drills in: one division, to its page; several (Benguet), to the list of them', async () => {
    const [abra] = await world.dataSource.query<{ id: number }[]>(
      "SELECT id FROM division WHERE name = 'Abra'",
    );
    await open('region', `/regions/${world.carId}?sy=${world.year}`);
    await expect.poll(() => mapAreas().count()).toBeGreaterThan(0);
    await page.locator('path.choropleth__area[aria-label^="Abra,"]').click();
    await page.waitForURL(`**/divisions/${abra!.id}?sy=${world.year}`);
    await page.getByRole('heading', { level: 1, name: /Abra/ }).waitFor();
    await page.goBack();
    await page.locator('path.choropleth__area[aria-label^="Benguet,"]').focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('heading', { name: 'Divisions of Benguet', level: 3 });
    await list.waitFor();
    expect(await page.locator('.place-map__open li').allTextContents()).toEqual([
      'Baguio City',
      'Benguet',
    ]);
  });

  it("the analyst's national map: the 17 regions by PSGC code, CAR with its learners, a click into CAR's page", async () => {
    const [car] = await world.dataSource.query<{ learners: number }[]>(
      `SELECT count(*)::int AS learners FROM enrollment e JOIN school s ON s.id = e.school_id
        WHERE s.region_id = $1 AND e.school_year = $2 AND e.status = ANY($3)`,
      [world.carId, world.year, enrolled],
    );
    await open('analyst', `/?sy=${world.year}`);
    await page.getByRole('heading', { name: 'Map of the regions', level: 2 }).waitFor();
    await expect.poll(() => mapAreas().count()).toBe(17);
    const carArea = page.locator('path.choropleth__area[aria-label^="CAR,"]');
    expect(await carArea.getAttribute('aria-label')).toBe(`CAR, Learners: ${enPH(car!.learners)}`);
    expect(await page.locator('.place-map__note').textContent()).toContain('PSO');
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    await screenshot(page, 'issue-22-national-map');
    await carArea.click();
    await page.waitForURL(`**/regions/${world.carId}?sy=${world.year}`);
  });
});
