// The search benchmark, run first by `npm run bench`: searchLearners at the size asked, in the
// database `bench`, filled once with synthetic learners and reused by later runs.
import { performance } from 'node:perf_hooks';
import { Role } from '@repo/domain/access';
import { toNameKey } from '@repo/domain/names';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { entities } from '../entities.js';
import { openDatabase } from '../db/database.js';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { loadSyntheticLearners, mulberry32 } from '../modules/datasets/synthetic-learners.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';
import { graphqlClient, percentile, printTable, startApi } from './bench-support.js';

const warmUps = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** A learner the searches look for. */
interface Sought {
  lrn: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
}

interface SearchCase {
  name: string;
  /** Fewer samples for the slow fallback, so the run stays minutes long. */
  samples?: number;
  graphql: (s: Sought) => Record<string, unknown>;
  sql: (s: Sought) => [string | null, string | null, string | null];
}

/** searchLearners at `target` learners in the database `bench`, `queries` of each kind. */
export async function searchBench(target: number, queries: number) {
  const database = await openDatabase('bench', log);
  const dataSource = createDataSource(database.url, { entities, poolSize: 8 });
  await dataSource.initialize();

  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
    const fill = await fillLearners(dataSource, target);
    const token = await benchRegistrar(dataSource);
    const drawn = await drawLearners(dataSource, queries + warmUps);
    // Learners for the warm-up are not among those timed, so no timed query finds its rows cached.
    const sample = drawn.slice(0, queries);
    const warmUpSample = drawn.slice(queries);
    const cases = searchCases(mulberry32(7));

    // The API in its own process, as in production: the client here must not share its event loop.
    // One registrar searching thousands of times a minute: the per-user limit is lifted here.
    const api = await startApi(database.url, { SEARCH_RATE_PER_MINUTE: '1000000000' });
    const client = graphqlClient(api.port);
    const search = `query ($lrn: String, $name: String, $birthDate: String) {
    searchLearners(lrn: $lrn, name: $name, birthDate: $birthDate) { learnerId score reasons inScope } }`;
    const timeGraphql = async (variables: Record<string, unknown>) =>
      (await client.run(token, search, variables)).ms;
    const timeSql = (...args: [string | null, string | null, string | null]) =>
      timeCandidatesSql(dataSource, ...args);
    const rows = await timeCases(cases, sample, warmUpSample, timeGraphql, timeSql);
    client.close();
    await api.stop();
    await printSearchTable(dataSource, fill, rows);
  } finally {
    await dataSource.destroy();
    await database.release();
  }
}

interface Fill {
  /** Learners asked for, and those there were before this run. */
  target: number;
  have: number;
  /** Seconds the load took, or null when there was nothing to load. */
  loadSeconds: number | null;
}

/** Tops the database up to `target` synthetic learners, seeded after those it has. */
async function fillLearners(dataSource: DataSource, target: number): Promise<Fill> {
  const [{ n }] = (await dataSource.query<{ n: string }[]>(
    'SELECT count(*)::text n FROM learner',
  )) as [{ n: string }];
  const have = Number(n);
  if (have >= target) return { target, have, loadSeconds: null };
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
  return { target, have, loadSeconds: result.seconds };
}

/** A registrar to search as: its token. */
async function benchRegistrar(dataSource: DataSource): Promise<string> {
  const username = 'bench-registrar';
  await dataSource.query(
    `INSERT INTO account (username, password_hash, display_name, role, school_id)
     VALUES ($1, $2, 'Bench registrar', $3, 500743) ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword('bench'), Role.SCHOOL_REGISTRAR],
  );
  return (await login(dataSource, username, 'bench'))!.token;
}

/** The learners to look for, sampled at random. */
function drawLearners(dataSource: DataSource, count: number): Promise<Sought[]> {
  return dataSource.query<Sought[]>(
    `SELECT lrn, last_name, first_name, middle_name, to_char(birth_date, 'YYYY-MM-DD') birth_date
     FROM learner TABLESAMPLE SYSTEM (1) WHERE lrn IS NOT NULL LIMIT $1`,
    [count],
  );
}

const swapDayMonth = (d: string) =>
  Number(d.slice(8)) <= 12 ? `${d.slice(0, 4)}-${d.slice(8)}-${d.slice(5, 7)}` : d;

/** The kinds of search a registrar makes, each with the SQL candidate search it amounts to. */
function searchCases(random: () => number): SearchCase[] {
  return [
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
}

/** The candidate search under searchLearners, timed alone. */
async function timeCandidatesSql(
  dataSource: DataSource,
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

/** Each case timed over the sample, through GraphQL and in SQL: one table row per case. */
async function timeCases(
  cases: SearchCase[],
  sample: Sought[],
  warmUpSample: Sought[],
  timeGraphql: (variables: Record<string, unknown>) => Promise<number>,
  timeSql: (...args: [string | null, string | null, string | null]) => Promise<number>,
): Promise<string[][]> {
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
  return rows;
}

async function printSearchTable(dataSource: DataSource, fill: Fill, rows: string[][]) {
  const [{ total }] = (await dataSource.query<{ total: string }[]>(
    'SELECT count(*)::text total FROM learner',
  )) as [{ total: string }];
  console.log(
    `\nsearchLearners over ${Number(total).toLocaleString('en-PH')} learners (HTTP GraphQL, one client, ms)`,
  );
  if (fill.loadSeconds !== null)
    console.log(
      `load: ${fill.loadSeconds.toFixed(0)} s for ${(fill.target - fill.have).toLocaleString('en-PH')} learners`,
    );
  printTable(['search', 'queries', 'p50', 'p95', 'p99', 'SQL p95'], rows);
}
