// The battery's transfer probe (issue 18, finding 1): a school of another region tries to take
// another school's learners by their ids alone, then with a wrong birth date, then with the
// papers; each admission must show in the origin's transfers and its division must be able to
// reverse it, restoring both enrollments.
import { Role } from '@repo/domain/access';
import { codeOf } from './battery-support.js';
import {
  type BatteryWorld,
  canaryPapers,
  enrollInput,
  enrollmentIdOf,
  enrollQuery,
  LA_PAZ,
  SY,
} from './battery-world.js';

const moveQuery = `mutation($input: MoveLearnerInput!) { moveLearner(input: $input) { enrollment { id } } }`;

export async function partTransfers(world: BatteryWorld) {
  const part = 'transfers';
  const { http, registrarA, figure, size } = world;
  // An elementary school of another region (Adams teaches no Grade 4).
  const [far] = await world.dataSource.query<{ id: number }[]>(
    `SELECT id FROM school WHERE offers_elementary AND sector = 'PUBLIC' AND region_id <> $1
     ORDER BY id LIMIT 1`,
    [world.placeA.regionId],
  );
  const registrarB = await world.account(Role.SCHOOL_REGISTRAR, { schoolId: far!.id });
  const count = Math.max(4, Math.round(size.learnersPerSchool / 2));
  const learners = await Promise.all(
    Array.from({ length: count }, async () => {
      const learner = await world.createLearner(registrarA);
      const answer = await http.graphql(
        enrollQuery,
        { input: enrollInput(learner.id) },
        registrarA,
      );
      const enrollmentId = enrollmentIdOf(answer);
      if (!enrollmentId) throw new Error(`enroll at La Paz: ${JSON.stringify(answer.errors)}`);
      const [before] = await world.dataSource.query<{ status: string }[]>(
        'SELECT status FROM enrollment WHERE id = $1',
        [enrollmentId],
      );
      return { learner, enrollmentId, status: before!.status };
    }),
  );
  const move = (learnerId: string, proof: unknown) =>
    http.graphql(
      moveQuery,
      {
        input: {
          learnerId,
          schoolYear: SY,
          gradeLevel: 'GRADE_4',
          moveDate: '2026-09-14',
          documents: ['SF9'],
          proof,
        },
      },
      registrarB,
    );
  let byIdTaken = 0;
  let wrongTaken = 0;
  let wrongRefused = 0;
  for (const { learner } of learners) {
    const bare = await move(learner.id, null);
    if (!bare.errors.length) byIdTaken++;
    const enroll = await http.graphql(
      enrollQuery,
      { input: { ...enrollInput(learner.id), schoolYear: '2027-2028', enrolledOn: '2026-06-08' } },
      registrarB,
    );
    if (enrollmentIdOf(enroll)) byIdTaken++;
    const wrong = await move(learner.id, {
      ...canaryPapers(learner, LA_PAZ),
      birthDate: '2016-12-31',
    });
    if (!wrong.errors.length) wrongTaken++;
    else if (wrong.errors[0]?.extensions?.rule === 'PROOF_MISMATCH') wrongRefused++;
  }
  figure(
    part,
    `another region's school taking ${count} learners by id alone (moves and enrollments)`,
    count * 2,
  );
  figure(part, 'taken by id alone', byIdTaken, 0);
  figure(part, 'taken with a wrong birth date', wrongTaken, 0);
  figure(part, 'wrong proofs refused as PROOF_MISMATCH', wrongRefused, count);

  const moved = await Promise.all(
    learners.map(async ({ learner }) => ({
      id: learner.id,
      ok: !(await move(learner.id, canaryPapers(learner, LA_PAZ))).errors.length,
    })),
  );
  figure(part, 'moved in with the papers', moved.filter((m) => m.ok).length, count);
  await reverseAll(world, learners, count);
}

/** The origin division's transfers: each listed, reversible, reversed, both enrollments restored. */
async function reverseAll(
  world: BatteryWorld,
  learners: { learner: { id: string }; enrollmentId: string; status: string }[],
  count: number,
) {
  const part = 'transfers';
  const { http, figure } = world;
  const division = await world.account(Role.DIVISION_MONITOR, {
    divisionId: world.placeA.divisionId,
  });
  const list = await http.graphql(
    `query { transfers(schoolYear: "${SY}", direction: OUT, limit: 500) { id learnerId reversible } }`,
    {},
    division,
  );
  const listed = (
    (list.data?.transfers ?? []) as { id: string; learnerId: string; reversible: boolean }[]
  ).filter((t) => learners.some((l) => l.learner.id === t.learnerId));
  figure(
    part,
    "of them in the origin division's transfers, reversible",
    listed.filter((t) => t.reversible).length,
    count,
  );
  let restored = 0;
  for (const transfer of listed) {
    const answer = await http.graphql(
      'mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { reversedOn } }',
      { input: { id: transfer.id, reason: 'Battery: in error' } },
      division,
    );
    if (codeOf(answer)) continue;
    const origin = learners.find((l) => l.learner.id === transfer.learnerId)!;
    const [row] = await world.dataSource.query<{ status: string; others: number }[]>(
      `SELECT e.status, (SELECT count(*)::int FROM enrollment o WHERE o.learner_id = e.learner_id AND o.id <> e.id) AS others
       FROM enrollment e WHERE e.id = $1`,
      [origin.enrollmentId],
    );
    if (row?.status === origin.status && row.others === 0) restored++;
  }
  figure(part, 'reversed by the origin division, both enrollments restored', restored, count);
}
