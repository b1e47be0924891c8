// The battery's correctness parts (issue #9), run by `npm run battery` against its own API and
// PostgreSQL, and at small size by battery.test.ts against the test server: generated bad inputs,
// every role × every operation, cross-scope probes under load (battery-scope.ts), races
// (battery-races.ts), subtractions against the cell-key method (battery-differencing.ts), taking
// another school's learners without and with their papers (battery-transfers.ts), look-ups,
// merges across divisions and disabled accounts' tokens (battery-privacy.ts), the requests issue 19
// found answered as server faults (battery-mistakes.ts).
import { Role, scopeKindOf } from '@repo/domain/access';
import { roleOperationProbes } from './battery-access.js';
import { partDifferencing } from './battery-differencing.js';
import { badInputs } from './battery-inputs.js';
import { partRaces } from './battery-races.js';
import { partMistakes } from './battery-mistakes.js';
import { partPrivacy } from './battery-privacy.js';
import { partScope } from './battery-scope.js';
import { partTransfers } from './battery-transfers.js';
import { codeOf, isServerError, pool } from './battery-support.js';
import {
  type BatteryWorld,
  enrollInput,
  enrollmentIdOf,
  enrollQuery,
  LA_PAZ,
  openBatteryWorld,
  type PartsContext,
} from './battery-world.js';

/** The correctness parts on the accounts and places they share, and what the other parts reuse. */
export async function batteryParts(ctx: PartsContext) {
  const world = await openBatteryWorld(ctx);
  return {
    partBadInputs: () => partBadInputs(world),
    partAccess: () => partAccess(world),
    partScope: () => partScope(world),
    partRaces: () => partRaces(world),
    partDifferencing: () => partDifferencing(world),
    partTransfers: () => partTransfers(world),
    partPrivacy: () => partPrivacy(world),
    partMistakes: () => partMistakes(world),
    account: world.account,
    createLearner: world.createLearner,
    registrarA: world.registrarA,
    enrollQuery,
    enrollInput,
    enrollmentIdOf,
  };
}

async function partBadInputs(world: BatteryWorld) {
  const { http, size, figure, say, canaries, registrarA } = world;
  const part = 'bad inputs';
  const target = await world.createLearner(registrarA);
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

/** An account of every role (and an anonymous caller), each scoped where its kind of role is. */
async function tokensOfEveryRole(world: BatteryWorld) {
  const tokens: [string, string | undefined][] = [['ANONYMOUS', undefined]];
  for (const role of Object.values(Role)) {
    const place =
      role === Role.DIVISION_MONITOR
        ? { divisionId: world.placeA.divisionId }
        : role === Role.REGIONAL_PLANNER
          ? { regionId: world.placeA.regionId }
          : scopeKindOf[role] === 'SCHOOL'
            ? { schoolId: LA_PAZ }
            : {};
    tokens.push([role, await world.account(role, place)]);
  }
  return tokens;
}

async function partAccess(world: BatteryWorld) {
  const { http, size, figure, say } = world;
  const part = 'role × operation';
  const tokens = await tokensOfEveryRole(world);
  const probes = await roleOperationProbes();
  let tried = 0;
  let violations = 0;
  let serverErrors = 0;
  // logout ends the session its token names: tried last for each role, after every other probe.
  const ordered = [
    ...probes.filter((p) => p.field !== 'logout'),
    ...probes.filter((p) => p.field === 'logout'),
  ];
  const last = ordered.length - 1;
  for (const [role, token] of tokens) {
    const tryProbe = async (i: number) => {
      const probe = ordered[i]!;
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
    };
    await pool(last, 8, size.partMs / 8, tryProbe);
    await tryProbe(last);
  }
  figure(part, `requests (${tokens.length} roles × ${probes.length} operations)`, tried);
  figure(part, 'authorization violations', violations, 0);
  figure(part, 'server errors', serverErrors, 0);
}
