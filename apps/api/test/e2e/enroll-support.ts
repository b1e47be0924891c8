import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Role } from '@repo/domain/access';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { type DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { dashboardDist } from '../../src/app.js';
import { SCENARIO_YEAR } from '../clock-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../harness.js';
import { launchChromium, signInContext } from './browser.js';
import { screenshot, seriousViolations } from './dashboard-support.js';

/**
 * The school year the flows enroll in, chosen in the screens' `?sy=`: SY 2026-2027 as seeded
 * (classes 2026-06-15 to 2027-03-31, ALS cut-off 2026-10-30), closed before every day the suite is
 * pinned to, so every date a flow types is in the past whatever the day (`SCENARIO_YEAR`).
 */
export const SY = SCENARIO_YEAR;
export const LA_PAZ = 500743;
export const ANANAAO = 500518;

export interface EnrollWorld {
  dataSource: DataSource;
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The shared test database (reference data loaded), the API serving the built dashboard, Chromium. */
export async function openEnrollWorld(): Promise<EnrollWorld> {
  if (!existsSync(path.join(dashboardDist, 'index.html'))) {
    throw new Error('The dashboard is not built: run `npm run build -w @repo/dashboard` first.');
  }
  const dataSource = await openTestDataSource();
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    ANANAAO,
  ]);
  const server = await startTestServer(dataSource);
  const browser = await launchChromium();
  return {
    dataSource,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await dataSource.destroy();
    },
  };
}

/** A page signed in as a fresh account of this role at this school (the dashboard's stored session). */
export async function signedInPage(
  world: EnrollWorld,
  role: Role,
  schoolId: number,
): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const account = await createTestAccount(world.dataSource, role, { schoolId });
  const answer = await world.server.graphql<{
    login: { token: string; sessionExpiresAt: string };
  }>(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token sessionExpiresAt } }',
    { u: account.username, p: account.password },
  );
  const session = answer.data!.login;
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInContext(context, world.server.url, session);
  return { context, page: await context.newPage(), token: session.token };
}

/**
 * The hooks of an enrollment test file: one world for the file, one signed-in browser context per
 * test, closed after it.
 */
export function useEnrollWorld() {
  let world: EnrollWorld | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    world = await openEnrollWorld();
  }, 120_000);
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await world?.close();
  });
  return {
    get world(): EnrollWorld {
      if (!world) throw new Error('the enrollment world is not open');
      return world;
    },
    async signIn(role: Role, schoolId: number) {
      const signedIn = await signedInPage(this.world, role, schoolId);
      context = signedIn.context;
      return signedIn;
    },
  };
}

/** A screenshot of the step, then axe-core: no serious or critical violation. */
export async function checkStep(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

/** Letters only (names refuse digits), different in every run and unlike any other run's. */
export function uniqueWord(prefix: string, length = 8): string {
  const letters = [...randomBytes(length)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}${letters}`;
}

/** `length` random digits (an LRN nobody has: `9` and 11 of them), never read off the clock. */
export function uniqueDigits(length: number): string {
  return Array.from({ length }, () => randomInt(10)).join('');
}

/**
 * The guide's step 3 with no match: a search by an LRN nobody has, then "No, this is correct.
 * Create New Record" and "New Record", up to the empty record form.
 */
export async function openNewRecord(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Search by LRN' }).click();
  await page.getByRole('textbox', { name: 'LRN', exact: true }).fill(`9${uniqueDigits(11)}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('No learner in the registry matches this search.').waitFor();
  await page.getByRole('button', { name: 'No, this is correct. Create New Record' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'New Record', exact: true }).click();
  await page.getByRole('heading', { name: 'New learner record' }).waitFor();
}
