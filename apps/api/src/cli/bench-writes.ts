// The write benchmark (issue 20): enrollLearner through HTTP GraphQL by eight schools' registrars
// at once, rollups maintained, with the API as one process and as WEB_CONCURRENCY=2 workers, on a
// database `bench_writes` of its own. The reporting benchmark times the same writes at 1 and 5
// million learners.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Role } from '@repo/domain/access';
import { toNameKey } from '@repo/domain/names';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/database.js';
import { entities } from '../entities.js';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';
import { graphqlClient, percentile, printTable, startApi } from './bench-support.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A bench account of `role` (made once), signed in: its token. */
export async function account(
  dataSource: DataSource,
  username: string,
  role: Role,
  schoolId?: number,
) {
  await dataSource.query(
    `INSERT INTO account (username, password_hash, display_name, role, school_id)
     VALUES ($1, $2, $1, $3, $4) ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword('bench'), role, schoolId ?? null],
  );
  return (await login(dataSource, username, 'bench'))!.token;
}

export interface Writer {
  schoolId: number;
  token: string;
  /** Learners of the writer's school not yet enrolled. */
  learners: string[];
}

/** Eight schools' registrars, each with `learners` new learners of its school to enroll. */
export async function benchWriters(dataSource: DataSource, learners = 2000): Promise<Writer[]> {
  const schools = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' ORDER BY id LIMIT 8`,
  );
  return Promise.all(
    schools.map(async (s, i) => {
      const token = await account(dataSource, `bench-registrar-${i}`, Role.SCHOOL_REGISTRAR, s.id);
      const rows = await dataSource.query<{ id: string }[]>(
        `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, created_by)
         SELECT 'Benchwrite', 'Writer ' || g, $1 || ' ' || g, '2016-05-05', 'FEMALE',
                (SELECT id FROM account WHERE username = $2)
         FROM generate_series(1, $3::int) g RETURNING id::text`,
        [
          toNameKey({ lastName: 'Benchwrite', firstName: 'Writer' }),
          `bench-registrar-${i}`,
          learners,
        ],
      );
      await dataSource.query(
        `INSERT INTO learner_school (learner_id, school_id, reason)
         SELECT unnest($1::bigint[]), $2, 'REGISTERED'`,
        [rows.map((l) => l.id), s.id],
      );
      return { schoolId: s.id, token, learners: rows.map((l) => l.id) };
    }),
  );
}

export const enroll = `mutation($input: EnrollLearnerInput!) { enrollLearner(input: $input) { enrollment { id } } }`;
export const enrollInput = (learnerId: string | undefined) => ({
  input: {
    learnerId,
    schoolYear: '2026-2027',
    gradeLevel: 'GRADE_4',
    admissionBasis: 'CONTINUING',
    documents: ['SF9'],
    enrolledOn: '2026-06-08',
    firstAttendance: '2026-06-15',
  },
});

/**
 * Enrollments through the API by the writers at once for `seconds`, `perWriter` requests in flight
 * for each: every one answered, or the bench fails.
 */
export async function timeWrites(
  writeClient: ReturnType<typeof graphqlClient>,
  writers: Writer[],
  { seconds = 10, perWriter = 1 } = {},
) {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    writers.flatMap((w) =>
      Array.from({ length: perWriter }, async () => {
        while (performance.now() < until && w.learners.length > 0) {
          const { ms } = await writeClient.run(w.token, enroll, enrollInput(w.learners.pop()));
          times.push(ms);
        }
      }),
    ),
  );
  return { times, perSecond: times.length / ((performance.now() - started) / 1000) };
}

/**
 * The database's commits and WAL fsyncs so far (fsyncs from pg_stat_io, PostgreSQL 18; null
 * before): a write waits for its commit's fsync, so these bound what more processes can add.
 */
async function databaseCounters(dataSource: DataSource) {
  const [row] = await dataSource.query<{ commits: string }[]>(
    'SELECT xact_commit::text AS commits FROM pg_stat_database WHERE datname = current_database()',
  );
  const fsyncs = await dataSource
    .query<{ fsyncs: string }[]>(
      "SELECT coalesce(sum(fsyncs), 0)::text AS fsyncs FROM pg_stat_io WHERE object = 'wal'",
    )
    .then(([r]) => Number(r!.fsyncs))
    .catch(() => null);
  return { commits: Number(row!.commits), walFsyncs: fsyncs };
}

