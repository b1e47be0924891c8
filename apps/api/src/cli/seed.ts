// Loads data into the database (DATABASE_URL, else the embedded one): migrations, then the
// reference data. Usage: npm run seed [-- --dataset reference]
import { parseArgs } from 'node:util';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/database.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';

const datasets = ['reference'] as const;
const { values } = parseArgs({
  options: { dataset: { type: 'string', default: 'reference' } },
});
if (!(datasets as readonly string[]).includes(values.dataset)) {
  console.error(`--dataset must be one of: ${datasets.join(', ')} (got "${values.dataset}")`);
  process.exit(2);
}

const database = await openDatabase('enrollment', console.log);
const dataSource = createDataSource(database.url);
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  for (const result of await loadReferenceData(dataSource)) {
    console.log(`${result.file}: ${result.skipped ? 'already loaded' : `${result.rows} rows`}`);
  }
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.release();
}
