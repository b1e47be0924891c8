// Writes a migration with the SQL that brings a freshly migrated database in line with the
// entities. Usage: npm run migration:generate -w @repo/api -- <Name>
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clock } from '../clock.js';
import { createDataSource } from '../db/data-source.js';
import { entities } from '../entities.js';
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
const dataSource = createDataSource(withDatabaseName(adminUrl, scratch), { entities });
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) {
    console.log('Entities and migrations already match: nothing to generate.');
  } else {
    const timestamp = clock.now().getTime();
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
    await writeMigrationIndex(path.dirname(file));
    console.log(
      `Wrote ${path.relative(process.cwd(), file)} and listed it in migrations/index.ts.`,
    );
  }
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await dropDatabase(adminUrl, scratch);
  await handle.release();
}

/** Lists every migration file, oldest first, in migrations/index.ts. */
async function writeMigrationIndex(dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
  const entries = await Promise.all(
    files.map(async (f) => {
      const source = await readFile(path.join(dir, f), 'utf8');
      const className = /export class (\w+)/.exec(source)?.[1];
      if (!className) throw new Error(`${f} exports no migration class`);
      return { className, module: f.replace(/\.ts$/, '.js') };
    }),
  );
  await writeFile(
    path.join(dir, 'index.ts'),
    `${entries.map((e) => `import { ${e.className} } from './${e.module}';`).join('\n')}

/** Every migration in order; \`npm run migration:generate\` rewrites this list. */
export const migrations = [
${entries.map((e) => `  ${e.className},`).join('\n')}
];
`,
  );
}
