// The hardening battery (issue #9): `npm run battery [-- --size small]`. Runs against a PostgreSQL
// of its own (.data/battery-pg) and API processes of its own, on 127.0.0.1 only; every part is
// bounded in count and in time. Prints one line per figure and writes docs/reliability.md.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Role, scopeKindOf } from '@repo/domain/access';
import { createDataSource } from '../db/data-source.js';
import { createDatabaseIfMissing } from '../db/database.js';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { repoRoot } from '../paths.js';
import {
  type Answer,
  client,
  codeOf,
  isServerError,
  pool,
  sleep,
  startApiProcess,
  startBatteryPostgres,
} from './battery-support.js';
import { badInputs } from './battery-inputs.js';
import { roleOperationProbes } from './battery-access.js';
import { percentile } from './bench-support.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'full' } } });
if (!['small', 'full'].includes(values.size)) throw new Error('--size must be small or full');
const full = values.size === 'full';
/** Counts and time limits per part: `small` runs the whole battery in about a minute and a half. */
const size = {
  badInputs: full ? 10_000 : 600,
  probes: full ? 6_000 : 400,
  learnersPerSchool: full ? 60 : 12,
  raceSizes: full ? [2, 5, 10, 20] : [2, 5],
  raceRepeats: full ? 5 : 1,
  lrnLearners: full ? 40 : 8,
  editors: full ? 10 : 4,
  editsEach: full ? 10 : 3,
  restartLearners: full ? 3_000 : 500,
  shutdownMs: full ? 4_000 : 2_000,
  rates: full ? [25, 50, 100, 150, 200, 300, 400, 600] : [25, 50],
  rateSeconds: full ? 6 : 2,
  partMs: full ? 180_000 : 60_000,
};

const say = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => n.toLocaleString('en-PH');

interface Figure {
  part: string;
  figure: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const figures: Figure[] = [];
/** One printed line per figure; `target` is what "done" requires (none for context figures). */
function figure(part: string, name: string, value: number | string, target?: number) {
  const ok = target === undefined ? null : value === target;
  const row = {
    part,
    figure: name,
    value: typeof value === 'number' ? fmt(value) : value,
    target: target === undefined ? '' : fmt(target),
    ok,
  };
  figures.push(row);
  console.log(
    `${part} | ${name} | ${row.value}${target === undefined ? '' : ` | target ${row.target} | ${ok ? 'ok' : 'FAIL'}`}`,
  );
}

const SY = '2026-2027';
const LA_PAZ = 500743; // Abra, CAR
const ADAMS = 300001; // Ilocos Norte, Region I
const letters = (n = 8) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );

/** Every name, birth date and LRN the battery wrote or sent: none may reach a log. */
const canaries = new Set<string>();

const pg = await startBatteryPostgres(say);
await createDatabaseIfMissing(pg.url('postgres'), 'battery');
const databaseUrl = pg.url('battery');
const logFile = path.join(repoRoot, '.data', 'battery-api.log');
writeFileSync(logFile, '');
const started = performance.now();
// Rate limits are raised for the load parts (ops.test.ts proves them at their real values).
const loadEnv = { SEARCH_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '1000000' };
say('starting the API (migrations and reference data on first run)…');
const api = await startApiProcess(databaseUrl, logFile, loadEnv);
const dataSource = createDataSource(databaseUrl, { poolSize: 4 });
await dataSource.initialize();

async function account(
  role: Role,
  place: { schoolId?: number; divisionId?: number; regionId?: number },
) {
  const username = `battery_${role.toLowerCase()}_${letters(6)}`;
  await dataSource.query(
    `INSERT INTO account (username, password_hash, display_name, role, school_id, division_id, region_id)
     VALUES ($1, $2, 'Battery', $3, $4, $5, $6)`,
    [
      username,
      await hashPassword('battery'),
      role,
      place.schoolId ?? null,
      place.divisionId ?? null,
      place.regionId ?? null,
    ],
  );
  return (await login(dataSource, username, 'battery'))!.token;
}
async function placeOf(schoolId: number) {
  const [row] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    'SELECT division_id, region_id FROM school WHERE id = $1',
    [schoolId],
  );
  return { schoolId, divisionId: row!.division_id, regionId: row!.region_id };
}
const placeA = await placeOf(LA_PAZ);
const placeB = await placeOf(ADAMS);
const registrarA = await account(Role.SCHOOL_REGISTRAR, { schoolId: LA_PAZ });
const registrarB = await account(Role.SCHOOL_REGISTRAR, { schoolId: ADAMS });

