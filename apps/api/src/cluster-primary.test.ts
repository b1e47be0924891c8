import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Role } from '@repo/domain/access';
import { formatSchoolId } from '@repo/domain/school';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentYear, seededCalendar } from '../test/clock-fixtures.js';
import { createTestAccount, openOwnTestDatabase } from '../test/harness.js';
import { config } from './config.js';
import { freePort } from './db/scratch-postgres.js';
import { apiRoot } from './paths.js';

// Issue 20: `WEB_CONCURRENCY=2` runs two workers on one port. The built server is run as a
// deployment runs it; every request goes on a connection of its own, which the cluster's primary
// hands to the workers in turn, so the load is spread over both.

const main = path.join(apiRoot, 'dist', 'main.js');
const enrolments = 2_000;
const schools = 8;
let own: { dataSource: DataSource; url: string; drop(): Promise<void> };
let server: ChildProcess;
let port: number;
let exited: Promise<number | null>;
let output = '';

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** One POST to /graphql on a connection of its own (`Connection: close`). */
function post(query: string, variables: object, token?: string) {
  const body = JSON.stringify({ query, variables });
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode!, body: JSON.parse(text) as Answer['body'] }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** `/health` on a connection of its own: which worker answered. */
function workerOfHealth(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve((JSON.parse(text) as { worker: number }).worker));
      })
      .on('error', reject);
  });
}

interface Writer {
  token: string;
  schoolId: number;
  learners: string[];
}

/** The heads of `schools` schools, each with its share of learners registered and not enrolled. */
async function writers(dataSource: DataSource): Promise<Writer[]> {
  const rows = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' ORDER BY id LIMIT $1`,
    [schools],
  );
  return Promise.all(
    rows.map(async ({ id }) => {
      // The school head: an enrolment dated before the last 7 days is the head's to approve
      // (issue 21), and the head's own entry is that approval.
      const registrar = await createTestAccount(dataSource, Role.SCHOOL_HEAD, {
        schoolId: id,
      });
      const learners = await dataSource.query<{ id: string }[]>(
        `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, created_by)
         SELECT 'Cluster', 'Learner ' || g, 'cluster learner ' || g, '2017-05-05', 'FEMALE', $1
         FROM generate_series(1, $2::int) g RETURNING id::text`,
        [registrar.id, enrolments / schools],
      );
      await dataSource.query(
        `INSERT INTO learner_school (learner_id, school_id, reason)
         SELECT unnest($1::bigint[]), $2, 'REGISTERED'`,
        [learners.map((l) => l.id), id],
      );
      return { token: registrar.token, schoolId: id, learners: learners.map((l) => l.id) };
    }),
  );
}

const enrollMutation = `mutation($input: EnrollLearnerInput!) {
  enrollLearner(input: $input) { enrollment { id } } }`;

function enrollInput(learnerId: string) {
  const year = currentYear();
  const { openingDay } = seededCalendar(year);
  return {
    input: {
      learnerId,
      schoolYear: year,
      gradeLevel: 'GRADE_4',
      admissionBasis: 'CONTINUING',
      documents: ['SF9'],
      enrolledOn: openingDay,
      firstAttendance: openingDay,
    },
  };
}

/**
 * What the database shows while the load runs, sampled every few milliseconds: the most sessions
 * holding the rollup folder's lock at once, how often one held it, and which workers ran a
 * statement other than the folder's.
 */
