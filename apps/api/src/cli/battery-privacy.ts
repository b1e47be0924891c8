// The battery's privacy probes (issue 18, findings 2, 4 and 5): another region's school looks up a
// school's learners by name alone, by name and birth date, by LRN and through an import preview;
// merges of records held in two divisions are approved by one; disabled accounts' tokens are used
// a second later. Every leak counted must be 0.
import { Role } from '@repo/domain/access';
import {
  type BatteryWorld,
  type CanaryLearner,
  enrollInput,
  enrollQuery,
} from './battery-world.js';
import { type Answer } from './bench-support.js';

const part = 'privacy';

interface Candidate {
  learnerId: string;
  lrn: string | null;
  inScope: boolean;
  learner: { id: string } | null;
}

/** A learner enrolled and attending at the registrar's school: it has an LRN. */
async function attendingLearner(world: BatteryWorld, token: string) {
  const learner = await world.createLearner(token);
  const answer = await world.http.graphql(
    enrollQuery,
    { input: { ...enrollInput(learner.id), firstAttendance: '2026-06-15' } },
    token,
  );
  if (answer.errors.length) throw new Error(`enroll: ${JSON.stringify(answer.errors)}`);
  const [row] = await world.dataSource.query<{ lrn: string }[]>(
    'SELECT lrn FROM learner WHERE id = $1',
    [learner.id],
  );
  return { ...learner, lrn: row!.lrn.trim() };
}

const candidatesOf = (answer: Answer) =>
  ((answer.data?.searchLearners ?? []) as Candidate[]).filter((c) => !c.inScope);

export async function partPrivacy(world: BatteryWorld) {
  const count = Math.max(4, Math.round(world.size.learnersPerSchool / 3));
  const learners = await Promise.all(
    Array.from({ length: count }, () => attendingLearner(world, world.registrarA)),
  );
  await probeSearch(world, learners);
  await probeImportPreview(world, learners);
  await probeMerges(world, count);
  await probeSessions(world, count);
}

/** Finding 2: what a search by another region's school shows of a school's learners. */
async function probeSearch(world: BatteryWorld, learners: (CanaryLearner & { lrn: string })[]) {
  const { http, figure, registrarB } = world;
  const search = (vars: Record<string, string>) =>
    http.graphql(
      `query($name: String, $birthDate: String, $lrn: String) {
         searchLearners(name: $name, birthDate: $birthDate, lrn: $lrn, limit: 50) {
           learnerId lrn inScope learner { id } } }`,
      vars,
      registrarB,
    );
  let byNameAlone = 0;
  let shown = 0;
  let lrnsNotAsked = 0;
  let profiles = 0;
  for (const l of learners) {
    const name = `${l.lastName} ${l.firstName}`;
    byNameAlone += candidatesOf(await search({ name })).length;
    const byNameAndDate = candidatesOf(await search({ name, birthDate: l.birthDate }));
    const byLrn = candidatesOf(await search({ lrn: l.lrn }));
    shown += byNameAndDate.length + byLrn.length;
    lrnsNotAsked += byNameAndDate.filter((c) => c.lrn !== null).length;
    lrnsNotAsked += byLrn.filter((c) => c.lrn !== null && c.lrn !== l.lrn).length;
    profiles += [...byNameAndDate, ...byLrn].filter((c) => c.learner !== null).length;
  }
  figure(
    part,
    `searches of another region's learners (${learners.length} × 3)`,
    learners.length * 3,
  );
  figure(part, 'outside learners shown to a name and birth date or an LRN', shown);
  figure(part, 'outside learners shown to a name alone', byNameAlone, 0);
  figure(part, 'LRNs shown that the query did not give', lrnsNotAsked, 0);
  figure(part, 'profiles of outside learners shown', profiles, 0);
}