const http = client(api.port, 64);

/** A learner made through the API by a school's registrar; its name and birth date are canaries. */
async function createLearner(token: string, via = http) {
  const lastName = `Canary${letters()}`;
  const firstName = `Maria${letters()}`;
  const birthDate = `2016-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  canaries.add(lastName).add(firstName);
  const answer = await via.graphql(
    'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id version } }',
    { input: { lastName, firstName, birthDate, sex: 'FEMALE', confirmNoDuplicate: true } },
    token,
  );
  const created = answer.data?.createLearner as { id: string; version: number } | undefined;
  if (!created) throw new Error(`createLearner: ${JSON.stringify(answer.errors)}`);
  return { ...created, lastName, birthDate };
}

const enrollQuery = `mutation($input: EnrollLearnerInput!, $key: String) {
  enrollLearner(input: $input, idempotencyKey: $key) { replayed enrollment { id } } }`;
const enrollInput = (learnerId: string) => ({
  learnerId,
  schoolYear: SY,
  gradeLevel: 'GRADE_4',
  admissionBasis: 'TRANSFEREE',
  documents: ['SF9'],
  enrolledOn: '2026-06-08',
});
const enrollmentIdOf = (answer: Answer) =>
  (answer.data?.enrollLearner as { enrollment: { id: string } } | undefined)?.enrollment.id;

// ---------------------------------------------------------------------------------------------
async function partBadInputs() {
  const part = 'bad inputs';
  const target = await createLearner(registrarA);
  const inputs = [...badInputs(size.badInputs, 20260609, target.id)];
  for (const input of inputs) {
    const name = (input.variables.input as { lastName?: unknown }).lastName;
    if (typeof name === 'string' && name.length > 3 && /^Bad[a-z]{8}$/.test(name))
      canaries.add(name);
  }
  const codes = new Map<string, number>();
  let accepted = 0;
  let serverErrors = 0;
  const answers = await pool(inputs.length, 8, size.partMs, async (i) => {
    const input = inputs[i]!;
    const answer = await http.graphql(input.query, input.variables, registrarA);
    if (answer.data?.[input.operation]) {
      accepted++;
      say(`  accepted: ${JSON.stringify(input.variables).slice(0, 300)}`);
    }
    if (isServerError(answer) || answer.status === 0) {
      serverErrors++;
      say(`  server error: ${JSON.stringify(input.variables).slice(0, 300)}`);
    }
    codes.set(codeOf(answer), (codes.get(codeOf(answer)) ?? 0) + 1);
    return answer;
  });
  figure(part, 'inputs tried (createLearner, enrollLearner)', answers.length);
  figure(part, 'wrongly accepted', accepted, 0);
  figure(part, 'server errors', serverErrors, 0);
  say(`  refusals by code: ${[...codes].map(([c, n]) => `${c || '(none)'} ${n}`).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
async function partAccess() {
  const part = 'role × operation';
  const tokens: [string, string | undefined][] = [['ANONYMOUS', undefined]];
  for (const role of Object.values(Role)) {
    const place =
      role === Role.DIVISION_MONITOR
        ? { divisionId: placeA.divisionId }
        : role === Role.REGIONAL_PLANNER
          ? { regionId: placeA.regionId }
          : scopeKindOf[role] === 'SCHOOL'
            ? { schoolId: LA_PAZ }
            : {};
    tokens.push([role, await account(role, place)]);
  }
  const probes = await roleOperationProbes();
  let tried = 0;
  let violations = 0;
  let serverErrors = 0;
  for (const [role, token] of tokens) {
    await pool(probes.length, 8, size.partMs / 8, async (i) => {
      const probe = probes[i]!;
      const answer = await http.graphql(probe.query, probe.variables, token);
      tried++;
      const allowed = probe.allowed(role === 'ANONYMOUS' ? null : (role as Role));
      const code = codeOf(answer);
      const rule = answer.errors[0]?.extensions?.rule;
      const refusedByAccess =
        (code === 'FORBIDDEN' && ['ROLE_NOT_ALLOWED', 'NO_ACCESS_RULE'].includes(String(rule))) ||
        (code === 'UNAUTHENTICATED' && rule === 'SIGN_IN_REQUIRED');
      const violated = allowed ? refusedByAccess : !refusedByAccess || answer.data !== null;
      if (violated) {
        violations++;
        say(`  violation: ${role} ${probe.field} → ${code} ${String(rule)}`);
      }
      if (isServerError(answer)) {
        serverErrors++;
        say(
          `  server error: ${role} ${probe.field}: ${answer.errors[0]?.message ?? answer.status}`,
        );
      }
    });
  }
  figure(part, `requests (${tokens.length} roles × ${probes.length} operations)`, tried);
  figure(part, 'authorization violations', violations, 0);
  figure(part, 'server errors', serverErrors, 0);
}

// ---------------------------------------------------------------------------------------------
async function partScope() {
  const part = 'cross-scope under load';
  // A second API on a pool of 3 connections: every request's scope is set per transaction, so
  // a connection handed from one school's request to another's must carry nothing over.
  const small = await startApiProcess(databaseUrl, logFile, { ...loadEnv, DB_POOL_SIZE: '3' });
  const via = client(small.port, 48);
  const viewers = [
    { token: registrarA, sees: (s: number) => s === LA_PAZ },
    { token: registrarB, sees: (s: number) => s === ADAMS },
    {
      token: await account(Role.DIVISION_MONITOR, { divisionId: placeA.divisionId }),
      sees: (s: number) => s === LA_PAZ,
    },
    {
      token: await account(Role.DIVISION_MONITOR, { divisionId: placeB.divisionId }),
      sees: (s: number) => s === ADAMS,
    },
  ];
  const learners: { id: string; lastName: string; school: number }[] = [];
  for (const [school, token] of [
    [LA_PAZ, registrarA],
    [ADAMS, registrarB],
  ] as const) {
    for (let i = 0; i < size.learnersPerSchool; i++)
      learners.push({ ...(await createLearner(token, via)), school });
  }
  const byId = new Map(learners.map((l) => [l.id, l]));
  let leaked = 0;
  let inScopeAnswered = 0;
  let serverErrors = 0;
  const results = await pool(size.probes, 48, size.partMs, async (i) => {
    const viewer = viewers[i % viewers.length]!;
    const learner = learners[Math.floor(Math.random() * learners.length)]!;
    const mine = viewer.sees(learner.school);
    let answer: Answer;
    if (i % 3 === 0) {
      answer = await via.graphql(
        'query($id: ID!) { learner(id: $id) { id lastName } }',
        { id: learner.id },
        viewer.token,
      );
      const seen = answer.data?.learner as { id: string } | null | undefined;
      if (seen && !mine) leaked++;
      if (seen && mine) inScopeAnswered++;
    } else if (i % 3 === 1) {
      answer = await via.graphql(
        'query($name: String!) { searchLearners(name: $name) { learnerId inScope lrn learner { id lastName } } }',
        { name: learner.lastName },
        viewer.token,
      );
      const found = (answer.data?.searchLearners ?? []) as {
        learnerId: string;
        inScope: boolean;
        learner: unknown;
      }[];
      for (const c of found) {
        const owner = byId.get(c.learnerId);
        const visible = owner ? viewer.sees(owner.school) : false;
        if (!visible && (c.inScope || c.learner !== null)) leaked++;
        if (visible && c.learner) inScopeAnswered++;
      }
    } else {
      answer = await via.graphql(
        'query($id: ID!) { learnerHistory(learnerId: $id) { __typename } }',
        { id: learner.id },
        viewer.token,
      );
      const entries = answer.data?.learnerHistory as unknown[] | undefined;
      if (!mine && entries && entries.length > 0) leaked++;
      if (mine && entries) inScopeAnswered++;
    }
    if (isServerError(answer) || answer.status === 0) serverErrors++;
    return answer;
  });
  via.close();
  small.child.kill('SIGTERM');
  await small.exited;
  figure(part, `probes by 4 scopes, 48 at once, pool of 3 connections`, results.length);
  figure(part, 'in-scope answers (the probes reach data)', inScopeAnswered);
  figure(part, 'rows leaked across scopes', leaked, 0);
  figure(part, 'server errors', serverErrors, 0);
}

// ---------------------------------------------------------------------------------------------
async function partRaces() {
  const part = 'races';
  const schools = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND id NOT IN ($1, $2)
     ORDER BY id LIMIT $3`,
    [LA_PAZ, ADAMS, Math.max(...size.raceSizes)],
  );
  const registrars = await Promise.all(
    schools.map((s) => account(Role.SCHOOL_REGISTRAR, { schoolId: s.id })),
  );
  let races = 0;
  let oneWinner = 0;
  for (const n of size.raceSizes) {
    for (let r = 0; r < size.raceRepeats; r++) {
      const learner = await createLearner(registrarA);
      const answers = await Promise.all(
        registrars
          .slice(0, n)
          .map((token) => http.graphql(enrollQuery, { input: enrollInput(learner.id) }, token)),
      );
      const winners = answers.filter((a) => enrollmentIdOf(a)).length;
      const losersRefused = answers.filter((a) => codeOf(a) === 'ALREADY_ENROLLED').length;
      const [{ count }] = (await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM enrollment WHERE learner_id = $1',
        [learner.id],
      )) as [{ count: number }];
      races++;
      if (winners === 1 && losersRefused === n - 1 && count === 1) oneWinner++;
    }
  }
  figure(
    part,
    `one learner enrolled by ${size.raceSizes.join('/')} schools at once (races)`,
    races,
  );
  figure(part, 'enrolment races with other than exactly one winner', races - oneWinner, 0);

  // LRN issuance: each learner's first attendance recorded 5 times at once, all learners at once.
  const enrolled = await Promise.all(
    Array.from({ length: size.lrnLearners }, async () => {
      const learner = await createLearner(registrarA);
      const answer = await http.graphql(
        enrollQuery,
        { input: enrollInput(learner.id) },
        registrarA,
      );
      return { learnerId: learner.id, enrollmentId: enrollmentIdOf(answer)! };
    }),
  );
  const attend = `mutation($input: FirstAttendanceInput!) { recordFirstAttendance(input: $input) { lrn } }`;
  const issued = await Promise.all(
    enrolled.flatMap((e) =>
      Array.from({ length: 5 }, () =>
        http
          .graphql(
            attend,
            { input: { enrollmentId: e.enrollmentId, firstAttendance: '2026-06-15' } },
            registrarA,
          )
          .then((a) => ({
            learnerId: e.learnerId,
            lrn: (a.data?.recordFirstAttendance as { lrn: string } | undefined)?.lrn,
          })),
      ),
    ),
  );
  const audit = await dataSource.query<{ entity_id: string; n: number; lrn: string | null }[]>(
    `SELECT l.id AS entity_id, l.lrn,
       (SELECT count(*)::int FROM audit_event a WHERE a.action = 'LRN_ISSUED' AND a.entity_id = l.id::text) AS n
     FROM learner l WHERE l.id = ANY ($1)`,
    [enrolled.map((e) => e.learnerId)],
  );
  let badIssuance = 0;
  for (const row of audit) {
    // Every request that succeeded names the same LRN, the stored one; losers may be refused.
    const answers = new Set(
      issued.filter((i) => i.learnerId === row.entity_id && i.lrn).map((i) => i.lrn),
    );
    if (row.n !== 1 || answers.size !== 1 || !answers.has(row.lrn ?? '')) badIssuance++;
    if (row.lrn) canaries.add(row.lrn);
  }
  const lrns = audit.map((r) => r.lrn);
  figure(
    part,
    `LRN issuance: ${size.lrnLearners} learners × 5 concurrent first attendances`,
    issued.length,
  );
  figure(part, 'learners without exactly one LRN issued', badIssuance, 0);
  figure(part, 'duplicate LRNs', lrns.length - new Set(lrns).size, 0);

  // Concurrent edits: everyone edits the version they read; one wins, the rest are told it is stale.
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateLearnerInput!) {
    updateLearner(id: $id, version: $version, input: $input) { version middleName } }`;
  const target = await createLearner(registrarA);
  const names = Array.from({ length: size.editors }, () => `Edit${letters()}`);
  const edits = await Promise.all(
    names.map((middleName) =>
      http.graphql(
        update,
        { id: target.id, version: target.version, input: { middleName } },
        registrarA,
      ),
    ),
  );
  const won = edits.map((a, i) => (a.data?.updateLearner ? names[i] : null)).filter(Boolean);
  const [stored] = await dataSource.query<{ middle_name: string; version: number }[]>(
    'SELECT middle_name, version FROM learner WHERE id = $1',
    [target.id],
  );
  figure(part, `${size.editors} edits of one version at once: winners`, won.length, 1);
  // Then editors that re-read and retry on a stale version: every acknowledged edit must count.
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: size.editors }, async () => {
      for (let done = 0; done < size.editsEach;) {
        const [row] = await dataSource.query<{ version: number }[]>(
          'SELECT version FROM learner WHERE id = $1',
          [target.id],
        );
        const answer = await http.graphql(
          update,
          { id: target.id, version: row!.version, input: { middleName: `Edit${letters()}` } },
          registrarA,
        );
        if (answer.data?.updateLearner) {
          done++;
          acknowledged++;
        } else if (isServerError(answer)) break;
      }
    }),
  );
  const [after] = await dataSource.query<{ version: number }[]>(
    'SELECT version FROM learner WHERE id = $1',
    [target.id],
  );
  const lost =
    (won[0] === stored!.middle_name ? 0 : 1) + (stored!.version + acknowledged - after!.version);
  figure(part, `read-modify-write edits acknowledged (${size.editors} editors)`, acknowledged);
  figure(part, 'lost updates', lost, 0);
}

