// One vitest JSON report as counts and named failures, for test-summary.js and test-calendar.js.
import path from 'node:path';

/**
 * The report's tests counted by status, and each failed one named `file > test` with its message;
 * a file that failed outside its tests (a hook, an import) counts once as failed, named by itself.
 */
export function tallyReport({ testResults }, root) {
  const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const file of testResults) {
    const name = path.relative(root, file.name);
    for (const test of file.assertionResults) {
      if (test.status === 'passed') tally.passed++;
      else if (test.status === 'failed') {
        tally.failed++;
        tally.failures.push({
          name: `${name} > ${test.fullName}`,
          message: test.failureMessages?.[0],
        });
      } else tally.skipped++;
    }
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
      tally.failed++;
      tally.failures.push({ name, message: file.message || 'failed outside its tests' });
    }
  }
  return tally;
}
