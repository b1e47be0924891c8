import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer } from '../../../test/harness.js';
import {
  closeLearnerScenario,
  createAs,
  type LearnerScenario,
  openLearnerScenario,
  uniqueWord,
} from '../../../test/learner-scenario.js';

/** learner, updateLearner and learnerHistory: who sees and changes a record, and its history. */

let scenario: LearnerScenario;
let server: TestServer;
let registrarA: string;
let registrarB: string;
let divisionA: string;
let regionA: string;

beforeAll(async () => {
  scenario = await openLearnerScenario();
  ({ server, registrarA, registrarB, divisionA, regionA } = scenario);
});
afterAll(() => closeLearnerScenario(scenario));

const create = (token: string, input: Record<string, unknown>) => createAs(server, token, input);

describe('learner, updateLearner and learnerHistory', () => {
  const viewQuery = `query ($id: ID!) { learner(id: $id) { id lastName guardianName version } }`;
  const updateMutation = `mutation ($id: ID!, $version: Int!, $input: UpdateLearnerInput!) {
    updateLearner(id: $id, version: $version, input: $input) { id guardianName version } }`;

  it('shows the profile to its school and division, and to no one else', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Lito',
      birthDate: '2016-02-02',
      sex: 'MALE',
    });
    const id = data!.createLearner.id;
    for (const [token, visible] of [
      [registrarA, true],
      [divisionA, true],
      [registrarB, false],
    ] as const) {
      const result = await server.graphql<{ learner: { id: string } | null }>(
        viewQuery,
        { id },
        token,
      );
      expect(result.data?.learner?.id ?? null).toBe(visible ? id : null);
    }
    const region = await server.graphql(viewQuery, { id }, regionA);
    expect(region.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates with the version it read; a stale update changes nothing', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Rosa',
      birthDate: '2016-02-02',
    });
    const id = data!.createLearner.id;
    const first = await server.graphql<{ updateLearner: { version: number } }>(
      updateMutation,
      { id, version: 1, input: { guardianName: 'Lola Basyang' } },
      registrarA,
    );
    expect(first.data!.updateLearner.version).toBe(2);
    const stale = await server.graphql(
      updateMutation,
      { id, version: 1, input: { guardianName: 'Overwritten' } },
      registrarA,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'STALE_UPDATE',
      currentVersion: 2,
    });
    const now = await server.graphql<{ learner: { guardianName: string; version: number } }>(
      viewQuery,
      { id },
      registrarA,
    );
    expect(now.data!.learner).toMatchObject({ guardianName: 'Lola Basyang', version: 2 });
  });

  it('keeps the birth document once on file (§V.A)', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Tess',
      birthDate: '2016-02-02',
      birthDocumentType: 'PSA_BIRTH_CERTIFICATE',
      birthDocumentReceivedOn: '2024-01-10',
    });
    const change = await server.graphql(
      updateMutation,
      {
        id: data!.createLearner.id,
        version: 1,
        input: { birthDocumentType: 'BARANGAY_CERTIFICATION' },
      },
      registrarA,
    );
    expect(change.errors?.[0]?.extensions).toMatchObject({
      rule: 'BIRTH_DOCUMENT_ALREADY_ON_FILE',
    });
  });

  it('cannot be updated by another school or a division', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Nena',
      birthDate: '2016-02-02',
    });
    const other = await server.graphql(
      updateMutation,
      { id: data!.createLearner.id, version: 1, input: { guardianName: 'X' } },
      registrarB,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const division = await server.graphql(
      updateMutation,
      { id: data!.createLearner.id, version: 1, input: { guardianName: 'X' } },
      divisionA,
    );
    expect(division.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a history of who created, viewed and changed the learner, with before and after', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Ben',
      birthDate: '2016-02-02',
      sex: 'MALE',
    });
    const id = data!.createLearner.id;
    await server.graphql(viewQuery, { id }, divisionA);
    await server.graphql(
      updateMutation,
      { id, version: 1, input: { motherTongue: 'Ilocano' } },
      registrarA,
    );
    const history = await server.graphql<{
      learnerHistory: {
        action: string;
        username: string;
        before: string | null;
        after: string | null;
      }[];
    }>(
      `query ($id: ID!) { learnerHistory(learnerId: $id) { action username before after } }`,
      { id },
      divisionA,
    );
    const entries = history.data!.learnerHistory;
    expect(entries.map((e) => e.action)).toEqual([
      'LEARNER_CREATED',
      'LEARNER_VIEWED',
      'LEARNER_UPDATED',
    ]);
    expect(JSON.parse(entries[2]!.before!)).toEqual({ motherTongue: null });
    expect(JSON.parse(entries[2]!.after!)).toEqual({ motherTongue: 'Ilocano' });
    const outside = await server.graphql(
      `query ($id: ID!) { learnerHistory(learnerId: $id) { action } }`,
      { id },
      registrarB,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