// ---------------------------------------------------------------------------------------------
async function partRestart() {
  const part = 'database restart';
  // Learners to enrol, written as the owner; each is enrolled once, retried with its key.
  const rows = await dataSource.query<{ id: string; last_name: string }[]>(
    `INSERT INTO learner (last_name, first_name, name_key, birth_date, sex, created_by)
     SELECT 'Canary' || md5(random()::text), 'Restart', 'restart ' || g, '2016-04-23', 'MALE',
            (SELECT id FROM account LIMIT 1)
     FROM generate_series(1, $1) g RETURNING id, last_name`,
    [size.restartLearners],
  );
  await dataSource.query(
    `INSERT INTO learner_school (learner_id, school_id, reason) SELECT unnest($1::bigint[]), $2, 'BATTERY'`,
    [rows.map((r) => r.id), LA_PAZ],
  );
  for (const r of rows) canaries.add(r.last_name);

  const acked = new Map<string, string>();
  let failedAttempts = 0;
  let gaveUp = 0;
  let lastAck = 0;
  const writers = pool(rows.length, 8, size.partMs, async (i) => {
    const learnerId = rows[i]!.id;
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const answer = await http.graphql(
        enrollQuery,
        { input: enrollInput(learnerId), key: `battery-${learnerId}` },
        registrarA,
      );
      const id = enrollmentIdOf(answer);
      if (id) {
        acked.set(learnerId, id);
        lastAck = performance.now();
        return;
      }
      failedAttempts++;
      await sleep(50);
    }
    gaveUp++;
  });
  const recoveries: number[] = [];
  for (const mode of ['fast', 'immediate'] as const) {
    await sleep(1500);
    if (acked.size >= rows.length) break;
    const up = await pg.restart(mode, 1000);
    const before = lastAck;
    while (lastAck <= before && acked.size < rows.length && performance.now() - up < 60_000)
      await sleep(10);
    recoveries.push(lastAck - up);
    figure(
      part,
      `${mode} stop, 1 s down: first acknowledged write after PostgreSQL is up (ms)`,
      Math.round(lastAck - up),
    );
  }
  await writers;

  // The battery's own pool lost its connections too; pg replaces them on the next query.
  const found = await dataSource.query<{ id: string; learner_id: string }[]>(
    'SELECT id, learner_id FROM enrollment WHERE learner_id = ANY ($1)',
    [rows.map((r) => r.id)],
  );
  const stored = new Map(found.map((f) => [f.learner_id, f.id]));
  let lost = 0;
  for (const [learnerId, id] of acked) if (stored.get(learnerId) !== id) lost++;
  figure(part, 'enrolments acknowledged during two restarts', acked.size);
  figure(part, 'failed attempts (retried with the same key)', failedAttempts);
  figure(part, 'acknowledged writes lost', lost, 0);
  figure(part, 'duplicate enrolments', found.length - stored.size, 0);
  figure(part, 'writes not completed within 60 s of retries', gaveUp, 0);
  figure(part, 'API restarts needed', 0);
}

