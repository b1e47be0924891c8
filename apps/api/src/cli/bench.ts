// The benchmark: `npm run bench [-- --learners N --queries Q]`. Uses its own database, `bench`, on
// the embedded server (or DATABASE_URL's server), filled once and reused by later runs.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Role } from '@repo/domain/access';
import { toNameKey } from '@repo/domain/names';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/database.js';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { loadSyntheticLearners, mulberry32 } from '../modules/datasets/synthetic-learners.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';
import { reportingBench } from './bench-reporting.js';
import { graphqlClient, percentile, printTable, startApi } from './bench-support.js';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '5000000' },
    queries: { type: 'string', default: '1000' },
    // `search` or `reporting` runs only that part; both by default.
    only: { type: 'string' },
  },
});
if (values.only !== undefined && !['search', 'reporting'].includes(values.only))
  throw new Error('--only must be search or reporting');
const target = Number(values.learners);
const queries = Number(values.queries);
const warmUps = 100;
if (!Number.isInteger(target) || target < 1000)
  throw new Error('--learners must be a whole number ≥ 1000');

const log = (line: string) => process.stderr.write(`${line}\n`);

/** searchLearners at `target` learners in the database `bench`. */
async function searchBench() {
  const database = await openDatabase('bench', log);
  const dataSource = createDataSource(database.url, { poolSize: 8 });
  await dataSource.initialize();

  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
    const [{ n }] = (await dataSource.query<{ n: string }[]>(
      'SELECT count(*)::text n FROM learner',
    )) as [{ n: string }];
    const have = Number(n);
    let loadSeconds: number | null = null;
    if (have < target) {
      log(
        `Loading ${(target - have).toLocaleString('en-PH')} synthetic learners (have ${have.toLocaleString('en-PH')})…`,
      );
      const result = await loadSyntheticLearners(dataSource, target - have, {
        seed: have + 1,
        onProgress: (done) =>
          process.stderr.write(
            `\r  ${done.toLocaleString('en-PH')} / ${(target - have).toLocaleString('en-PH')}`,
          ),
      });
      process.stderr.write('\n');
      loadSeconds = result.seconds;
    }

    // A registrar to search as, and the learners to look for, sampled at random.
    const username = 'bench-registrar';
    await dataSource.query(
      `INSERT INTO account (username, password_hash, display_name, role, school_id)
     VALUES ($1, $2, 'Bench registrar', $3, 500743) ON CONFLICT (username) DO NOTHING`,
      [username, await hashPassword('bench'), Role.SCHOOL_REGISTRAR],
    );
    const token = (await login(dataSource, username, 'bench'))!.token;
    const drawn = await dataSource.query<
      {
        lrn: string | null;
        last_name: string;
        first_name: string;
        middle_name: string | null;
        birth_date: string;
      }[]
    >(
      `SELECT lrn, last_name, first_name, middle_name, to_char(birth_date, 'YYYY-MM-DD') birth_date
     FROM learner TABLESAMPLE SYSTEM (1) WHERE lrn IS NOT NULL LIMIT $1`,
      [queries + warmUps],
    );
    // Learners for the warm-up are not among those timed, so no timed query finds its rows cached.
    const sample = drawn.slice(0, queries);
    const warmUpSample = drawn.slice(queries);
    const random = mulberry32(7);
    const swapDayMonth = (d: string) =>
      Number(d.slice(8)) <= 12 ? `${d.slice(0, 4)}-${d.slice(8)}-${d.slice(5, 7)}` : d;

    // The API in its own process, as in production: the client here must not share its event loop.
    // One registrar searching thousands of times a minute: the per-user limit is lifted here.
    const api = await startApi(database.url, { SEARCH_RATE_PER_MINUTE: '1000000000' });
    const client = graphqlClient(api.port);
    const search = `query ($lrn: String, $name: String, $birthDate: String) {
    searchLearners(lrn: $lrn, name: $name, birthDate: $birthDate) { learnerId score reasons inScope } }`;
    const timeGraphql = async (variables: Record<string, unknown>) =>
      (await client.run(token, search, variables)).ms;
    async function timeSql(
      nameKey: string | null,
      birthDate: string | null,
      lrn: string | null,
    ): Promise<number> {
      const started = performance.now();
      await dataSource.query('SELECT * FROM learner_uniqueness_candidates($1, $2, $3, 50)', [
        nameKey,
        birthDate,
        lrn,
      ]);
      return performance.now() - started;
    }

    const cases: {
      name: string;
      /** Fewer samples for the slow fallback, so the run stays minutes long. */
      samples?: number;
      graphql: (s: (typeof sample)[number]) => Record<string, unknown>;
      sql: (s: (typeof sample)[number]) => [string | null, string | null, string | null];
    }[] = [
      {
        name: 'by LRN',
        graphql: (s) => ({ lrn: s.lrn }),
        sql: (s) => [null, null, s.lrn],
      },
      {
        name: 'by name + birth date',
        graphql: (s) => ({
          name: `${s.first_name} ${s.middle_name ?? ''} ${s.last_name}`,
          birthDate: s.birth_date,
        }),
        sql: (s) => [
          toNameKey({ lastName: s.last_name, firstName: s.first_name, middleName: s.middle_name }),
          s.birth_date,
          null,
        ],
      },
      {
        name: 'by name variant + swapped birth date',
        graphql: (s) => ({
          name: `${s.last_name.replace(/^Dela /, 'De la ')}, ${s.first_name.replace(/^Maria /, 'Ma. ')}`,
          birthDate: random() < 0.5 ? swapDayMonth(s.birth_date) : s.birth_date,
        }),
        sql: (s) => [
          toNameKey({ lastName: s.last_name, firstName: s.first_name }),
          swapDayMonth(s.birth_date),
          null,
        ],
      },
      {
        name: 'by name only',
        graphql: (s) => ({ name: `${s.first_name} ${s.middle_name ?? ''} ${s.last_name}` }),
        sql: (s) => [
          toNameKey({ lastName: s.last_name, firstName: s.first_name, middleName: s.middle_name }),
          null,
          null,
        ],
      },
      {
        // One letter doubled: no learner has every word, so the search falls back to trigram distance.
        name: 'by name only, misspelt',
        samples: 20,
        graphql: (s) => ({ name: `${s.first_name} ${s.last_name.replace(/(\w)$/, '$1$1')}` }),
        sql: (s) => [
          toNameKey({ lastName: s.last_name.replace(/(\w)$/, '$1$1'), firstName: s.first_name }),
          null,
          null,
        ],
      },
    ];
    const rows: string[][] = [];
    // Warm-up: the API's code paths compiled and the pool's connections open, as on a server that
    // has been answering for a while; then each case gets a few of its own before timing.
    for (const [i, s] of warmUpSample.entries()) {
      const c = cases[i % cases.length]!;
      if (c.samples === undefined) await timeGraphql(c.graphql(s));
    }
    for (const c of cases) {
      const samples = sample.slice(0, c.samples ?? sample.length);
      for (const s of samples.slice(0, 5)) await timeGraphql(c.graphql(s)); // warm-up
      const graphqlTimes: number[] = [];
      const sqlTimes: number[] = [];
      for (const s of samples) {
        graphqlTimes.push(await timeGraphql(c.graphql(s)));
        sqlTimes.push(await timeSql(...c.sql(s)));
      }
      rows.push([
        c.name,
        String(samples.length),
        ...[50, 95, 99].map((p) => percentile(graphqlTimes, p).toFixed(1)),
        percentile(sqlTimes, 95).toFixed(1),
      ]);
    }
    client.close();
    api.stop();

    const [{ total }] = (await dataSource.query<{ total: string }[]>(
      'SELECT count(*)::text total FROM learner',
    )) as [{ total: string }];
    console.log(
      `\nsearchLearners over ${Number(total).toLocaleString('en-PH')} learners (HTTP GraphQL, one client, ms)`,
    );
    if (loadSeconds !== null)
      console.log(
        `load: ${loadSeconds.toFixed(0)} s for ${(target - have).toLocaleString('en-PH')} learners`,
      );
    printTable(['search', 'queries', 'p50', 'p95', 'p99', 'SQL p95'], rows);
  } finally {
    await dataSource.destroy();
    await database.release();
  }
}

if (values.only !== 'reporting') await searchBench();
// Then the reporting benchmark: at 1 and 5 million learners, or at the size asked.
const asked = process.argv.some((a) => a === '--learners' || a.startsWith('--learners='));
if (values.only !== 'search')
  for (const size of asked ? [target] : [1_000_000, 5_000_000]) {
    await reportingBench(size, Math.min(queries, 200));
  }
