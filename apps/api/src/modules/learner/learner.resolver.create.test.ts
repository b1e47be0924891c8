import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysFromToday } from '../../../test/clock-fixtures.js';
import { type TestServer } from '../../../test/harness.js';
import {
  closeLearnerScenario,
  createAs,
  type LearnerScenario,
  openLearnerScenario,
  uniqueWord,
} from '../../../test/learner-scenario.js';

/** createLearner: the duplicate check before a record is made, and the refused inputs. */

let scenario: LearnerScenario;
let dataSource: DataSource;
let server: TestServer;
let registrarA: string;
let registrarB: string;

beforeAll(async () => {
  scenario = await openLearnerScenario();
  ({ dataSource, server, registrarA, registrarB } = scenario);
});
afterAll(() => closeLearnerScenario(scenario));

const create = (token: string, input: Record<string, unknown>) => createAs(server, token, input);

async function countByLastName(lastName: string): Promise<string> {
  const [row] = await dataSource.query<{ n: string }[]>(
    'SELECT count(*) n FROM learner WHERE last_name = $1',
    [lastName],
  );
  return row!.n;
}

describe('createLearner: uniqueness first (§VI; the ALS guide, step 3a)', () => {
  it('refuses a likely duplicate with the candidates, then creates on confirmation and records it', async () => {
    const surname = uniqueWord();
    const first = await create(registrarA, {
      lastName: surname,
      firstName: 'Juan',
      middleName: 'Reyes',
      birthDate: '2017-01-15',
      sex: 'MALE',
    });
    expect(first.errors).toBeUndefined();

    const again = {
      lastName: surname,
      firstName: 'Juan',
      middleName: 'Reyes',
      birthDate: '2017-01-15',
      sex: 'MALE',
    };
    const refused = await create(registrarB, again);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DUPLICATE_SUSPECTED' });
    const candidates = refused.errors![0]!.extensions!.candidates as {
      learnerId: string;
      reasons: string[];
    }[];
    expect(candidates[0]).toMatchObject({
      learnerId: first.data!.createLearner.id,
      reasons: expect.arrayContaining(['SAME_NAME', 'SAME_BIRTH_DATE']),
    });
    const n = await countByLastName(surname);
    expect(n).toBe('1');

    const confirmed = await create(registrarB, { ...again, confirmNoDuplicate: true });
    expect(confirmed.errors).toBeUndefined();
    const [record] = await dataSource.query<
      { after: { confirmedBy: string; candidates: { learnerId: string }[] } }[]
    >(
      `SELECT after FROM audit_event WHERE action = 'DUPLICATE_CHECK_CONFIRMED' AND entity_id = $1`,
      [confirmed.data!.createLearner.id],
    );
    expect(record!.after.candidates.map((c) => c.learnerId)).toEqual([
      first.data!.createLearner.id,
    ]);
    expect(record!.after.confirmedBy).toMatch(/^t_school_registrar_/);
  });

  it('creates a learner with no LRN yet (§V.A: issued at first attendance)', async () => {
    const { data } = await create(registrarA, {
      lastName: uniqueWord(),
      firstName: 'Ana',
      birthDate: '2019-06-01',
    });
    expect(data!.createLearner).toMatchObject({ lrn: null, version: 1 });
  });

  it('lets only one of two simultaneous identical registrations through unconfirmed', async () => {
    const input = {
      lastName: uniqueWord(),
      firstName: 'Pedro',
      birthDate: '2018-04-04',
      sex: 'MALE',
    };
    const results = await Promise.all([create(registrarA, input), create(registrarB, input)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(
      results.filter((r) => r.errors?.[0]?.extensions?.code === 'DUPLICATE_SUSPECTED'),
    ).toHaveLength(1);
  });

  it.each([
    [{ lastName: '' }, 'input.lastName', 'REQUIRED'],
    [{ birthDate: daysFromToday(1) }, 'input.birthDate', 'DATE_IN_FUTURE'],
    [{ birthDate: '2019-02-29' }, 'input.birthDate', 'DATE_INVALID'],
    [{ firstName: 'J0hn' }, 'input.firstName', 'NAME_CHARACTERS'],
    [{ extensionName: 'Esq' }, 'input.extensionName', 'EXTENSION_UNKNOWN'],
    [{ sex: null }, 'input.sex', 'REQUIRED'],
  ])('refuses %j, naming the field and rule, and saves nothing', async (change, field, rule) => {
    const lastName = uniqueWord();
    const { errors } = await create(registrarA, {
      lastName,
      firstName: 'Ana',
      birthDate: '2019-06-01',
      ...change,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    const n = await countByLastName(lastName);
    expect(n).toBe('0');
  });
});