// ---------------------------------------------------------------------------------------------
async function partShutdown() {
  const part = 'graceful shutdown';
  const extra = await startApiProcess(databaseUrl, logFile, loadEnv);
  const via = client(extra.port, 32);
  const counts = { ok: 0, failed: 0, refused: 0 };
  // Like a load balancer: new requests go here only while /ready says so (checked every 100 ms).
  let ready = true;
  const poller = (async () => {
    while (ready) {
      await sleep(100);
      const answer = await fetch(`http://127.0.0.1:${extra.port}/ready`).catch(() => null);
      ready = answer?.status === 200;
    }
  })();
  const load = Promise.all(
    Array.from({ length: 32 }, async (_, w) => {
      while (ready) {
        const answer =
          w % 2 === 0
            ? await via.graphql(
                'query { enrollmentSummary(groupBy: [SCHOOL_YEAR]) { schoolYear learners } }',
                {},
                registrarA,
              )
            : await via.graphql(
                'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
                {
                  input: {
                    lastName: `Canary${letters()}`,
                    firstName: 'Shutdown',
                    birthDate: '2016-03-03',
                    sex: 'MALE',
                    confirmNoDuplicate: true,
                  },
                },
                registrarA,
              );
        if (answer.failure === 'ECONNREFUSED') counts.refused++;
        else if (answer.status === 200 && answer.errors.length === 0) counts.ok++;
        else {
          counts.failed++;
          say(`  failed: ${answer.status} ${answer.failure ?? codeOf(answer)}`);
        }
      }
    }),
  );
  await sleep(size.shutdownMs / 2);
  const signalled = performance.now();
  extra.child.kill('SIGTERM');
  const code = await extra.exited;
  const stopMs = performance.now() - signalled;
  await load;
  await poller;
  via.close();
  figure(part, 'requests answered under load, SIGTERM midway', counts.ok);
  figure(part, 'requests failed (accepted but not answered)', counts.failed, 0);
  figure(part, 'requests refused (sent after the server closed)', counts.refused, 0);
  figure(part, `exit code (stopped in ${fmt(Math.round(stopMs))} ms)`, code ?? -1, 0);
}

