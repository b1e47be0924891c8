import { formatSchoolYear, parseSchoolYear } from '@repo/domain/school-year';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowsFromBaseTables } from '../../src/modules/reporting/learner-flows.base-sql.js';
import { hasChromium, launchChromium } from './browser.js';
import {
  axeViolations,
  type DashboardWorld,
  openDashboardWorld,
  screenshot,
  signedInContext,
} from './dashboard-support.js';

const yearBefore = (year: string) =>
  formatSchoolYear({ startYear: parseSchoolYear(year)!.startYear - 1 });

/**
 * The world's Abra holds six school years learner by learner (the demo's data, issue 22): the
 * region has a cohort of last year and of the year before to follow into the next.
 */
function cohortYears(world: DashboardWorld) {
  const last = yearBefore(world.year);
  return { last, first: yearBefore(last) };
}

const flowQuery = `query ($filter: LearnerFlowFilter) {
  learnerFlows(filter: $filter, groupBy: []) {
    cohort promoted repeated completed transferredToAls notEnrolled otherSchool } }`;

describe.skipIf(!hasChromium)('the flow picture (issue 22)', { timeout: 240_000 }, () => {
  let world: DashboardWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let years: { last: string; first: string };

  beforeAll(async () => {
    world = await openDashboardWorld();
    years = cohortYears(world);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    token = await signedInContext(context, world.server, 'region');
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** The flow table's learners per outcome, as the screen writes them, read back as numbers. */
  async function flowTable(caption: string) {
    const table = page.getByRole('table', { name: caption, exact: true });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    const figures = new Map<string, number>();
    for (let i = 0; i < (await rows.count()); i++) {
      const [label, count] = await rows.nth(i).locator('td').allTextContents();
      figures.set(label!, Number(count!.replaceAll(',', '')));
    }
    return figures;
  }

  async function apiFlow(schoolYear: string, grade: string) {
    const answer = await world.server.graphql<{ learnerFlows: Record<string, number>[] }>(
      flowQuery,
      { filter: { regionIds: [world.carId], schoolYear, gradeLevels: [grade] } },
      token,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.learnerFlows[0]!;
  }

  /** The region's cohort of a grade and year as the base tables count it. */
  async function baseFlow(schoolYear: string, grade: string) {
    const rows = await flowsFromBaseTables(world.dataSource, {
      schoolYear,
      place: { kind: 'region', id: Number(world.carId) },
      groupBy: ['GRADE_LEVEL'],
    });
    const row = rows.find((r) => r.keys.GRADE_LEVEL === grade)!;
    return {
      cohort: row.cohort,
      promoted: row.promoted,
      repeated: row.repeated,
      completed: row.completed,
      transferredToAls: row.transferredToAls,
      notEnrolled: row.notEnrolled,
      otherSchool: row.otherSchool,
    };
  }

  function expectSameAs(table: Map<string, number>, api: Record<string, number>) {
    const outcomes = ['Next grade', 'Same grade', 'Completed', 'ALS', 'Not enrolled'];
    const sum = outcomes.reduce((total, label) => total + table.get(label)!, 0);
    expect(sum).toBe(table.get('Total (the cohort)'));
    expect({
      cohort: table.get('Total (the cohort)'),
      promoted: table.get('Next grade'),
      repeated: table.get('Same grade'),
      completed: table.get('Completed'),
      transferredToAls: table.get('ALS'),
      notEnrolled: table.get('Not enrolled'),
      otherSchool: table.get('of which at another school'),
    }).toEqual(api);
  }

  it("shows the region's flow picture, its table summing to the cohort and equal to learnerFlows", async () => {
    await page.goto(`${world.server.url}/regions/${world.carId}`);
    await page.getByRole('heading', { name: 'Learner flows', exact: true }).waitFor();
    await page
      .getByRole('heading', { name: "Where last year's Grade 6 learners are this year" })
      .waitFor();
    const table = await flowTable(`Grade 6 learners of SY ${years.last} in SY ${world.year}`);
    const api = await apiFlow(years.last, 'GRADE_6');
    // The same as the base tables count, and a cohort with somewhere to go.
    expect(api).toMatchObject(await baseFlow(years.last, 'GRADE_6'));
    expect(api.promoted).toBeGreaterThan(0);
    expectSameAs(table, api);
    await page.locator('.flow-sankey svg title').first().waitFor({ state: 'attached' });
    expect(await page.locator('.flow-sankey svg > title').textContent()).toBe(
      "Where last year's Grade 6 learners are this year",
    );
    expect(await page.locator('.flow-sankey svg > desc').textContent()).toContain(
      `Next grade ${api.promoted!.toLocaleString('en-PH')}`,
    );
    await page
      .getByRole('table', {
        name: `Flow indicators by grade, CAR, SY ${years.last} → SY ${world.year}`,
      })
      .waitFor();
    await screenshot(page, 'flows-region');
  });

  it('passes axe with no violation on the region page', async () => {
    await page.locator('.flow-sankey svg').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a keyboard user change the year and the grade', async () => {
    const yearChoice = page.getByLabel('Cohort year', { exact: true });
    await yearChoice.focus();
    await page.keyboard.press('ArrowUp');
    await page
      .getByRole('heading', {
        name: `Where the Grade 6 learners of SY ${years.first} were in SY ${years.last}`,
      })
      .waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
      await page.getByLabel('Grade', { exact: true }).getAttribute('id'),
    );
    await page.keyboard.press('ArrowUp');
    await page
      .getByRole('heading', {
        name: `Where the Grade 5 learners of SY ${years.first} were in SY ${years.last}`,
      })
      .waitFor();
    const table = await flowTable(`Grade 5 learners of SY ${years.first} in SY ${years.last}`);
    const api = await apiFlow(years.first, 'GRADE_5');
    expect(api).toMatchObject(await baseFlow(years.first, 'GRADE_5'));
    expect(api.cohort).toBeGreaterThan(0);
    expectSameAs(table, api);
    expect(page.url()).toContain(`fsy=${years.first}`);
    expect(page.url()).toContain('fgrade=GRADE_5');
  });
});
