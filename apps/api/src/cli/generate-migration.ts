// Writes a migration with the SQL that brings a freshly migrated database in line with the
// entities. Usage: npm run migration:generate -w @repo/api -- <Name>
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDataSource } from '../db/data-source.js';
import {
  createDatabaseIfMissing,
  dropDatabase,
  openDatabase,
  withDatabaseName,
} from '../db/database.js';
import { pendingSchemaChanges } from '../db/schema-diff.js';
import { apiRoot } from '../paths.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: migration:generate <PascalCaseName>');
  process.exit(2);
}
const handle = await openDatabase('postgres');
const scratch = `migration_scratch_${process.pid}`;
const adminUrl = handle.url;
await createDatabaseIfMissing(adminUrl, scratch);
const dataSource = createDataSource(withDatabaseName(adminUrl, scratch));
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) {
    console.log('Entities and migrations already match: nothing to generate.');
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const lines = (queries: string[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
    const file = path.join(apiRoot, 'src', 'db', 'migrations', `${timestamp}-${name}.ts`);
    await writeFile(
      file,
      `import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`,
    );
    console.log(
      `Wrote ${path.relative(process.cwd(), file)}; add it to src/db/migrations/index.ts.`,
    );
  }
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await dropDatabase(adminUrl, scratch);
  await handle.release();
}
