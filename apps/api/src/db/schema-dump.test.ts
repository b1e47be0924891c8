import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase, withDatabaseName } from './database.js';
import {
  createMigratedDatabase,
  type DumpRow,
  dumpSchema,
  regenerateCommand,
  schemaDumpFile,
  scratchName,
  unifiedDiff,
} from './schema-dump.js';
import { readCurrentSql } from './sql/current-sql.js';
import { entities } from '../entities.js';

const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');

/**
 * One freshly migrated database, kept as a template: each test works on a copy of its own
 * (CREATE DATABASE ... TEMPLATE copies files, a fraction of a migration's time).
 */
const template = scratchName('schema_template');
beforeAll(() => createMigratedDatabase(adminUrl, template, entities));
afterAll(() => dropDatabase(adminUrl, template));

/** A copy of the freshly migrated database, connected, dropped after `work`. */
async function onFreshCopy<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = scratchName('schema_copy');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin
    .query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`,
    )
    .finally(() => admin.end());
  const client = new pg.Client({ connectionString: withDatabaseName(adminUrl, name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
    await dropDatabase(adminUrl, name);
  }
}

const dumpOf = (client: pg.Client) =>
  dumpSchema(async (sql) => (await client.query<DumpRow>(sql)).rows);

describe('the schema dump', () => {
  it(`of a fresh migration is the committed src/db/schema-dump.txt (when not: ${regenerateCommand})`, async () => {
    const committed = await readFile(schemaDumpFile, 'utf8');
    const fresh = await onFreshCopy(dumpOf);
    expect(
      unifiedDiff(committed, fresh),
      `--- committed, +++ fresh migration. After adding a migration: ${regenerateCommand}`,
    ).toBe('');
  });

  it('does not change when every db/sql file is applied again: the folder holds what the migrations made', async () => {
    const files = await readCurrentSql();
    expect(files.length).toBeGreaterThan(0);
    const [before, after] = await onFreshCopy(async (client) => {
      const fresh = await dumpOf(client);
      for (const { file, sql } of files)
        await client.query(sql).catch((error: Error) => {
          throw new Error(`src/db/sql/${file}: ${error.message}`);
        });
      return [fresh, await dumpOf(client)];
    });
    expect(unifiedDiff(before, after), '--- migrations, +++ after applying db/sql').toBe('');
  });

  it('names every function, trigger and policy of the database in a db/sql file', async () => {
    const text = (await readCurrentSql()).map((f) => f.sql).join('\n');
    const objects = await onFreshCopy(async (client) => {
      const { rows } = await client.query<{ kind: string; name: string }>(
        `SELECT 'FUNCTION' AS kind, proname AS name FROM pg_proc p
         WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend x
           WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
         UNION ALL SELECT 'TRIGGER', tgname FROM pg_trigger WHERE NOT tgisinternal
         UNION ALL SELECT 'POLICY', polname FROM pg_policy
         UNION ALL SELECT 'VIEW', relname FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v', 'm')`,
      );
      return rows;
    });
    const missing = objects.filter(
      ({ kind, name }) =>
        !new RegExp(`CREATE (OR REPLACE )?(MATERIALIZED )?${kind} "?${name}"?[\\s(]`).test(text),
    );
    expect(missing).toEqual([]);
  });

  it('is the same text twice running', async () => {
    const [first, second] = await onFreshCopy(async (client) => [
      await dumpOf(client),
      await dumpOf(client),
    ]);
    expect(second).toBe(first);
  });

  it.each([
    {
      change: 'a function body edited by hand',
      sql: `CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RETURN NEW;
        END $$`,
      shows: '+    RETURN NEW;',
    },
    {
      change: 'a policy dropped',
      sql: 'DROP POLICY "learner_select_in_scope" ON "learner"',
      shows:
        '-  POLICY learner_select_in_scope AS PERMISSIVE FOR SELECT TO enrollment_app USING (app_scope_sees_learner(id))',
    },
    {
      change: 'a trigger left disabled',
      sql: 'ALTER TABLE enrollment DISABLE TRIGGER enrollment_rollup',
      shows:
        '+  CREATE TRIGGER enrollment_rollup AFTER INSERT OR DELETE OR UPDATE ON public.enrollment FOR EACH ROW EXECUTE FUNCTION enrollment_rollup_track() -- DISABLED',
    },
    {
      change: 'a grant revoked',
      sql: 'REVOKE EXECUTE ON FUNCTION learner_merge_facts(bigint[]) FROM enrollment_app',
      shows: '-  GRANT EXECUTE TO enrollment_app',
    },
    {
      change: 'an index dropped',
      sql: 'DROP INDEX "IDX_learner_birth_date"',
      shows: '-  CREATE INDEX "IDX_learner_birth_date" ON public.learner USING btree (birth_date)',
    },
  ])('shows $change as a difference', async ({ sql, shows }) => {
    const [fresh, changed] = await onFreshCopy(async (client) => {
      const before = await dumpOf(client);
      await client.query(sql);
      return [before, await dumpOf(client)];
    });
    const diff = unifiedDiff(fresh, changed);
    expect(diff.split('\n')).toContain(shows);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and gives hunks with context otherwise', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
    const expected = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const actual = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10', '11'].join('\n');
    expect(unifiedDiff(expected, actual, 1).split('\n')).toEqual([
      '--- expected',
      '+++ actual',
      '@@ -4,3 +4,3 @@',
      ' 4',
      '-5',
      '+five',
      ' 6',
      '@@ -10,1 +10,2 @@',
      ' 10',
      '+11',
    ]);
  });
});
