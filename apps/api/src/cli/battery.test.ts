// The battery's correctness parts at small size inside `npm test` (issue #9), against the
// in-process test server and the test database; `npm run battery` runs them at full size.
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDataSource, startTestServer, type TestServer } from '../../test/harness.js';
import { batteryParts } from './battery-parts.js';
import { batterySizes } from './battery-world.js';
import { client } from './bench-support.js';

interface Figure {
  part: string;
  name: string;
  value: number | string;
  target?: number;
}

let dataSource: DataSource;
let server: TestServer;
let http: ReturnType<typeof client>;
let parts: Awaited<ReturnType<typeof batteryParts>>;
const figures: Figure[] = [];

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  http = client(Number(new URL(server.url).port), 16);
  parts = await batteryParts({
    http,
    dataSource,
    size: { ...batterySizes.small, badInputs: 300, probes: 200, learnersPerSchool: 6 },
    figure: (part, name, value, target) => figures.push({ part, name, value, target }),
    say: () => undefined,
    canaries: new Set(),
    // The test server shares the test data source, a pool of 4.
    scopeClient: () => Promise.resolve({ via: http, stop: () => Promise.resolve() }),
    poolSize: 4,
  });
});
afterAll(async () => {
  http.close();
  await server.close();
  await dataSource.destroy();
});

/** The figures of a part: each with a target meets it, and the counts tried are not zero. */
function expectTargetsMet(part: string) {
  const mine = figures.filter((f) => f.part === part);
  expect(mine.length).toBeGreaterThan(0);
  for (const f of mine) {
    if (f.target !== undefined) expect(f.value, `${part}: ${f.name}`).toBe(f.target);
    // The counts tried and reached are not zero (a timeout count may well be).
    else if (typeof f.value === 'number' && !f.name.includes('timed out'))
      expect(f.value, `${part}: ${f.name}`).toBeGreaterThan(0);
  }
}

describe('the battery at small size', () => {
  it('refuses generated bad inputs without a server error', async () => {
    await parts.partBadInputs();
    expectTargetsMet('bad inputs');
  }, 120_000);

  it('lets every role use exactly the operations its rule allows', async () => {
    await parts.partAccess();
    expectTargetsMet('role × operation');
  }, 120_000);

  it('leaks no row across scopes under concurrent mixed-scope load', async () => {
    await parts.partScope();
    expectTargetsMet('cross-scope under load');
  }, 120_000);

  it('settles every race with one winner and loses no update', async () => {
    await parts.partRaces();
    expectTargetsMet('races');
  }, 120_000);

  it('takes no learner of another school without its papers, and reverses what it took with them', async () => {
    await parts.partTransfers();
    expectTargetsMet('transfers');
  }, 120_000);

  it('shows no LRN or profile outside the place, merges nothing on one division’s word, ends disabled accounts’ sessions', async () => {
    await parts.partPrivacy();
    expectTargetsMet('privacy');
  }, 120_000);

  it('refuses the client mistakes issue 19 found with their codes, none as a server fault', async () => {
    await parts.partMistakes();
    expectTargetsMet('client mistakes');
  }, 120_000);

  it('recovers no small count by subtraction beyond the perturbation table’s chance', async () => {
    await parts.partDifferencing();
    expectTargetsMet('differencing');
  }, 120_000);
});