/** Finding 2: an import preview naming another school's learners shows no LRN. */
async function probeImportPreview(
  world: BatteryWorld,
  learners: (CanaryLearner & { lrn: string })[],
) {
  const header = 'Last Name,First Name,Birth Date,Sex,Grade Level,Admission Basis,Documents';
  const csv = [
    header,
    ...learners.map((l) => `${l.lastName},${l.firstName},${l.birthDate},F,Grade 4,TRANSFEREE,SF9`),
  ].join('\n');
  const answer = await world.http.graphql(
    `mutation($input: LearnerImportInput!) { previewLearnerImport(input: $input) {
       rows { candidates { lrn inScope } } } }`,
    {
      input: {
        fileName: 'battery.csv',
        schoolYear: '2026-2027',
        contentBase64: Buffer.from(csv).toString('base64'),
      },
    },
    world.registrarB,
  );
  const rows = ((answer.data?.previewLearnerImport as { rows?: unknown[] } | undefined)?.rows ??
    []) as { candidates: { lrn: string | null; inScope: boolean }[] }[];
  const outside = rows.flatMap((r) => r.candidates.filter((c) => !c.inScope));
  world.figure(part, 'import preview rows naming another region’s learners', learners.length);
  world.figure(part, 'outside candidates the preview showed', outside.length);
  world.figure(
    part,
    'LRNs the preview showed of them',
    outside.filter((c) => c.lrn !== null).length,
    0,
  );
}

/** Finding 4: merges of a record of each of two divisions, approved by the proposing division. */
async function probeMerges(world: BatteryWorld, count: number) {
  const { http, figure, dataSource } = world;
  const divisionA = await world.account(Role.DIVISION_MONITOR, {
    divisionId: world.placeA.divisionId,
  });
  const divisionB = await world.account(Role.DIVISION_MONITOR, {
    divisionId: world.placeB.divisionId,
  });
  // An elementary school of Adams's division (Adams teaches no Grade 4).
  const [elementary] = await dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND division_id = $1
     ORDER BY id LIMIT 1`,
    [world.placeB.divisionId],
  );
  const registrarB = await world.account(Role.SCHOOL_REGISTRAR, { schoolId: elementary!.id });
  let proposed = 0;
  let carriedOut = 0;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const atA = await attendingLearner(world, world.registrarA);
    const atB = await attendingLearner(world, registrarB);
    const answer = await http.graphql(
      `mutation($a: ID!, $b: ID!) { proposeLearnerMerge(learnerId: $a, duplicateId: $b,
         reason: "Battery: the same child?") { id } }`,
      { a: atA.id, b: atB.id },
      world.registrarA,
    );
    const id = (answer.data?.proposeLearnerMerge as { id: string } | undefined)?.id;
    if (!id) continue;
    proposed++;
    ids.push(id);
    await http.graphql(
      'mutation($id: ID!) { approveLearnerMerge(mergeId: $id) { id } }',
      { id },
      divisionA,
    );
    const [row] = await dataSource.query<{ merged: number }[]>(
      `SELECT count(*)::int AS merged FROM learner WHERE id = ANY ($1) AND merged_into_id IS NOT NULL`,
      [[atA.id, atB.id]],
    );
    carriedOut += row!.merged;
  }
  const seen = await http.graphql(
    '{ learnerMerges(status: PROPOSED) { id awaitsYourDivision } }',
    {},
    divisionB,
  );
  const awaiting = (
    (seen.data?.learnerMerges ?? []) as { id: string; awaitsYourDivision: boolean }[]
  ).filter((m) => ids.includes(m.id) && m.awaitsYourDivision).length;
  figure(
    part,
    'merges proposed across two divisions, approved by the proposing one',
    proposed,
    count,
  );
  figure(part, 'of them carried out without the other division', carriedOut, 0);
  figure(part, 'of them shown to the other division, awaiting it', awaiting, count);
}

/** Finding 5: tokens of accounts disabled a second before. */
async function probeSessions(world: BatteryWorld, count: number) {
  const { http, figure, dataSource } = world;
  const tokens = await Promise.all(
    Array.from({ length: count }, () =>
      world.account(Role.SCHOOL_REGISTRAR, { schoolId: world.placeA.schoolId }),
    ),
  );
  const usernames: string[] = [];
  for (const token of tokens) {
    const me = await http.graphql('{ me { username } }', {}, token);
    usernames.push((me.data?.me as { username: string }).username);
  }
  await dataSource.query('UPDATE account SET disabled_at = now() WHERE username = ANY ($1)', [
    usernames,
  ]);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  let accepted = 0;
  for (const token of tokens) {
    const answer = await http.graphql('{ me { username } }', {}, token);
    if (answer.data?.me) accepted++;
  }
  figure(part, 'accounts disabled, their tokens used 1 s later', count);
  figure(part, 'of those requests answered', accepted, 0);
}
