import DataLoader from 'dataloader';
import { type DataSource } from 'typeorm';
import { SchoolEntity } from './school.entity.js';

/** Which parent a school count is taken over. */
export type SchoolScope = 'region' | 'division' | 'district';

export interface SchoolPageKey {
  divisionId: number;
  first: number;
  after: { name: string; id: number } | null;
  search: string | null;
  /** One district of the division; null for all. */
  districtId: number | null;
}

const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Schools per region, division or district, one GROUP BY for all parents in the request. */
export function schoolCountLoader(dataSource: DataSource, scope: SchoolScope) {
  const column = `${scope}_id`;
  return new DataLoader<number, number>(async (ids) => {
    const rows: { parent: number; schools: string }[] = await dataSource.query(
      `SELECT ${column} AS parent, count(*) AS schools FROM school
       WHERE ${column} = ANY($1::int[]) GROUP BY ${column}`,
      [ids],
    );
    const counts = new Map(rows.map((row) => [row.parent, Number(row.schools)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** Runs one query per group of keys that share the given shape, and answers each key. */
async function perShape<K, V>(
  keys: readonly K[],
  shapeOf: (key: K) => unknown,
  run: (group: K[]) => Promise<Map<string, V>>,
  missing: V,
): Promise<V[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const shape = JSON.stringify(shapeOf(key));
    groups.set(shape, [...(groups.get(shape) ?? []), key]);
  }
  const answers = new Map<string, V>();
  for (const group of groups.values()) {
    for (const [key, value] of await run(group)) answers.set(key, value);
  }
  return keys.map((key) => answers.get(JSON.stringify(key)) ?? missing);
}

/** Schools of each division matching an optional name search and district, for `totalCount`. */
export function schoolMatchCountLoader(dataSource: DataSource) {
  type Key = { divisionId: number; search: string | null; districtId: number | null };
  return new DataLoader<Key, number, string>(
    (keys) =>
      perShape(
        keys,
        (key) => [key.search, key.districtId],
        async (group) => {
          const { search, districtId } = group[0]!;
          const rows: { parent: number; schools: string }[] = await dataSource.query(
            `SELECT division_id AS parent, count(*) AS schools FROM school
             WHERE division_id = ANY($1::int[]) AND ($2::text IS NULL OR name ILIKE $2)
               AND ($3::int IS NULL OR district_id = $3)
             GROUP BY division_id`,
            [
              group.map((k) => k.divisionId),
              search === null ? null : likePattern(search),
              districtId,
            ],
          );
          const counts = new Map(rows.map((row) => [row.parent, Number(row.schools)]));
          return new Map(
            group.map((key) => [JSON.stringify(key), counts.get(key.divisionId) ?? 0]),
          );
        },
        0,
      ),
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

/**
 * One page of schools per division, ordered by name then School ID, for every division in the
 * request in one query (a window per division), keyset-paginated after (name, id).
 */
export function schoolPageLoader(dataSource: DataSource) {
  return new DataLoader<SchoolPageKey, SchoolEntity[], string>(
    (keys) =>
      perShape(
        keys,
        (key) => [key.first, key.after, key.search, key.districtId],
        async (group) => {
          const { first, after, search, districtId } = group[0]!;
          const rows: Record<string, unknown>[] = await dataSource.query(
            `SELECT * FROM (
               SELECT s.*, row_number() OVER (PARTITION BY s.division_id ORDER BY s.name, s.id) AS rn
               FROM school s
               WHERE s.division_id = ANY($1::int[])
                 AND ($2::text IS NULL OR s.name ILIKE $2)
                 AND ($3::text IS NULL OR (s.name, s.id) > ($3::text, $4::int))
                 AND ($6::int IS NULL OR s.district_id = $6)
             ) page
             WHERE rn <= $5
             ORDER BY division_id, rn`,
            [
              group.map((k) => k.divisionId),
              search === null ? null : likePattern(search),
              after?.name ?? null,
              after?.id ?? null,
              first,
              districtId,
            ],
          );
          return new Map(
            group.map((key) => [
              JSON.stringify(key),
              rows.filter((row) => row.division_id === key.divisionId).map(toSchoolEntity),
            ]),
          );
        },
        [],
      ),
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

function toSchoolEntity(row: Record<string, unknown>): SchoolEntity {
  return Object.assign(new SchoolEntity(), {
    id: row.id,
    name: row.name,
    regionId: row.region_id,
    divisionId: row.division_id,
    districtId: row.district_id,
    province: row.province,
    municipality: row.municipality,
    barangay: row.barangay,
    sector: row.sector,
    offersKinder: row.offers_kinder,
    offersElementary: row.offers_elementary,
    offersJuniorHigh: row.offers_junior_high,
    offersSeniorHigh: row.offers_senior_high,
    detailsSource: row.details_source,
  });
}
