import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DataSource } from 'typeorm';
import { openTestDataSource } from '../../test/harness.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';
import { createDataSource } from './data-source.js';
import { entities } from '../entities.js';
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from './database.js';
import { migrations } from './migrations/index.js';
import { dataSourceQuery, dumpSchema, scratchName, unifiedDiff } from './schema-dump.js';
import { pendingSchemaChanges } from './schema-diff.js';

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await openTestDataSource();
});
afterAll(() => dataSource.destroy());

const contentHash = async (table: string) => {
  const [row] = await dataSource.query<{ hash: string; rows: string }[]>(
    `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash, count(*) AS rows FROM "${table}" t`,
  );
  return row;
};

describe('migrations', () => {
  it('leave nothing for the entities to change (run `npm run migration:generate` when this fails)', async () => {
    const { up } = await pendingSchemaChanges(dataSource);
    expect(up).toEqual([]);
  });

  it('enable pg_trgm and unaccent', async () => {
    const rows = await dataSource.query<{ extname: string }[]>(
      `SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY extname`,
    );
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
  });
});

describe('every migration', () => {
  it('is undone by its down(): the schema is again what it was before its up()', async () => {
    const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');
    const name = scratchName('migration_downs');
    await createDatabaseIfMissing(adminUrl, name);
    const url = withDatabaseName(adminUrl, name);
    /** The app's data source with only the first `count` migrations. */
    const upTo = async (count: number) => {
      const source = new DataSource({
        ...createDataSource(url, { entities, poolSize: 1 }).options,
        migrations: migrations.slice(0, count),
      });
      await source.initialize();
      return source;
    };
    const undone: { migration: string; diff: string }[] = [];
    try {
      let source = await upTo(0);
      await source.runMigrations();
      let before = await dumpSchema(dataSourceQuery(source));
      await source.destroy();
      for (let count = 1; count <= migrations.length; count++) {
        source = await upTo(count);
        await source.runMigrations();
        await source.undoLastMigration();
        const diff = unifiedDiff(before, await dumpSchema(dataSourceQuery(source)));
        if (diff) undone.push({ migration: migrations[count - 1]!.name, diff });
        await source.runMigrations();
        before = await dumpSchema(dataSourceQuery(source));
        await source.destroy();
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
    expect(undone).toEqual([]);
  }, 180_000);
});

describe('reference data', () => {
  it('holds the 18 SY 2023-24 regions, 237 divisions, 2,684 districts and 64,052 placed schools', async () => {
    const counts = await dataSource.query<{ t: string; n: string }[]>(
      `SELECT 'region' t, count(*) n FROM region UNION ALL SELECT 'division', count(*) FROM division
       UNION ALL SELECT 'district', count(*) FROM district UNION ALL SELECT 'school', count(*) FROM school`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.t, Number(c.n)]))).toEqual({
      region: 18,
      division: 237,
      district: 2684,
      school: 64052,
    });
  });

  it('keys divisions on region and name: San Carlos City is two divisions', async () => {
    const rows = await dataSource.query<{ region: string }[]>(
      `SELECT r.name AS region FROM division d JOIN region r ON r.id = d.region_id
       WHERE d.name = 'San Carlos City' ORDER BY r.name`,
    );
    expect(rows.map((r) => r.region)).toEqual(['Region I', 'Region VI']);
  });

  it('loads idempotently: a second load skips, and a forced reload changes no row', async () => {
    const tables = ['region', 'division', 'district', 'school'];
    const before = await Promise.all(tables.map(contentHash));
    const again = await loadReferenceData(dataSource);
    expect(again.every((r) => r.skipped)).toBe(true);

    // Forget the checksums so every row is offered again: the upsert must still change nothing.
    const remembered = await dataSource.query<unknown[]>('SELECT * FROM reference_data_load');
    await dataSource.query(`UPDATE reference_data_load SET checksum = repeat('0', 64)`);
    const forced = await loadReferenceData(dataSource);
    expect(forced.map((r) => r.rows)).toEqual([18, 237, 2684, 64052]);
    expect(await Promise.all(tables.map(contentHash))).toEqual(before);
    expect(await dataSource.query('SELECT * FROM reference_data_load')).toHaveLength(
      remembered.length,
    );
  });
});