/** CPU seconds used so far by a process and its children (Linux /proc, 100 ticks a second). */
function cpuSecondsOfTree(root: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        // The fields after the command's closing parenthesis: state, ppid, … utime (12), stime (13).
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return {
          pid: Number(pid),
          ppid: Number(fields[1]),
          ticks: Number(fields[11]) + Number(fields[12]),
        };
      } catch {
        return null; // gone meanwhile
      }
    })
    .filter((stat) => stat !== null);
  return (
    stats.filter((s) => s.pid === root || s.ppid === root).reduce((sum, s) => sum + s.ticks, 0) /
    100
  );
}

/** The machine's busy CPU seconds so far, over every core (/proc/stat). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  return ticks.slice(0, 8).reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0) / 100;
}

/** What one timed run used: the API's processes' CPU and the machine's, in cores. */
async function measured<T>(api: { pid: number }, seconds: number, run: () => Promise<T>) {
  const [api0, machine0] = [cpuSecondsOfTree(api.pid), machineBusySeconds()];
  const result = await run();
  return {
    result,
    apiCores: (cpuSecondsOfTree(api.pid) - api0) / seconds,
    machineCores: (machineBusySeconds() - machine0) / seconds,
  };
}

const readQuery = `{ enrollmentSummary(groupBy: [DIVISION], filter: { schoolYear: "2026-2027" }) { learners male female } }`;

/** Reads of the division summary (from the rollups) for `seconds`, `inFlight` at once. */
async function timeReads(
  client: ReturnType<typeof graphqlClient>,
  token: string,
  seconds: number,
  inFlight: number,
) {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) times.push((await client.run(token, readQuery)).ms);
    }),
  );
  return { times, perSecond: times.length / ((performance.now() - started) / 1000) };
}

/**
 * enrollLearner per second with the API as 1 and as 2 processes, side by side, then the same for
 * a dashboard read: what more processes add depends on where the time goes (the last columns).
 */
export async function writesBench(): Promise<void> {
  const database = await openDatabase('bench_writes', log);
  const dataSource = createDataSource(database.url, { entities, poolSize: 4 });
  await dataSource.initialize();
  const writeRows: string[][] = [];
  const readRows: string[][] = [];
  const perWriter = 2;
  const cores = (n: number) => n.toFixed(2);
  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
    const analyst = await account(dataSource, 'bench-analyst', Role.NATIONAL_ANALYST);
    for (const workers of [1, 2]) {
      const writers = await benchWriters(dataSource, 2000);
      const api = await startApi(database.url, { WEB_CONCURRENCY: String(workers) });
      const client = graphqlClient(api.port, writers.length * perWriter);
      // A second of warm-up (the JIT, the pools), then ten measured.
      await timeWrites(client, writers, { seconds: 1, perWriter });
      const before = await databaseCounters(dataSource);
      const writes = await measured(api, 10, () =>
        timeWrites(client, writers, { seconds: 10, perWriter }),
      );
      const after = await databaseCounters(dataSource);
      await timeReads(client, analyst, 1, 16);
      const reads = await measured(api, 5, () => timeReads(client, analyst, 5, 16));
      client.close();
      await api.stop();
      const { times, perSecond } = writes.result;
      writeRows.push([
        String(workers),
        perSecond.toFixed(0),
        percentile(times, 50).toFixed(1),
        percentile(times, 95).toFixed(1),
        ((after.commits - before.commits) / times.length).toFixed(2),
        after.walFsyncs === null || before.walFsyncs === null
          ? 'n/a'
          : ((after.walFsyncs - before.walFsyncs) / 10).toFixed(0),
        cores(writes.apiCores),
        cores(writes.machineCores),
      ]);
      readRows.push([
        String(workers),
        reads.result.perSecond.toFixed(0),
        percentile(reads.result.times, 50).toFixed(1),
        percentile(reads.result.times, 95).toFixed(1),
        cores(reads.apiCores),
        cores(reads.machineCores),
      ]);
    }
  } finally {
    await dataSource.destroy();
    await database.release();
  }
  const machine = `of ${availableParallelism()} (the API, PostgreSQL and this client together)`;
  console.log(
    `\nenrollLearner through HTTP GraphQL: 8 schools' registrars, ${8 * perWriter} requests in flight, rollups maintained, 10 s each`,
  );
  printTable(
    [
      'API processes',
      'enrolments/s',
      'p50 ms',
      'p95 ms',
      'commits each',
      'WAL fsyncs/s',
      'API cores',
      `machine cores ${machine}`,
    ],
    writeRows,
  );
  console.log('\nenrollmentSummary by division (the rollups), 16 requests in flight, 5 s each');
  printTable(
    ['API processes', 'reads/s', 'p50 ms', 'p95 ms', 'API cores', `machine cores ${machine}`],
    readRows,
  );
}
