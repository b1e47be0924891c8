import { daysBetween } from '@repo/domain/civil-date';
import { toCivilDate } from '@repo/domain/learner-profile';
import { type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { config } from '../../config.js';
import { badUserInput, refused } from '../../errors.js';
import { placeConditions, placeToRead } from '../../place-scope.js';
import { auditAll } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';

/**
 * Learners outside its place an account may be shown a day (issue 18): by search, import preview
 * and the duplicate check of a new learner together, each candidate counted. A registrar checking
 * the children at the gate stays far below it; a script trawling the registry stops at it.
 */
export function lookupsPerDay(viewer: Viewer): number {
  return viewer.scope.kind === 'SCHOOL' ? config.schoolLookupsPerDay : config.divisionLookupsPerDay;
}

const overQuota = (quota: number, wanted: number, atLeast = false) =>
  refused(
    'RATE_LIMITED',
    `This would show ${atLeast ? 'at least ' : ''}${wanted} learner(s) outside your place beyond today's ${quota}: ask your division, or try tomorrow`,
    { rule: 'LOOKUPS_PER_DAY', quota, http: { status: 429 } },
  );

/**
 * The learners outside its place the viewer may still be shown today, and a check that refuses a
 * long piece of work as soon as it has found more than that (an import preview matches row by
 * row: a 500-row file past the quota is refused at the row that passes it, not after matching
 * all 500). `chargeLookups` still decides, atomically, at the end.
 */
export async function lookupRoom(
  manager: EntityManager,
  viewer: Viewer,
): Promise<(found: number) => void> {
  const quota = lookupsPerDay(viewer);
  const [row] = await manager.query<{ lookups: number }[]>(
    'SELECT lookups FROM lookup_count WHERE account_id = $1::uuid AND day = $2::date',
    [viewer.accountId, clock.today()],
  );
  const room = quota - (row?.lookups ?? 0);
  return (found) => {
    if (found > room) throw overQuota(quota, found, true);
  };
}

/** What showed a learner outside the viewer's place. */
export type LookupSource = 'SEARCH' | 'IMPORT_PREVIEW' | 'DUPLICATE_CHECK' | 'TRANSFER_PROOF';

/**
 * Counts the learners outside the viewer's place it is about to be shown, inside the caller's
 * transaction, and records each in the audit trail (whose learner was shown to whom, and how);
 * RATE_LIMITED, with nothing counted, when that would pass the day's quota. One statement: the
 * count is raised only where it stays within the quota, so two requests at once cannot both slip
 * under it.
 */
export async function chargeLookups(
  manager: EntityManager,
  viewer: Viewer,
  learnerIds: readonly string[],
  source: LookupSource,
): Promise<void> {
  const count = learnerIds.length;
  if (count === 0) return;
  const quota = lookupsPerDay(viewer);
  if (count > quota) throw overQuota(quota, count);
  const { scope } = viewer;
  const rows = await manager.query<{ lookups: number }[]>(
    `INSERT INTO lookup_count AS c (account_id, day, school_id, division_id, region_id, lookups)
     SELECT $1::uuid, $2::date, s.id, coalesce(s.division_id, d.id),
            coalesce(s.region_id, d.region_id), $5::int
     FROM (SELECT 1) one
     LEFT JOIN school s ON s.id = $3::int
     LEFT JOIN division d ON d.id = $4::int
     ON CONFLICT (account_id, day) DO UPDATE SET lookups = c.lookups + EXCLUDED.lookups
       WHERE c.lookups + EXCLUDED.lookups <= $6::int
     RETURNING lookups`,
    [
      viewer.accountId,
      clock.today(),
      scope.kind === 'SCHOOL' ? scope.schoolId : null,
      scope.kind === 'DIVISION' ? scope.divisionId : null,
      count,
      quota,
    ],
  );
  if (rows.length === 0) throw overQuota(quota, count);
  await auditAll(
    manager,
    viewer,
    learnerIds.map((id) => ({
      action: 'LEARNER_SHOWN_OUTSIDE_PLACE',
      entity: 'learner',
      entityId: id,
      after: { source },
    })),
  );
}

export interface LookupCountRow {
  day: string;
  username: string;
  role: string;
  school_id: number | null;
  school_name: string | null;
  division_id: number | null;
  lookups: number;
}

/** The longest span of days one read of the counts covers. */
const maxDays = 31;

/**
 * Each account's out-of-scope look-ups per day in the viewer's place (issue 18): a division sees
 * its schools' and its own accounts', a region its divisions'. Read as the owner, held to the
 * viewer's place (place-scope.ts); most first.
 */
export async function lookupCounts(
  dataSource: DataSource,
  viewer: Viewer,
  range: { from: string; to: string },
): Promise<LookupCountRow[]> {
  for (const field of ['from', 'to'] as const) {
    if (!toCivilDate(range[field]))
      throw badUserInput(field, 'DATE_INVALID', `${field} must be a date (YYYY-MM-DD)`);
  }
  const span = daysBetween(toCivilDate(range.from)!, toCivilDate(range.to)!);
  if (span < 0) throw badUserInput('to', 'DATE_RANGE_REVERSED', 'to must not be before from');
  if (span >= maxDays)
    throw badUserInput('to', 'DATE_RANGE_TOO_LONG', `At most ${maxDays} days at a time`);
  const place = await placeToRead(dataSource, viewer, {
    region: null,
    division: null,
    school: null,
  });
  const params: unknown[] = [range.from, range.to];
  const where = placeConditions(
    place,
    { region: 'c.region_id', division: 'c.division_id', school: 'c.school_id' },
    (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  );
  return dataSource.query<LookupCountRow[]>(
    `SELECT to_char(c.day, 'YYYY-MM-DD') AS day, coalesce(a.username, '(deleted account)') AS username,
            coalesce(a.role, '') AS role, c.school_id,
            s.name AS school_name, c.division_id, c.lookups
     FROM lookup_count c
     LEFT JOIN account a ON a.id = c.account_id
     LEFT JOIN school s ON s.id = c.school_id
     WHERE c.day BETWEEN $1::date AND $2::date ${where.map((w) => `AND ${w}`).join(' ')}
     ORDER BY c.day DESC, c.lookups DESC, a.username`,
    params,
  );
}

/** The learners outside its place the viewer has been shown today. */
export async function lookupsUsedToday(dataSource: DataSource, viewer: Viewer): Promise<number> {
  const [row] = await dataSource.query<{ lookups: number }[]>(
    'SELECT lookups FROM lookup_count WHERE account_id = $1::uuid AND day = $2::date',
    [viewer.accountId, clock.today()],
  );
  return row?.lookups ?? 0;
}
