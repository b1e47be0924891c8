// Sums the vitest JSON reports of every workspace into one table and one closing line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tallyReport } from './vitest-report.js';

const workspaces = ['packages/domain', 'packages/ui', 'apps/dashboard', 'apps/api'];
/** What kind of test a file is, for the summary. */
const kindOf = (workspace, file) =>
  file.includes('/test/e2e/')
    ? 'browser (Chromium)'
    : workspace === 'apps/api'
      ? 'API integration (PostgreSQL)'
      : 'unit';

const totals = new Map();
/** Every failed test, named, so the last lines of a CI log say which (the log may be cut above). */
const failures = [];
const firstLine = (message) =>
  String(message ?? '')
    .split('\n')
    .find((l) => l.trim()) ?? '';
/** A file's tests, added to its kind's row; its failures named (scripts/vitest-report.js). */
const addFile = (kind, file) => {
  const tally = tallyReport({ testResults: [file] }, process.cwd());
  const row = totals.get(kind) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const key of ['passed', 'failed', 'skipped']) row[key] += tally[key];
  totals.set(kind, row);
  for (const failure of tally.failures) failures.push({ kind, ...failure });
};
for (const workspace of workspaces) {
  const report = path.join(workspace, 'test-results', 'vitest.json');
  if (!existsSync(report)) {
    console.error(`No test report from ${workspace}: did its tests run?`);
    process.exitCode = 1;
    continue;
  }
  const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
  for (const file of testResults) addFile(kindOf(workspace, file.name), file);
}
// .ci/run closes with the calendar runs too (npm run test:calendar, issue 16).
const calendarReport = path.join('test-results', 'calendar.json');
if (process.argv.includes('--with-calendar')) {
  if (!existsSync(calendarReport)) {
    console.error('No calendar report: did npm run test:calendar run?');
    process.exitCode = 1;
  } else {
    const calendar = JSON.parse(readFileSync(calendarReport, 'utf8'));
    const kind = `calendar (${calendar.days.length} days)`;
    totals.set(kind, {
      passed: calendar.passed,
      failed: calendar.failed,
      skipped: calendar.skipped,
    });
    for (const f of calendar.failures ?? [])
      failures.push({ kind: `${kind}, ${f.day}`, name: f.name, message: f.message });
  }
}
// And the API suite on Debian's PostgreSQL 15 as a role that is not a superuser (issue 20).
const pg15Report = path.join('apps/api', 'test-results', 'vitest-pg15.json');
if (process.argv.includes('--with-pg15')) {
  if (!existsSync(pg15Report)) {
    console.error('No PostgreSQL 15 report: did the API suite run on it?');
    process.exitCode = 1;
  } else {
    const { testResults } = JSON.parse(readFileSync(pg15Report, 'utf8'));
    for (const file of testResults) addFile('API integration (PG 15)', file);
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
if (failures.length > 0) {
  console.log('\nFailed:');
  for (const f of failures) {
    console.log(`- [${f.kind}] ${f.name}`);
    // Without colour codes: a CI log shows them as text.
    const why = firstLine(f.message).replace(/\u001b\[[0-9;]*m/g, '');
    if (why) console.log(`    ${why.slice(0, 300)}`);
  }
}
console.log(`Tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
if (sum.failed > 0) process.exitCode = 1;
