// The write benchmark (issue 20): enrollLearner through HTTP GraphQL by eight schools' registrars
// at once, rollups maintained, with the API as one process and as WEB_CONCURRENCY=2 workers, on a
// database `bench_writes` of its own. The reporting benchmark times the same writes at 1 and 5
// million learners.
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

/** enrollLearner per second with the API as 1 and as 2 processes, side by side. */
export async function writesBench(): Promise<void> {
  const database = await openDatabase('bench_writes', log);
  const dataSource = createDataSource(database.url, { entities, poolSize: 4 });
  await dataSource.initialize();
  const rows: string[][] = [];
  const perWriter = 2;
  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
    for (const workers of [1, 2]) {
      const writers = await benchWriters(dataSource, 2000);
      const api = await startApi(database.url, { WEB_CONCURRENCY: String(workers) });
      const writeClient = graphqlClient(api.port, writers.length * perWriter);
      // A second of warm-up (the JIT, the pools), then ten measured.
      await timeWrites(writeClient, writers, { seconds: 1, perWriter });
      const writes = await timeWrites(writeClient, writers, { seconds: 10, perWriter });
      writeClient.close();
      await api.stop();
      rows.push([
        String(workers),
        writes.perSecond.toFixed(0),
        percentile(writes.times, 50).toFixed(1),
        percentile(writes.times, 95).toFixed(1),
      ]);
    }
  } finally {
    await dataSource.destroy();
    await database.release();
  }
  console.log(
    `\nenrollLearner through HTTP GraphQL: 8 schools' registrars, ${8 * perWriter} requests in flight, rollups maintained, 10 s each`,
  );
  printTable(['API processes (WEB_CONCURRENCY)', 'enrolments/s', 'p50 ms', 'p95 ms'], rows);
}
