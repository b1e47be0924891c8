// The battery's cross-scope part (issue #9): four scopes (two schools' registrars, their two
// divisions' monitors) probe each other's learners at once through an API on a small pool.
import { Role } from '@repo/domain/access';
import { codeOf, isServerError, pool } from './battery-support.js';
import { ADAMS, type BatteryWorld, LA_PAZ } from './battery-world.js';
import { type Answer, type client } from './bench-support.js';

interface Viewer {
  token: string;
  /** Whether the viewer's scope holds a school's learners. */
  sees: (school: number) => boolean;
}

interface ScopeLearner {
  id: string;
  lastName: string;
  school: number;
}

/** What the probes found: rows shown out of scope (leaks) and rows shown in scope. */
interface Tally {
  leaked: number;
  inScopeAnswered: number;
}

export async function partScope(world: BatteryWorld) {
  const { size, figure, say } = world;
  const part = 'cross-scope under load';
  // A second API on a pool of 3 connections: every request's scope is set per transaction, so
  // a connection handed from one school's request to another's must carry nothing over.
  const { via, stop } = await world.scopeClient();
  const viewers = await scopeViewers(world);
  const learners = await learnersOfBothSchools(world, via);
  const byId = new Map(learners.map((l) => [l.id, l]));
  const tally: Tally = { leaked: 0, inScopeAnswered: 0 };
  let serverErrors = 0;
  let timedOut = 0;
  const results = await pool(size.probes, 48, size.partMs, async (i) => {
    const viewer = viewers[i % viewers.length]!;
    const learner = learners[Math.floor(Math.random() * learners.length)]!;
    const probe = i % 3 === 0 ? probeLearner : i % 3 === 1 ? probeSearch : probeHistory;
    const answer = await probe(via, viewer, learner, byId, tally);
    // A request the API gave up on (15 s) or the client did (30 s) is overload, counted apart
    // from faults; either way it returned no row.
    if (codeOf(answer) === 'REQUEST_TIMEOUT' || answer.failure === 'timeout') timedOut++;
    else if (isServerError(answer) || answer.status === 0) {
      serverErrors++;
      say(`  server error: ${answer.status} ${answer.failure ?? answer.errors[0]?.message ?? ''}`);
    }
    return answer;
  });
  await stop();
  figure(
    part,
    `probes by 4 scopes, 48 at once, pool of ${world.poolSize} connections`,
    results.length,
  );
  figure(part, 'in-scope answers (the probes reach data)', tally.inScopeAnswered);
  figure(part, 'rows leaked across scopes', tally.leaked, 0);
  figure(part, 'server errors', serverErrors, 0);
  figure(part, 'requests timed out (machine overloaded)', timedOut);
}

async function scopeViewers(world: BatteryWorld): Promise<Viewer[]> {
  const { account, placeA, placeB } = world;
  return [
    { token: world.registrarA, sees: (s: number) => s === LA_PAZ },
    { token: world.registrarB, sees: (s: number) => s === ADAMS },
    {
      token: await account(Role.DIVISION_MONITOR, { divisionId: placeA.divisionId }),
      sees: (s: number) => s === LA_PAZ,
    },
    {
      token: await account(Role.DIVISION_MONITOR, { divisionId: placeB.divisionId }),
      sees: (s: number) => s === ADAMS,
    },
  ];
}

async function learnersOfBothSchools(
  world: BatteryWorld,
  via: ReturnType<typeof client>,
): Promise<ScopeLearner[]> {
  const learners: ScopeLearner[] = [];
  for (const [school, token] of [
    [LA_PAZ, world.registrarA],
    [ADAMS, world.registrarB],
  ] as const) {
    for (let i = 0; i < world.size.learnersPerSchool; i++)
      learners.push({ ...(await world.createLearner(token, via)), school });
  }
  return learners;
}

type Probe = (
  via: ReturnType<typeof client>,
  viewer: Viewer,
  learner: ScopeLearner,
  byId: Map<string, ScopeLearner>,
  tally: Tally,
) => Promise<Answer>;

/** The learner by id: answered only in scope. */
const probeLearner: Probe = async (via, viewer, learner, _byId, tally) => {
  const answer = await via.graphql(
    'query($id: ID!) { learner(id: $id) { id lastName } }',
    { id: learner.id },
    viewer.token,
  );
  const mine = viewer.sees(learner.school);
  const seen = answer.data?.learner as { id: string } | null | undefined;
  if (seen && !mine) tally.leaked++;
  if (seen && mine) tally.inScopeAnswered++;
  return answer;
};

/** A search by the learner's name: candidates out of scope are neither in scope nor shown. */
const probeSearch: Probe = async (via, viewer, learner, byId, tally) => {
  const answer = await via.graphql(
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
    if (!visible && (c.inScope || c.learner !== null)) tally.leaked++;
    if (visible && c.learner) tally.inScopeAnswered++;
  }
  return answer;
};

/** The learner's history: empty out of scope. */
const probeHistory: Probe = async (via, viewer, learner, _byId, tally) => {
  const answer = await via.graphql(
    'query($id: ID!) { learnerHistory(learnerId: $id) { __typename } }',
    { id: learner.id },
    viewer.token,
  );
  const mine = viewer.sees(learner.school);
  const entries = answer.data?.learnerHistory as unknown[] | undefined;
  if (!mine && entries && entries.length > 0) tally.leaked++;
  if (mine && entries) tally.inScopeAnswered++;
  return answer;
};