// ---------------------------------------------------------------------------------------------
async function partThroughput() {
  const part = 'throughput';
  const analyst = await account(Role.NATIONAL_ANALYST, {});
  const mix: [string, Record<string, unknown>, string | undefined][] = [
    ['query { regions { id name longName divisionCount schoolCount } }', {}, undefined],
    [
      'query { enrollmentSummary(groupBy: [SCHOOL_YEAR]) { schoolYear learners preRegistered } }',
      {},
      analyst,
    ],
    [
      'query($f: EnrollmentSummaryFilter!) { enrollmentSummary(filter: $f, groupBy: [GRADE_LEVEL, SEX]) { gradeLevel sex learners } }',
      { f: { schoolYear: SY } },
      registrarA,
    ],
    [
      'query($n: String!) { searchLearners(name: $n) { learnerId inScope } }',
      { n: 'Canary' },
      registrarA,
    ],
  ];
  let best: { rate: number; p99: number } | null = null;
  for (const rate of size.rates) {
    const total = rate * size.rateSeconds;
    const times: number[] = [];
    let errors = 0;
    const begin = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const [query, variables, token] = mix[i % mix.length]!;
      inFlight.push(
        http.graphql(query, variables, token).then((a) => {
          // Latency from when the request was due, so a client held back by a slow server counts it.
          times.push(performance.now() - due);
          if (a.status !== 200 || a.errors.length > 0) errors++;
        }),
      );
    }
    await Promise.all(inFlight);
    const p99 = percentile(times, 99);
    say(
      `  ${rate}/s for ${size.rateSeconds} s: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, errors ${errors}`,
    );
    if (p99 > 500 || errors > 0) break;
    best = { rate, p99 };
  }
  figure(part, 'highest request rate with p99 ≤ 500 ms and no errors (req/s)', best?.rate ?? 0);
  figure(part, 'its p99 (ms)', best ? best.p99.toFixed(1) : '—');
}

