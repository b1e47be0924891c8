// Sums the vitest JSON reports of every workspace into one table and one closing line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const workspaces = ['packages/domain', 'packages/ui', 'apps/dashboard', 'apps/api'];
/** What kind of test a file is, for the summary. */
const kindOf = (workspace, file) =>
  file.includes('/test/e2e/')
    ? 'browser (Chromium)'
    : workspace === 'apps/api'
      ? 'API integration (PostgreSQL)'
      : 'unit';

const totals = new Map();
const add = (kind, status) => {
  const row = totals.get(kind) ?? { passed: 0, failed: 0, skipped: 0 };
  if (status === 'passed') row.passed++;
  else if (status === 'failed') row.failed++;
  else row.skipped++;
  totals.set(kind, row);
};
for (const workspace of workspaces) {
  const report = path.join(workspace, 'test-results', 'vitest.json');
  if (!existsSync(report)) {
    console.error(`No test report from ${workspace}: did its tests run?`);
    process.exitCode = 1;
    continue;
  }
  const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of testResults) {
    for (const test of file.assertionResults) add(kindOf(workspace, file.name), test.status);
  }
}
// .ci/run closes with the calendar runs too (npm run test:calendar, issue 16).
const calendarReport = path.join('test-results', 'calendar.json');
if (process.argv.includes('--with-calendar')) {
  if (!existsSync(calendarReport)) {
    console.error('No calendar report: did npm run test:calendar run?');
    process.exitCode = 1;
  } else {
    const calendar = JSON.parse(readFileSync(calendarReport, 'utf8'));
    totals.set(`calendar (${calendar.days.length} days)`, {
      passed: calendar.passed,
      failed: calendar.failed,
      skipped: calendar.skipped,
    });
  }
}
const sum = { passed: 0, failed: 0, skipped: 0 };
console.log('\nkind                          passed  failed  skipped');
for (const [kind, row] of totals) {
  console.log(
    `${kind.padEnd(30)}${String(row.passed).padStart(6)}${String(row.failed).padStart(8)}${String(row.skipped).padStart(9)}`,
  );
  for (const key of Object.keys(sum)) sum[key] += row[key];
}
console.log(`Tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
if (sum.failed > 0) process.exitCode = 1;
