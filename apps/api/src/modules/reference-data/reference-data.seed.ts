import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { ensureSchoolCalendars } from '../calendar/calendar.seed.js';
import { type DataSource, type EntityManager } from 'typeorm';
import { referenceDataDir, referenceFiles, type ReferenceFile } from './reference-files.js';

/** Table and column types of each file; columns are named as in the table. */
const layouts: Record<ReferenceFile, { table: string; columns: Record<string, string> }> = {
  regions: {
    table: 'region',
    columns: {
      id: 'smallint',
      name: 'varchar',
      long_name: 'varchar',
      psgc_code: 'char(2)',
      is_overseas: 'boolean',
    },
  },
  divisions: {
    table: 'division',
    columns: {
      id: 'smallint',
      region_id: 'smallint',
      name: 'varchar',
      is_overseas: 'boolean',
      province: 'varchar',
    },
  },
  districts: {
    table: 'district',
    columns: { id: 'integer', division_id: 'smallint', name: 'varchar', province: 'varchar' },
  },
  schools: {
    table: 'school',
    columns: {
      id: 'integer',
      name: 'varchar',
      region_id: 'smallint',
      division_id: 'smallint',
      district_id: 'integer',
      province: 'varchar',
      municipality: 'varchar',
      barangay: 'varchar',
      sector: 'varchar',
      offers_kinder: 'boolean',
      offers_elementary: 'boolean',
      offers_junior_high: 'boolean',
      offers_senior_high: 'boolean',
      details_source: 'varchar',
    },
  },
};

const batchSize = 10_000;

export interface ReferenceLoadResult {
  file: ReferenceFile;
  rows: number;
  skipped: boolean;
}

/**
 * Loads the committed reference files. Idempotent: a file whose checksum is already recorded is
 * skipped, and rows are upserted by key, so a second run changes nothing.
 */
export async function loadReferenceData(dataSource: DataSource): Promise<ReferenceLoadResult[]> {
  const results: ReferenceLoadResult[] = [];
  for (const file of referenceFiles) {
    const gz = await readFile(path.join(referenceDataDir, `${file}.csv.gz`));
    const checksum = createHash('sha256').update(gz).digest('hex');
    const done: unknown[] = await dataSource.query(
      'SELECT 1 FROM reference_data_load WHERE name = $1 AND checksum = $2',
      [file, checksum],
    );
    if (done.length > 0) {
      results.push({ file, rows: 0, skipped: true });
      continue;
    }
    const rows = parse<Record<string, string>>(gunzipSync(gz), { columns: true });
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += batchSize) {
        await upsert(manager, file, rows.slice(i, i + batchSize));
      }
      await manager.query(
        `INSERT INTO reference_data_load (name, checksum, rows) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET checksum = $2, rows = $3, loaded_at = now()`,
        [file, checksum, rows.length],
      );
    });
    results.push({ file, rows: rows.length, skipped: false });
  }
  await ensureSchoolCalendars(dataSource);
  return results;
}

async function upsert(
  manager: EntityManager,
  file: ReferenceFile,
  rows: Record<string, string>[],
): Promise<void> {
  const { table, columns } = layouts[file];
  const names = Object.keys(columns);
  const params = names.map((name) => rows.map((row) => (row[name] === '' ? null : row[name])));
  const unnest = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
  const updates = names.filter((n) => n !== 'id');
  await manager.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT (id) DO UPDATE SET ${updates.map((n) => `"${n}" = excluded."${n}"`).join(', ')}
     WHERE (${updates.map((n) => `"${table}"."${n}"`).join(', ')})
       IS DISTINCT FROM (${updates.map((n) => `excluded."${n}"`).join(', ')})`,
    params,
  );
}
