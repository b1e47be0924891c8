// Loads data into the database (DATABASE_URL, else the embedded one): migrations, the reference
// data, then a data set. Usage:
//   npm run seed                                               reference data only
//   npm run seed -- --dataset official-2023 [--region CAR]...  DepEd's SY 2023-24 enrollment
//   npm run seed -- --dataset synthetic --learners N           a national-shape set of N learners
import { parseArgs } from 'node:util';
import { createDataSource } from '../db/data-source.js';
import { entities } from '../entities.js';
import { openDatabase } from '../db/database.js';
import { type Cell } from '../modules/datasets/enrollment-cell.js';
import {
  loadEnrollmentCells,
  officialCells,
  syntheticCells,
} from '../modules/datasets/enrollment-dataset.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';

const datasets = ['reference', 'official-2023', 'synthetic'] as const;
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'reference' },
    region: { type: 'string', multiple: true },
    learners: { type: 'string' },
    'school-year': { type: 'string', default: '2025-2026' },
  },
});
const fail = (message: string) => {
  console.error(message);
  process.exit(2);
};
if (!(datasets as readonly string[]).includes(values.dataset))
  fail(`--dataset must be one of: ${datasets.join(', ')} (got "${values.dataset}")`);
const learners = Number(values.learners);
if (values.dataset === 'synthetic' && !(Number.isInteger(learners) && learners > 0))
  fail('--dataset synthetic needs --learners N (a whole number above 0)');

const database = await openDatabase('enrollment', console.log);
const dataSource = createDataSource(database.url, { entities });
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  for (const result of await loadReferenceData(dataSource)) {
    console.log(`${result.file}: ${result.skipped ? 'already loaded' : `${result.rows} rows`}`);
  }
  if (values.dataset !== 'reference') {
    let cells: Cell[];
    let schoolYear = values['school-year'];
    if (values.dataset === 'official-2023') {
      schoolYear = '2023-2024';
      const names = values.region ?? [];
      const regions = await dataSource.query<{ id: number; name: string }[]>(
        'SELECT id, name FROM region WHERE name = ANY ($1)',
        [names],
      );
      const unknown = names.filter((n) => !regions.some((r) => r.name === n));
      if (unknown.length > 0) fail(`--region: no region named ${unknown.join(', ')}`);
      cells = await officialCells(dataSource, names.length > 0 ? regions.map((r) => r.id) : null);
    } else {
      cells = await syntheticCells(dataSource, learners);
    }
    const bar = (done: number, total: number) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stdout.write(
        `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-PH')} / ${total.toLocaleString('en-PH')} learners`,
      );
    };
    const load = await loadEnrollmentCells(dataSource, cells, {
      schoolYear,
      onProgress: bar,
      onStep: (step, seconds) => process.stdout.write(`, ${step} at ${seconds.toFixed(0)} s…`),
    });
    console.log(
      `\n${values.dataset}: ${load.learners.toLocaleString('en-PH')} learners enrolled for ${schoolYear} in ${load.seconds.toFixed(1)} s` +
        (load.skippedSchools > 0
          ? ` (${load.skippedSchools} schools already loaded, skipped)`
          : ''),
    );
  }
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.release();
}
