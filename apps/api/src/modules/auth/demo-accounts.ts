import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { hashPassword } from './auth.service.js';

/** La Paz Integrated School (K-12, Abra division, CAR): the demo school. */
export const demoSchoolId = 500743;
/** An-anaao Integrated School, same division: hosts the demo ALS community learning center. */
export const demoAlsCenterId = 500518;

/** The demo accounts of SPEC §7, password `demo`; the README lists them. */
export async function ensureDemoAccounts(dataSource: DataSource): Promise<void> {
  const [school] = await dataSource.query<{ division_id: number; region_id: number }[]>(
    'SELECT division_id, region_id FROM school WHERE id = $1',
    [demoSchoolId],
  );
  if (!school) throw new Error(`demo school ${demoSchoolId} is missing from the reference data`);
  await dataSource.query('UPDATE school SET is_als_learning_center = true WHERE id = $1', [
    demoAlsCenterId,
  ]);
  const place = { schoolId: null, divisionId: null, regionId: null };
  const accounts: Partial<AccountEntity>[] = [
    {
      username: 'registrar',
      displayName: 'Demo registrar',
      role: Role.SCHOOL_REGISTRAR,
      ...place,
      schoolId: demoSchoolId,
    },
    {
      username: 'head',
      displayName: 'Demo school head',
      role: Role.SCHOOL_HEAD,
      ...place,
      schoolId: demoSchoolId,
    },
    {
      username: 'als',
      displayName: 'Demo ALS facilitator',
      role: Role.ALS_FACILITATOR,
      ...place,
      schoolId: demoAlsCenterId,
    },
    {
      username: 'division',
      displayName: 'Demo division monitor',
      role: Role.DIVISION_MONITOR,
      ...place,
      divisionId: school.division_id,
    },
    {
      username: 'region',
      displayName: 'Demo regional planner',
      role: Role.REGIONAL_PLANNER,
      ...place,
      regionId: school.region_id,
    },
    {
      username: 'analyst',
      displayName: 'Demo national analyst',
      role: Role.NATIONAL_ANALYST,
      ...place,
    },
    { username: 'admin', displayName: 'Demo administrator', role: Role.ADMINISTRATOR, ...place },
  ];
  const repository = dataSource.getRepository(AccountEntity);
  const existing = new Set((await repository.findBy({ isDemo: true })).map((a) => a.username));
  const missing = accounts.filter((a) => !existing.has(a.username!));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword('demo');
  await repository.upsert(
    missing.map((a) => ({ ...a, passwordHash, isDemo: true })),
    { conflictPaths: ['username'] },
  );
}

/** Outside demo mode no demo account may sign in. */
export async function removeDemoAccounts(dataSource: DataSource): Promise<number> {
  const result = await dataSource.getRepository(AccountEntity).delete({ isDemo: true });
  return result.affected ?? 0;
}
