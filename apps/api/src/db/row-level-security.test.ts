import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, insertTestLearner, openTestDataSource } from '../../test/harness.js';
import { type Viewer } from '../modules/auth/viewer.js';
import { inViewerScope } from './scoped.js';

let dataSource: DataSource;
let schoolA: { id: number; divisionId: number; regionId: number };
let schoolB: { id: number; divisionId: number };
let learnerA: string;
let learnerB: string;

const viewer = (role: Role, scope: Viewer['scope']): Viewer => ({
  accountId: '00000000-0000-0000-0000-000000000000',
  username: 'probe',
  role,
  scope,
});

beforeAll(async () => {
  dataSource = await openTestDataSource();
  const [a, b] = await dataSource.query<{ id: number; division_id: number; region_id: number }[]>(
    `SELECT id, division_id, region_id FROM school WHERE id IN (500743, 300001) ORDER BY id DESC`,
  );
  schoolA = { id: a!.id, divisionId: a!.division_id, regionId: a!.region_id };
  schoolB = { id: b!.id, divisionId: b!.division_id };
  const creator = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
    schoolId: schoolA.id,
  });
  learnerA = await insertTestLearner(dataSource, creator.id, schoolA.id);
  learnerB = await insertTestLearner(dataSource, creator.id, schoolB.id);
});
afterAll(() => dataSource.destroy());

const visible = (who: Viewer) =>
  inViewerScope(dataSource, who, async (manager) => {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM learner WHERE id = ANY($1::bigint[]) ORDER BY id',
      [[learnerA, learnerB]],
    );
    return rows.map((r) => r.id);
  });

describe('row-level security on learners (SPEC §1), enforced by PostgreSQL itself', () => {
  it.each([
    [
      'a registrar of school A',
      () => viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolA.id }),
      () => [learnerA],
    ],
    [
      'a registrar of school B',
      () => viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolB.id }),
      () => [learnerB],
    ],
    [
      'the division of school A',
      () => viewer(Role.DIVISION_MONITOR, { kind: 'DIVISION', divisionId: schoolA.divisionId }),
      () => [learnerA],
    ],
    [
      'the region of school A',
      () => viewer(Role.REGIONAL_PLANNER, { kind: 'REGION', regionId: schoolA.regionId }),
      () => [],
    ],
    ['a national analyst', () => viewer(Role.NATIONAL_ANALYST, { kind: 'NATION' }), () => []],
    ['an administrator', () => viewer(Role.ADMINISTRATOR, { kind: 'NATION' }), () => []],
  ])('%s sees only its own learners through raw SQL', async (_, who, expected) => {
    expect(await visible(who())).toEqual(expected());
  });

  it('lets no school update another school’s learner, nor a division update any', async () => {
    const schoolUpdate = await inViewerScope(
      dataSource,
      viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolA.id }),
      (m) => m.query(`UPDATE learner SET first_name = 'Changed' WHERE id = $1`, [learnerB]),
    );
    const divisionUpdate = await inViewerScope(
      dataSource,
      viewer(Role.DIVISION_MONITOR, { kind: 'DIVISION', divisionId: schoolA.divisionId }),
      (m) => m.query(`UPDATE learner SET first_name = 'Changed' WHERE id = $1`, [learnerA]),
    );
    expect([schoolUpdate[1], divisionUpdate[1]]).toEqual([0, 0]);
    const [row] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) n FROM learner WHERE id IN ($1, $2) AND first_name = 'Changed'`,
      [learnerA, learnerB],
    );
    expect(row!.n).toBe('0');
  });

  it('refuses a school claiming another school’s learner', async () => {
    await expect(
      inViewerScope(
        dataSource,
        viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolA.id }),
        (m) =>
          m.query(
            `INSERT INTO learner_school (learner_id, school_id, reason) VALUES ($1, $2, 'X')`,
            [learnerB, schoolB.id],
          ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps account password hashes away from the request role', async () => {
    await expect(
      inViewerScope(
        dataSource,
        viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolA.id }),
        (m) => m.query('SELECT password_hash FROM account LIMIT 1'),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('lets any school check uniqueness nationwide, seeing only identifying fields', async () => {
    const rows = await inViewerScope(
      dataSource,
      viewer(Role.SCHOOL_REGISTRAR, { kind: 'SCHOOL', schoolId: schoolA.id }),
      (m) =>
        m.query<Record<string, unknown>[]>(
          `SELECT * FROM learner_uniqueness_candidates(NULL, NULL, NULL, 10)
         UNION ALL SELECT * FROM learner_uniqueness_candidates(
           (SELECT name_key FROM learner WHERE id = $1), '2015-06-01', NULL, 10)`,
          [learnerA],
        ),
    );
    expect(rows.map((r) => String(r.id))).toContain(learnerA);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      [
        'birth_date',
        'extension_name',
        'first_name',
        'former_lrns',
        'id',
        'last_name',
        'last_school_id',
        'lrn',
        'middle_name',
        'name_key',
        'name_similarity',
        'sex',
      ].sort(),
    );
  });
});

describe('audit trail', () => {
  it('is append-only, even for the owner', async () => {
    await dataSource.query(`INSERT INTO audit_event (action, entity) VALUES ('TEST', 'test')`);
    await expect(dataSource.query(`UPDATE audit_event SET action = 'X'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