function sampleDatabase(dataSource: DataSource) {
  const seen = { mostFolders: 0, samplesFolding: 0, working: new Set<string>() };
  let running = true;
  const done = (async () => {
    while (running) {
      const [row] = await dataSource.query<{ folders: number; working: string[] | null }[]>(
        `SELECT (SELECT count(*) FROM pg_locks l
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND l.objid = (hashtext('apply_enrollment_rollup_deltas')::bigint & 4294967295)::oid
                )::int AS folders,
                (SELECT array_agg(DISTINCT application_name) FROM pg_stat_activity
                 WHERE datname = current_database() AND state <> 'idle'
                   AND application_name LIKE 'deped-enrollment-api worker %'
                   AND query NOT LIKE '%apply_enrollment_rollup_deltas%') AS working`,
      );
      seen.mostFolders = Math.max(seen.mostFolders, row!.folders);
      if (row!.folders > 0) seen.samplesFolding++;
      for (const name of row!.working ?? []) seen.working.add(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return seen;
    },
  };
}

beforeAll(async () => {
  const stale =
    !existsSync(main) ||
    statSync(main).mtimeMs < statSync(path.join(apiRoot, 'src', 'start.ts')).mtimeMs;
  if (stale) throw new Error(`${main} is missing or older than its source: npm run build`);
  own = await openOwnTestDatabase('cluster');
  port = await freePort();
  server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      WEB_CONCURRENCY: '2',
      PORT: String(port),
      DATABASE_URL: own.url,
      DEMO_MODE: 'false',
      LOG_IN_TESTS: '1',
    },
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => server.once('exit', resolve));
  const deadline = performance.now() + 60_000;
  while (!output.includes('2 workers')) {
    if (server.exitCode !== null || performance.now() > deadline)
      throw new Error(`the cluster did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await own?.drop();
});

describe('WEB_CONCURRENCY=2 (issue 20)', () => {
  it('hands connections to both workers in turn', async () => {
    const answered = [];
    for (let i = 0; i < 6; i++) answered.push(await workerOfHealth());
    expect(new Set(answered)).toEqual(new Set([1, 2]));
  });

  it(`counts ${enrolments} enrolments spread over both workers exactly in both, folding one at a time`, async () => {
    const all = await writers(own.dataSource);
    const sampler = sampleDatabase(own.dataSource);
    const refused: unknown[] = [];
    // Eight registrars at once, one connection per request.
    await Promise.all(
      all.map(async (writer) => {
        for (const learnerId of writer.learners) {
          const answer = await post(enrollMutation, enrollInput(learnerId), writer.token);
          if (!answer.body.data?.enrollLearner) refused.push(answer.body.errors);
        }
      }),
    );
    const seen = await sampler.stop();
    expect(refused).toEqual([]);
    expect(seen.working).toEqual(
      new Set(['deped-enrollment-api worker 1', 'deped-enrollment-api worker 2']),
    );
    expect(seen.mostFolders).toBe(1);
    expect(seen.samplesFolding).toBeGreaterThan(0);

    // At once after the last answer, through either worker: every enrolment, school by school.
    const analyst = await createTestAccount(own.dataSource, Role.NATIONAL_ANALYST);
    const summary = `query($f: EnrollmentSummaryFilter) {
      enrollmentSummary(groupBy: [SCHOOL], filter: $f) { school { id } learners } }`;
    const filter = {
      f: { schoolYear: currentYear(), schoolIds: all.map((w) => formatSchoolId(w.schoolId)) },
    };
    const expected = all.map((w) => ({
      school: { id: formatSchoolId(w.schoolId) },
      learners: enrolments / schools,
    }));
    // Connections go to the workers in turn: after /health at one, the next two posts reach the
    // other and then the same, and a second /health the other again (checking the turns held).
    const first = await workerOfHealth();
    const answers = [
      await post(summary, filter, analyst.token),
      await post(summary, filter, analyst.token),
    ];
    expect(await workerOfHealth()).not.toBe(first);
    for (const answer of answers)
      expect(answer.body.errors ?? answer.body.data?.enrollmentSummary).toEqual(
        expect.arrayContaining(expected),
      );
    const [row] = await own.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM enrollment WHERE school_year = $1',
      [currentYear()],
    );
    expect(row?.count).toBe(enrolments);
  }, 120_000);

  it('shares the sign-in limit and an ended session between the workers', async () => {
    const account = await createTestAccount(own.dataSource, Role.DIVISION_MONITOR, {
      divisionId: (
        await own.dataSource.query<{ id: number }[]>('SELECT id FROM division ORDER BY id LIMIT 1')
      )[0]!.id,
    });
    const login = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
    const answers = [];
    for (let i = 0; i < config.loginRatePerMinute + 2; i++)
      answers.push(await post(login, { u: account.username, p: account.password }));
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions?.code ?? 'OK');
    // Consecutive connections go to alternate workers: each saw half the tries.
    expect(codes).toEqual([
      ...Array<string>(config.loginRatePerMinute).fill('OK'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);

    // Signed out through one worker, refused by both within a second.
    const me = '{ me { username } }';
    expect((await post(me, {}, account.token)).body.data).toEqual({
      me: { username: account.username },
    });
    expect((await post('mutation { logout }', {}, account.token)).body.data?.logout).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (let i = 0; i < 2; i++) {
      const answer = await post(me, {}, account.token);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stops both workers and itself on SIGTERM, exit code 0', async () => {
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/worker 1: stopped/);
    expect(output).toMatch(/worker 2: stopped/);
  });
});
