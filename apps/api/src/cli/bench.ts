// The benchmark: `npm run bench [-- --learners N --queries Q --only search|reporting|flows|writes
// --years Y]`. Uses
// databases of its own on the embedded server (or DATABASE_URL's server), filled once and reused by
// later runs: `bench` for the search (bench-search.ts), `bench_reporting_<size>` for the reports
// (bench-reporting.ts).
import { parseArgs } from 'node:util';
import { flowsBench } from './bench-flows.js';
import { reportingBench } from './bench-reporting.js';
import { searchBench } from './bench-search.js';
import { writesBench } from './bench-writes.js';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '5000000' },
    queries: { type: 'string', default: '1000' },
    // `search`, `reporting` or `writes` runs only that part; all by default.
    only: { type: 'string' },
    // The reporting database's school years, learner by learner (issue 22), each of about N learners.
    years: { type: 'string', default: '5' },
  },
});
const parts = ['search', 'reporting', 'flows', 'writes'];
if (values.only !== undefined && !parts.includes(values.only))
  throw new Error(`--only must be one of ${parts.join(', ')}`);
const target = Number(values.learners);
const queries = Number(values.queries);
if (!Number.isInteger(target) || target < 1000)
  throw new Error('--learners must be a whole number ≥ 1000');
const years = Number(values.years);
if (!Number.isInteger(years) || years < 1 || years > 10)
  throw new Error('--years must be a whole number from 1 to 10');

const runs = (part: string) => values.only === undefined || values.only === part;
if (runs('search')) await searchBench(target, queries);
// Then the reporting benchmark: at 1 and 5 million learners, or at the size asked.
const asked = process.argv.some((a) => a === '--learners' || a.startsWith('--learners='));
if (runs('reporting'))
  for (const size of asked ? [target] : [1_000_000, 5_000_000]) {
    await reportingBench(size, Math.min(queries, 200), years);
  }
// Then learnerFlows on the reporting databases (their years, learner by learner).
if (runs('flows'))
  for (const size of asked ? [target] : [1_000_000, 5_000_000]) {
    await flowsBench(size, Math.min(queries, 200), years);
  }
// Then enrollLearner per second with the API as 1 and as 2 processes (WEB_CONCURRENCY).
if (runs('writes')) await writesBench();
