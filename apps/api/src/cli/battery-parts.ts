// The battery's correctness parts (issue #9), run by `npm run battery` against its own API and
// PostgreSQL, and at small size by battery.test.ts against the test server: generated bad inputs,
// every role × every operation, cross-scope probes under load, races.
import { Role, scopeKindOf } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { hashPassword, login } from '../modules/auth/auth.service.js';
import { roleOperationProbes } from './battery-access.js';
import { badInputs } from './battery-inputs.js';
import { codeOf, isServerError, pool } from './battery-support.js';
import { type Answer, type client } from './bench-support.js';

/** Counts and time limits per part: `small` runs the whole battery in about a minute and a half. */
export const batterySizes = {
  small: {
    badInputs: 600,
    probes: 400,
    learnersPerSchool: 12,
    raceSizes: [2, 5],
    raceRepeats: 1,
    lrnLearners: 8,
    editors: 4,
    editsEach: 3,
    restartLearners: 500,
    shutdownMs: 2_000,
    rates: [10, 25],
    rateSeconds: 2,
    partMs: 60_000,
  },
  full: {
    badInputs: 10_000,
    probes: 6_000,
    learnersPerSchool: 60,
    raceSizes: [2, 5, 10, 20],
    raceRepeats: 5,
    lrnLearners: 40,
    editors: 10,
    editsEach: 10,
    restartLearners: 3_000,
    shutdownMs: 4_000,
    rates: [5, 10, 25, 50, 75, 100, 150, 200, 300, 400],
    rateSeconds: 6,
    partMs: 180_000,
  },
};
export type BatterySize = (typeof batterySizes)['full'];

export interface PartsContext {
  /** A client of the API under test. */
  http: ReturnType<typeof client>;
  /** The owner's connection to its database, for setting up and checking. */
  dataSource: DataSource;
  size: BatterySize;
  figure: (part: string, name: string, value: number | string, target?: number) => void;
  say: (line: string) => void;
  /** Every name, birth date and LRN written or sent: none may reach a log. */
  canaries: Set<string>;
  /** A client of an API on a small connection pool, for the cross-scope probes. */
  scopeClient: () => Promise<{ via: ReturnType<typeof client>; stop: () => Promise<void> }>;
  poolSize: number;
}

export const SY = '2026-2027';
export const LA_PAZ = 500743; // Abra, CAR
export const ADAMS = 300001; // Ilocos Norte, Region I
export const letters = (n = 8) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );

export async function batteryParts(ctx: PartsContext) {
  const { http, dataSource, size, figure, say, canaries } = ctx;
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
    const { via, stop } = await ctx.scopeClient();
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
    let timedOut = 0;
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
      // A request the API gave up on (15 s) or the client did (30 s) is overload, counted apart
      // from faults; either way it returned no row.
      if (codeOf(answer) === 'REQUEST_TIMEOUT' || answer.failure === 'timeout') timedOut++;
      else if (isServerError(answer) || answer.status === 0) {
        serverErrors++;
        say(
          `  server error: ${answer.status} ${answer.failure ?? answer.errors[0]?.message ?? ''}`,
        );
      }
      return answer;
    });
    await stop();
    figure(
      part,
      `probes by 4 scopes, 48 at once, pool of ${ctx.poolSize} connections`,
      results.length,
    );
    figure(part, 'in-scope answers (the probes reach data)', inScopeAnswered);
    figure(part, 'rows leaked across scopes', leaked, 0);
    figure(part, 'server errors', serverErrors, 0);
    figure(part, 'requests timed out (machine overloaded)', timedOut);
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

  return {
    partBadInputs,
    partAccess,
    partScope,
    partRaces,
    account,
    createLearner,
    registrarA,
    enrollQuery,
    enrollInput,
    enrollmentIdOf,
  };
}
