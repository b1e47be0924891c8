// The battery's races (issue #9): one learner enrolled by many schools at once, one learner's
// first attendance recorded many times at once (its LRN), and many edits of one learner at once.
import { Role } from '@repo/domain/access';
import { codeOf, isServerError } from './battery-support.js';
import {
  ADAMS,
  type BatteryWorld,
  canaryPapers,
  enrollInput,
  enrollmentIdOf,
  enrollQuery,
  LA_PAZ,
  letters,
} from './battery-world.js';

const part = 'races';

export async function partRaces(world: BatteryWorld) {
  await enrollmentRaces(world);
  await lrnIssuanceRaces(world);
  await concurrentEdits(world);
}

/** Schools racing to enroll one learner: exactly one wins, the others are told it is enrolled. */
async function enrollmentRaces(world: BatteryWorld) {
  const { dataSource, size, http, figure } = world;
  const schools = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND id NOT IN ($1, $2)
     ORDER BY id LIMIT $3`,
    [LA_PAZ, ADAMS, Math.max(...size.raceSizes)],
  );
  const registrars = await Promise.all(
    schools.map((s) => world.account(Role.SCHOOL_REGISTRAR, { schoolId: s.id })),
  );
  let races = 0;
  let oneWinner = 0;
  for (const n of size.raceSizes) {
    for (let r = 0; r < size.raceRepeats; r++) {
      const learner = await world.createLearner(world.registrarA);
      const answers = await Promise.all(
        registrars
          .slice(0, n)
          .map((token) =>
            http.graphql(
              enrollQuery,
              { input: { ...enrollInput(learner.id), proof: canaryPapers(learner, LA_PAZ) } },
              token,
            ),
          ),
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
}

/** LRN issuance: each learner's first attendance recorded 5 times at once, all learners at once. */
async function lrnIssuanceRaces(world: BatteryWorld) {
  const { dataSource, size, http, figure, canaries, registrarA } = world;
  const enrolled = await Promise.all(
    Array.from({ length: size.lrnLearners }, async () => {
      const learner = await world.createLearner(registrarA);
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
}

const update = `mutation($id: ID!, $version: Int!, $input: UpdateLearnerInput!) {
      updateLearner(id: $id, version: $version, input: $input) { version middleName } }`;

/** Everyone edits the version they read; one wins, the rest are told it is stale. */
async function concurrentEdits(world: BatteryWorld) {
  const { dataSource, size, http, figure, registrarA } = world;
  const target = await world.createLearner(registrarA);
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
  const acknowledged = await retryingEdits(world, target.id);
  const [after] = await dataSource.query<{ version: number }[]>(
    'SELECT version FROM learner WHERE id = $1',
    [target.id],
  );
  const lost =
    (won[0] === stored!.middle_name ? 0 : 1) + (stored!.version + acknowledged - after!.version);
  figure(part, `read-modify-write edits acknowledged (${size.editors} editors)`, acknowledged);
  figure(part, 'lost updates', lost, 0);
}

/**
 * Editors that re-read and retry on a stale version, each until it has `editsEach` edits
 * acknowledged: every acknowledged edit must count. Returns how many were acknowledged.
 */
async function retryingEdits(world: BatteryWorld, learnerId: string): Promise<number> {
  const { dataSource, size, http, registrarA } = world;
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: size.editors }, async () => {
      for (let done = 0; done < size.editsEach;) {
        const [row] = await dataSource.query<{ version: number }[]>(
          'SELECT version FROM learner WHERE id = $1',
          [learnerId],
        );
        const answer = await http.graphql(
          update,
          { id: learnerId, version: row!.version, input: { middleName: `Edit${letters()}` } },
          registrarA,
        );
        if (answer.data?.updateLearner) {
          done++;
          acknowledged++;
        } else if (isServerError(answer)) break;
      }
    }),
  );
  return acknowledged;
}
