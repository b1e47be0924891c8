import { Role } from '@repo/domain/access';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { ANANAAO, checkStep, useEnrollWorld, SY, uniqueWord } from './enroll-support.js';

describe.skipIf(!hasChromium)('ALS enrollment in Chromium: the guide’s steps 1-5 (issue 8)', () => {
  const env = useEnrollWorld();
  let page: Page;
  let token: string;

  const signIn = () => env.signIn(Role.ALS_FACILITATOR, ANANAAO);

  async function stepsOneToThree() {
    ({ page, token } = await signIn());
    await page.goto(`${env.world.server.url}/enrol/als?sy=${SY}`);
    // Step 1: the ALS enrollment page → Enrol Learner.
    await page.getByRole('button', { name: 'Enrol Learner', exact: true }).click();
    // Step 2: confirm the data source → Continue.
    await page.getByRole('heading', { name: 'Confirm the data source' }).waitFor();
    await checkStep(page, 'enroll-als-2-data-source');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    // Step 3: Search by Name.
    await page.getByRole('tab', { name: 'Search by Name' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Search by LRN' }).count()).toBe(1);
  }

  it('3a: nothing matches → "No, this is correct. Create New Record" → New Record → the form → Enrol → "Enrolment Added"', async () => {
    await stepsOneToThree();
    // Not the API test's "Crisanto Villaflor-Macaraeg", 2005-09-09: both files share the test
    // database, and that test expects its search to find no one.
    const last = uniqueWord('Dimaculangan');
    const first = uniqueWord('Hermogenes');
    await page.getByLabel('Learner’s name').fill(`${first} ${last}`);
    await page.getByLabel('Birth date (optional)').fill('2004-11-23');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // A search that finds nothing by name and date falls back to the name alone over every
    // learner: the slowest search, and slower still beside every other test file.
    await page
      .getByText('No learner in the registry matches this search.')
      .waitFor({ timeout: 90_000 });
    await checkStep(page, 'enroll-als-3a-no-match');

    await page.getByRole('button', { name: 'No, this is correct. Create New Record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a new learner record?' });
    await dialog.waitFor();
    await checkStep(page, 'enroll-als-3a-popup');
    await dialog.getByRole('button', { name: 'New Record', exact: true }).click();

    // Step 4: the form, with what the search held already in it.
    await page.getByRole('heading', { name: 'New learner record' }).waitFor();
    expect(await page.getByLabel('Last name').inputValue()).toBe(last);
    expect(await page.getByLabel('First name').inputValue()).toBe(first);
    expect(await page.getByLabel('Birth date', { exact: true }).inputValue()).toBe('2004-11-23');
    await page.getByLabel('Sex').selectOption('MALE');
    await page.getByLabel('ALS program').selectOption('ALS_AE_SECONDARY');
    await page.getByLabel('Date of enrolment').fill('2026-09-01');
    // The cut-off is checked as the date is typed, before anything is sent.
    await page.getByLabel('First date of attendance').fill('2026-11-02');
    await page
      .getByText(
        /First date of attendance is later than 30 October 2026, this school year’s ALS cut-off/,
      )
      .waitFor();
    await checkStep(page, 'enroll-als-4-after-cutoff');
    await page.getByLabel('First date of attendance').fill('2026-09-07');
    await expect.poll(() => page.getByText('AFTER_ALS_CUTOFF').count()).toBe(0);
    await page.getByLabel('ALS facilitator').fill('Jose Rizal Dela Cruz');
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();

    // Step 5: the confirmation.
    const done = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'Enrolment Added' }) });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Officially enrolled/);
    expect(await done.textContent()).toMatch(/LRN\d{12}/);
    await checkStep(page, 'enroll-als-5-added');

    const [row] = await env.world.dataSource.query<
      { status: string; grade_level: string; lrn: string }[]
    >(
      `SELECT e.status, e.grade_level, l.lrn FROM enrollment e JOIN learner l ON l.id = e.learner_id
       WHERE l.last_name = $1 AND e.school_year = $2`,
      [last, SY],
    );
    expect(row).toMatchObject({ status: 'OFFICIALLY_ENROLLED', grade_level: 'ALS_AE_SECONDARY' });
  });

  it('3b: a match → Preview → view and update the profile → Enrol → "Enrolment Added"', async () => {
    ({ page, token } = await signIn());
    const last = uniqueWord('Macaraeg');
    const first = uniqueWord('Luningning');
    const created = await env.world.server.graphql<{ createLearner: { id: string } }>(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      {
        input: {
          lastName: last,
          firstName: first,
          birthDate: '2001-01-01',
          sex: 'FEMALE',
          confirmNoDuplicate: true,
        },
      },
      token,
    );
    const learnerId = created.data!.createLearner.id;

    await page.goto(`${env.world.server.url}/enrol/als?sy=${SY}`);
    await page.getByRole('button', { name: 'Enrol Learner', exact: true }).click();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('tab', { name: 'Search by Name' }).click();
    await page.getByLabel('Learner’s name').fill(`${first} ${last}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: last });
    await row.waitFor();
    await checkStep(page, 'enroll-als-3b-found');
    await row.getByRole('button', { name: 'Preview' }).click();

    // Step 4: the profile, to view and update.
    await page.getByRole('heading', { name: new RegExp(`Learner: ${last}, ${first}`) }).waitFor();
    expect(await page.getByLabel('Birth date', { exact: true }).inputValue()).toBe('2001-01-01');
    await page.getByLabel('Barangay').fill('Poblacion');
    await page.getByLabel('ALS program').selectOption('ALS_BLP');
    await page.getByLabel('Date of enrolment').fill('2026-10-01');
    await page.getByLabel('First date of attendance').fill('2026-10-30');
    await checkStep(page, 'enroll-als-3b-profile');
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();

    await page.getByRole('heading', { name: 'Enrolment Added' }).waitFor();
    await checkStep(page, 'enroll-als-3b-added');
    const learner = await env.world.server.graphql<{ learner: { address: { barangay: string } } }>(
      `query { learner(id: "${learnerId}") { address { barangay } } }`,
      {},
      token,
    );
    expect(learner.data!.learner.address.barangay).toBe('Poblacion');
  });
});
