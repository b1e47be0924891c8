import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { createDataSource } from '../../src/db/data-source.js';
import { entities } from '../../src/entities.js';
import { dropDatabase, withDatabaseName } from '../../src/db/database.js';
import { ensureDemoAccounts } from '../../src/modules/auth/demo-accounts.js';
import { ensureDemoData } from '../../src/modules/datasets/demo-data.js';
import {
  loadEnrollmentCells,
  officialCells,
} from '../../src/modules/datasets/enrollment-dataset.js';
import { reportingYear, seasonYear, today } from '../clock-fixtures.js';
import { startTestServer, type TestServer } from '../harness.js';
import { builtOnce, copyDatabase, dashboardBasePrefix } from '../template-databases.js';
import { screenshotDir, signInContext } from './browser.js';

const require = createRequire(import.meta.url);

export interface DashboardWorld {
  dataSource: DataSource;
  server: TestServer;
  carId: string;
  /** The school year the reports open on: the latest whose classes have opened by today. */
  year: string;
  /** The season the tracker opens on: the latest whose early registration has opened by today. */
  season: string;
  close(): Promise<void>;
}

/**
 * A database of its own holding what `npm start` shows on the run's day (the app's clock, pinned):
 * the demo accounts and the demo's data (Abra's enrollment in the latest school year to have
 * opened and the one before, the season whose early registration opened last), and the rest of
 * CAR in the reported year from the same official SY 2023-24 data set, so the overview is timed on
 * a region's worth of schools. Built once a run as a template (`dashboardTemplate`), each file
 * then gets a copy of its own: building took 1–3 minutes a file on two busy cores.
 */
export async function openDashboardWorld(): Promise<DashboardWorld> {
  if (!existsSync(path.join(dashboardDist, 'index.html'))) {
    throw new Error('The dashboard is not built: run `npm run build -w @repo/dashboard` first.');
  }
  const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');
  const name = `dashboard_${randomUUID().slice(0, 8)}_${process.pid}`;
  await copyDatabase(adminUrl, await dashboardTemplate(adminUrl), name);
  const dataSource = createDataSource(withDatabaseName(adminUrl, name), { entities, poolSize: 6 });
  await dataSource.initialize();
  const [{ id: carId }] = (await dataSource.query<{ id: number }[]>(
    "SELECT id FROM region WHERE name = 'CAR'",
  )) as [{ id: number }];
  const server = await startTestServer(dataSource);
  return {
    dataSource,
    server,
    carId: String(carId),
    year: reportingYear(),
    season: seasonYear(),
    async close() {
      await server.close();
      await dataSource.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * The run's dashboard world as a template database, built by the first file to ask (the others
 * wait on an advisory lock) and dropped with the run's test database (global-setup.ts). Named
 * after the run's database and the day, so a file that pins another day gets a world of its own.
 *
 * It is a copy of the school years every day of a reporting year shares, the base (kept between
 * runs, named after the hash of its sources: template-databases.ts), plus the day's
 * early-registration season. Each of the calendar's 13 days built the whole world, three minutes
 * a day on two cores, and its first day built what `npm test` had just built (issue 22).
 */
async function dashboardTemplate(adminUrl: string): Promise<string> {
  const runDatabase = new URL(inject('databaseUrl')).pathname.slice(1);
  const template = `${runDatabase}_dashboard_${today().replaceAll('-', '')}`;
  const base = await builtOnce(
    adminUrl,
    `${dashboardBasePrefix()}_${reportingYear().replace('-', '_')}`,
    buildSchoolYears,
    inject('schemaTemplate'),
  );
  return builtOnce(adminUrl, template, addSeason, base);
}

/**
 * What every day of a run's calendar shares: the schema and reference data (the template it is a
 * copy of), the demo accounts, the demo's six school years and CAR's enrollment in the reported
 * year (every calendar day reports SY 2027-2028: scripts/test-calendar.js).
 */
async function buildSchoolYears(dataSource: DataSource) {
  const [{ id: carId }] = (await dataSource.query<{ id: number }[]>(
    "SELECT id FROM region WHERE name = 'CAR'",
  )) as [{ id: number }];
  await ensureDemoAccounts(dataSource);
  await ensureDemoData(dataSource, () => undefined, today(), { season: false });
  // Abra's schools hold this year's data set already: the loader skips them.
  await loadEnrollmentCells(dataSource, await officialCells(dataSource, [carId]), {
    schoolYear: reportingYear(),
  });
}

/** The day's early-registration season (the school years are there: only the season loads). */
async function addSeason(dataSource: DataSource) {
  await ensureDemoData(dataSource, () => undefined, today());
}

/** Signs a demo account in through the API. */
export async function signIn(server: TestServer, username: string) {
  const answer = await server.graphql<{ login: { token: string; sessionExpiresAt: string } }>(
    'mutation ($u: String!) { login(username: $u, password: "demo") { token sessionExpiresAt } }',
    { u: username },
  );
  if (!answer.data) throw new Error(`login ${username}: ${JSON.stringify(answer.errors)}`);
  return answer.data.login;
}

/** A browser context already signed in as the demo account (the dashboard's stored session). */
export async function signedInContext(
  context: BrowserContext,
  server: TestServer,
  username: string,
) {
  const session = await signIn(server, username);
  await signInContext(context, server.url, session);
  return session.token;
}

let axeSource: string | undefined;

/** axe-core in the page: every violation, whatever its impact, with up to five targets each. */
export async function axeViolations(page: Page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Run by the DevTools protocol, which the page's Content-Security-Policy does not bind: a
  // script tag with axe inline is what that policy refuses to run (issue 19).
  await page.evaluate(axeSource);
  // A string, run in the page: this package compiles without the DOM's types.
  const violations = await page.evaluate<
    { id: string; impact: string | null; targets: string[] }[]
  >(
    `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      })))`,
  );
  return violations;
}

/** axe-core in the page; returns the serious and critical violations, which must be none. */
export async function seriousViolations(page: Page) {
  const violations = await axeViolations(page);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage });
}

/** The figure a KPI card shows, once loaded, as the number it stands for. */
export async function kpiValue(page: Page, label: string): Promise<string> {
  const value = page.getByRole('region', { name: label, exact: true }).locator('[data-value]');
  await value.waitFor();
  return (await value.textContent()) ?? '';
}

/** A count as the dashboard writes it: en-PH, or the withheld mark for a small count (null). */
export const enPH = (value: number | null) =>
  value === null ? '— (withheld: a small count)' : value.toLocaleString('en-PH');
