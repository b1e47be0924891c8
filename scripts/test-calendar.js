// `npm run test:calendar`: the date-sensitive test files, run once at each day of the school
// year where a rule changes (issue 16), with the app's clock pinned there (APP_TODAY). Prints each
// run's date and counts as it ends, then one table, and fails if any run failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tallyReport } from './vitest-report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The days, from SY 2027-2028's seeded calendar (classes 2027-06-14 to 2028-03-31, ALS cut-off
 * 30 October) and the next year's early registration (last Saturday of January to last Friday of
 * February 2028, DO 03 s. 2018 §V.A). Every day is after SY 2026-2027 closed, the year whose
 * learners the scenario tests write.
 *
 * The API files run on every day. The Chromium files (test/e2e) run on the days marked `screens`:
 * the first day of each state the screens show (classes open, the documents' and the ALS cut-offs
 * past, early registration open, then over, and classes over, between two years). On the eves
 * and last days the screens are in the state of the days before (1 April's in that of 15 May),
 * and the API files prove each rule on both sides of its boundary there; running the Chromium
 * flows on all 13 days doubled the run (about 90 s of a day's 128 s, and CI over 60 minutes with
 * the rest: issue 22).
 */
export const calendarDays = [
  ['opening of classes', '2027-06-14', 'screens'],
  ['first Friday of the transfer window', '2027-06-18'],
  ['31 August: age cut-off, documents due', '2027-08-31'],
  ['1 September', '2027-09-01', 'screens'],
  ['last day of the ALS cut-off', '2027-10-30'],
  ['the day after the ALS cut-off', '2027-10-31', 'screens'],
  ['the day before early registration opens', '2028-01-28'],
  ['first day of early registration', '2028-01-29', 'screens'],
  ['last day of early registration', '2028-02-25'],
  ['29 February', '2028-02-29', 'screens'],
  ['31 March: last day of the transfer window and of classes', '2028-03-31'],
  ['1 April', '2028-04-01'],
  ['between two school years', '2028-05-15', 'screens'],
];

/**
 * The test files whose answers depend on the day, by workspace. Files that hold the clock on days
 * of their own for every test (enroll-defaults, demo-days, demo-data) answer the same at any run
 * day and run once, in `npm test`.
 */
export const dateSensitiveFiles = {
  'apps/api': [
    'src/modules/enrollment/enrollment-bad-inputs.enroll-learner.test.ts',
    'src/modules/enrollment/enrollment-bad-inputs.enrollment-changes.test.ts',
    'src/modules/enrollment/enrollment-bad-inputs.pre-register.test.ts',
    'src/modules/enrollment/enrollment-bad-inputs.school-calendar.test.ts',
    'src/modules/enrollment/enrollment-bad-inputs.test.ts',
    'src/modules/enrollment/enrollment.resolver.als-guide.test.ts',
    'src/modules/enrollment/enrollment.resolver.integrity.test.ts',
    'src/modules/enrollment/enrollment.resolver.lists-and-calendars.test.ts',
    'src/modules/enrollment/enrollment.resolver.moves.test.ts',
    'src/modules/enrollment/enrollment.resolver.registration.test.ts',
    'src/modules/enrollment/validation-order.test.ts',
    'src/modules/enrollment/learner-import.test.ts',
    'src/modules/learner/learner.resolver.create.test.ts',
    'src/modules/learner/learner.resolver.search.test.ts',
    'src/modules/learner/learner.resolver.test.ts',
    'src/modules/policy/policy.resolver.test.ts',
    'src/modules/reporting/early-registration.rollups.test.ts',
    'src/modules/reporting/early-registration.scope.test.ts',
    'src/modules/reporting/early-registration.test.ts',
    'src/modules/reporting/early-registration.window.test.ts',
    'test/e2e/enroll-als.test.ts',
    'test/e2e/enroll-import.test.ts',
    'test/e2e/enroll-records.test.ts',
    'test/e2e/enroll-school.test.ts',
    'test/e2e/dashboard.test.ts',
  ],
};

/** Each failed test of the calendar, with its day, for the closing summary. */
const failures = [];

function run(day, screens) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [workspace, all] of Object.entries(dateSensitiveFiles)) {
    const files = screens ? all : all.filter((file) => !file.startsWith('test/e2e/'));
    const cwd = path.join(root, workspace);
    for (const file of files) {
      if (!existsSync(path.join(cwd, file)))
        throw new Error(`${workspace}/${file} is listed but missing`);
    }
    const report = path.join(cwd, 'test-results', `calendar-${day}.json`);
    rmSync(report, { force: true });
    spawnSync(
      'npx',
      [
        'vitest',
        'run',
        '--reporter=dot',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...files,
      ],
      {
        cwd,
        stdio: ['ignore', 'inherit', 'inherit'],
        // The dashboard world's school years are a base `npm test` built (or the first day
        // builds), kept and copied by each day, which adds its own early-registration season
        // (apps/api/test/template-databases.ts).
        env: { ...process.env, APP_TODAY: day },
      },
    );
    if (!existsSync(report)) {
      counts.failed++;
      failures.push({ day, name: `${workspace}: vitest did not finish` });
      console.error(`${workspace}: no report for ${day}: vitest did not finish`);
      continue;
    }
    const tally = tallyReport(JSON.parse(readFileSync(report, 'utf8')), root);
    for (const key of ['passed', 'failed', 'skipped']) counts[key] += tally[key];
    for (const failure of tally.failures) failures.push({ day, ...failure });
  }
  return counts;
}

// The browser flows serve the built dashboard.
spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@repo/dashboard...', '--output-logs=errors-only'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const only = process.argv.slice(2);
const days = only.length > 0 ? calendarDays.filter(([, day]) => only.includes(day)) : calendarDays;
const rows = [];
for (const [what, day, screens] of days) {
  console.log(`\n=== ${day} (${what}): APP_TODAY=${day}`);
  const started = Date.now();
  const counts = run(day, screens === 'screens');
  const seconds = Math.round((Date.now() - started) / 1000);
  rows.push({ day, what: screens ? `${what} (with the screens)` : what, ...counts, seconds });
  console.log(
    `=== ${day}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`,
  );
}

console.log('\ndate        passed  failed  skipped  seconds  day');
for (const r of rows) {
  console.log(
    `${r.day}${String(r.passed).padStart(8)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${String(r.seconds).padStart(9)}  ${r.what}`,
  );
}
const sum = rows.reduce(
  (a, r) => ({
    passed: a.passed + r.passed,
    failed: a.failed + r.failed,
    skipped: a.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`Calendar: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
// For the closing summary of .ci/run (scripts/test-summary.js --with-calendar).
mkdirSync(path.join(root, 'test-results'), { recursive: true });
writeFileSync(
  path.join(root, 'test-results', 'calendar.json'),
  JSON.stringify({ days: rows, ...sum, failures }),
);
if (sum.failed > 0) process.exitCode = 1;