// ---------------------------------------------------------------------------------------------
function partLogs() {
  const part = 'logs';
  const text = readFileSync(logFile, 'utf8');
  let found = 0;
  for (const canary of canaries) if (text.includes(canary)) found++;
  for (const date of ['2016-05-17', '2016-04-23', '2016-03-03']) if (text.includes(date)) found++;
  figure(
    part,
    `canaries looked for (names, birth dates, LRNs) in ${fmt(text.split('\n').length)} log lines`,
    canaries.size + 3,
  );
  figure(part, 'canaries found in logs', found, 0);
}

try {
  await partBadInputs();
  await partAccess();
  await partScope();
  await partRaces();
  await partRestart();
  await partShutdown();
  await partThroughput();
  partLogs();
} finally {
  http.close();
  api.child.kill('SIGTERM');
  await api.exited;
  if (dataSource.isInitialized) await dataSource.destroy();
  await pg.stop();
}

const seconds = Math.round((performance.now() - started) / 1000);
const failed = figures.filter((f) => f.ok === false);
const table = [
  '| part | figure | value | target |',
  '|:--|:--|--:|--:|',
  ...figures.map(
    (f) => `| ${f.part} | ${f.figure} | ${f.value} | ${f.target}${f.ok === false ? ' ✗' : ''} |`,
  ),
].join('\n');
const docs = path.join(repoRoot, 'docs', 'reliability.md');
const current = readFileSync(docs, 'utf8');
const marker = /<!-- battery:start -->[\s\S]*<!-- battery:end -->/;
const block = `<!-- battery:start -->\n\`npm run battery${full ? '' : ' -- --size small'}\`, ${new Date().toISOString().slice(0, 10)}, ${seconds} s; ${failed.length === 0 ? 'every target met' : `${failed.length} target(s) missed`}.\n\n${table}\n<!-- battery:end -->`;
writeFileSync(
  docs,
  marker.test(current) ? current.replace(marker, block) : `${current}\n${block}\n`,
);
// The table as Prettier writes it, so the committed file passes `npm test`'s format check.
spawnSync('npx', ['prettier', '--write', docs], { cwd: repoRoot, stdio: 'ignore' });
say(
  `${failed.length === 0 ? 'every target met' : `${failed.length} target(s) missed`}; table written to docs/reliability.md (${seconds} s)`,
);
process.exit(failed.length === 0 ? 0 : 1);
