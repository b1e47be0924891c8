import { formatSchoolYear, parseSchoolYear } from '@repo/domain/school-year';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetLoaderAccount } from '../../src/modules/datasets/synthetic-learners.js';
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
 * The world's learners live one year each (the demo loads each year's learners anew): some of
 * Abra's Grade 6 learners of the year before are given this year (next grade, same grade, another
 * school, ALS) and a year before that (Grade 5, or Grade 6 again), so the region has two cohort
 * years to follow, written live through the enrolment triggers.
 */
async function followSomeLearners(world: DashboardWorld) {
  const year = world.year;
  const last = yearBefore(year);
  const first = yearBefore(last);
  const q = world.dataSource.query.bind(world.dataSource);
  const creator = await datasetLoaderAccount(world.dataSource);
  const learners = await q<{ learner_id: string; school_id: number }[]>(
    `SELECT e.learner_id, e.school_id FROM enrollment e JOIN school s ON s.id = e.school_id
     WHERE e.school_year = $1 AND e.grade_level = 'GRADE_6' AND e.status = 'OFFICIALLY_ENROLLED'
       AND s.region_id = $2 AND s.offers_elementary AND NOT s.offers_junior_high
     ORDER BY e.learner_id LIMIT 14`,
    [last, world.carId],
  );
  const [{ id: highSchool }] = await q<[{ id: number }]>(
    `SELECT id FROM school WHERE region_id = $1 AND offers_junior_high ORDER BY id LIMIT 1`,
    [world.carId],
  );
  const [{ id: otherElementary }] = await q<[{ id: number }]>(
    `SELECT id FROM school WHERE region_id = $1 AND offers_elementary AND sector = 'PUBLIC'
       AND id <> ALL($2::int[]) ORDER BY id LIMIT 1`,
    [world.carId, learners.map((l) => l.school_id)],
  );
  const enrol = (learner: string, school: number, schoolYear: string, grade: string) =>
    q(
      `INSERT INTO enrollment (learner_id, school_id, school_year, grade_level, status, categories, created_by)
       VALUES ($1, $2, $3, $4, 'OFFICIALLY_ENROLLED', '{}', $5)`,
      [learner, school, schoolYear, grade, creator],
    );
  // This year: 6 in Grade 7, 2 in Grade 6 again, 1 in Grade 6 at another school, 1 in ALS; 4 gone.
  const plan: [number, string][] = [
    ...Array.from({ length: 6 }, () => [highSchool, 'GRADE_7'] as [number, string]),
    [0, 'GRADE_6'],
    [0, 'GRADE_6'],
    [otherElementary, 'GRADE_6'],
    [highSchool, 'ALS_AE_ELEMENTARY'],
  ];
  for (const [i, [school, grade]] of plan.entries()) {
    const learner = learners[i]!;
    await enrol(learner.learner_id, school || learner.school_id, year, grade);
  }
  // The year before that: 6 in Grade 5 (promoted to 6), 2 in Grade 6 (repeating it).
  for (const [i, learner] of learners.slice(0, 8).entries())
    await enrol(learner.learner_id, learner.school_id, first, i < 6 ? 'GRADE_5' : 'GRADE_6');
  return { last, first };
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
    years = await followSomeLearners(world);
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
    expect(api).toMatchObject({ promoted: 6, repeated: 3, transferredToAls: 1, otherSchool: 1 });
    expectSameAs(table, api);
    await page.locator('.flow-sankey svg title').first().waitFor({ state: 'attached' });
    expect(await page.locator('.flow-sankey svg > title').textContent()).toBe(
      "Where last year's Grade 6 learners are this year",
    );
    expect(await page.locator('.flow-sankey svg > desc').textContent()).toContain('Next grade 6');
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
    expect(api).toMatchObject({ cohort: 6, promoted: 6 });
    expectSameAs(table, api);
    expect(page.url()).toContain(`fsy=${years.first}`);
    expect(page.url()).toContain('fgrade=GRADE_5');
  });
});
