import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { apiRoot } from '../paths.js';
import { createDataSource, type EntityList } from './data-source.js';
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from './database.js';

/**
 * What the database holds of the `public` schema, as text, read from the catalogs (pg_dump 15 on
 * this machine refuses a PostgreSQL 18 server). Deterministic: sorted, with no database name, no
 * OID, no owner and nothing that depends on when or where it ran, so two databases built by the
 * same migrations dump the same text and any hand-made change (a function body, a policy, a
 * disabled trigger) shows as a line of a diff. The committed dump of a freshly migrated database
 * is `schemaDumpFile`; `npm run schema:check` compares a database with it.
 */
export const schemaDumpFile = path.join(apiRoot, 'src', 'db', 'schema-dump.txt');
export const regenerateCommand = 'npm run schema:check --workspace @repo/api -- --write';

/** Runs one statement and answers its rows: DataSource.query, or a pg client's rows. */
export type RowQuery = (sql: string) => Promise<DumpRow[]>;
/** One fact of the dump: the object it belongs to, its place among the object's facts, its text. */
export interface DumpRow {
  object: string;
  part: string;
  text: string;
}

const notInExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '${catalog}'::regclass
     AND x.objid = ${oid} AND x.deptype = 'e')`;
const roleName = (oid: string) =>
  `CASE WHEN ${oid} = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(${oid})) END`;
/** Privileges granted to others than the owner, one row per grantee and privilege. */
const grantText = (acl: string) =>
  `'GRANT ' || ${acl}.privilege_type || ' TO ' || ${roleName(`${acl}.grantee`)}
   || CASE WHEN ${acl}.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END`;

/** The relations of the schema (tables, views, sequences, composite types) and their headings. */
const relations = `WITH rel AS (
  SELECT c.*, c.oid AS rel_oid, CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table'
    WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
    WHEN 'c' THEN 'type' ELSE 'foreign table' END || ' ' || quote_ident(c.relname) AS object
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f')
    AND ${notInExtension('pg_class', 'c.oid')})`;

const relationFacts = `${relations}
SELECT object, '0 kind' AS part,
  concat_ws(' ', CASE relkind WHEN 'p' THEN 'PARTITIONED' END,
    CASE relpersistence WHEN 'u' THEN 'UNLOGGED' END,
    CASE WHEN reloptions IS NOT NULL THEN 'WITH (' || array_to_string(reloptions, ', ') || ')' END)
  AS text FROM rel WHERE relkind = 'p' OR relpersistence = 'u' OR reloptions IS NOT NULL
UNION ALL
SELECT object, '5 row level security', 'ROW LEVEL SECURITY'
  || CASE WHEN relforcerowsecurity THEN ' FORCED' ELSE ' ENABLED' END
FROM rel WHERE relrowsecurity OR relforcerowsecurity
UNION ALL
SELECT object, '4 grant', ${grantText('a')}
FROM rel CROSS JOIN LATERAL aclexplode(coalesce(relacl,
  acldefault(CASE WHEN relkind = 'S' THEN 's' ELSE 'r' END::"char", relowner))) a
WHERE a.grantee <> relowner AND relkind <> 'c'
UNION ALL
SELECT object, '9 comment', 'COMMENT ' || quote_literal(d) FROM rel
CROSS JOIN LATERAL obj_description(rel_oid, 'pg_class') d WHERE d IS NOT NULL
UNION ALL
SELECT object, '8 definition', pg_get_viewdef(rel_oid, true) FROM rel WHERE relkind IN ('v', 'm')
UNION ALL
SELECT object, '1 sequence', 'AS ' || format_type(s.seqtypid, NULL) || ' START ' || s.seqstart
  || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
  || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END
  || coalesce((SELECT ' OWNED BY ' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
     FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_class'::regclass AND d.objid = rel_oid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')
FROM rel JOIN pg_sequence s ON s.seqrelid = rel_oid`;

const columnFacts = `${relations}, col AS (
  SELECT rel.object, a.*, row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) AS position
  FROM rel JOIN pg_attribute a ON a.attrelid = rel.rel_oid
  WHERE a.attnum > 0 AND NOT a.attisdropped AND rel.relkind <> 'S')
SELECT object, '1 column ' || lpad(position::text, 4, '0') AS part,
  'COLUMN ' || quote_ident(attname) || ' ' || format_type(atttypid, atttypmod)
  || CASE WHEN attcollation <> 0 AND attcollation <> (SELECT typcollation FROM pg_type
       WHERE oid = atttypid) THEN ' COLLATE ' || attcollation::regcollation::text ELSE '' END
  || CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END
  || CASE attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY'
       WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
  || coalesce(CASE WHEN attgenerated <> '' THEN ' GENERATED ALWAYS AS (' ELSE ' DEFAULT ' END
       || pg_get_expr(d.adbin, d.adrelid) || CASE WHEN attgenerated <> '' THEN ')' ELSE '' END, '')
  AS text
FROM col LEFT JOIN pg_attrdef d ON d.adrelid = col.attrelid AND d.adnum = col.attnum
UNION ALL
SELECT object, '4 grant ' || a.privilege_type || ' ' || ${roleName('a.grantee')} || ' ' || lpad(position::text, 4, '0'),
  'GRANT ' || a.privilege_type || ' (' || quote_ident(attname) || ') TO ' || ${roleName('a.grantee')}
FROM col CROSS JOIN LATERAL aclexplode(attacl) a
UNION ALL
SELECT object, '9 comment ' || lpad(position::text, 4, '0'),
  'COMMENT ON COLUMN ' || quote_ident(attname) || ' ' || quote_literal(d)
FROM col CROSS JOIN LATERAL col_description(attrelid, attnum) d WHERE d IS NOT NULL`;

const tableObjectFacts = `${relations}
SELECT object, '2 constraint ' || c.conname AS part,
  'CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) AS text
FROM rel JOIN pg_constraint c ON c.conrelid = rel_oid WHERE c.contype <> 'n'
UNION ALL
SELECT object, '3 index ' || i.relname, pg_get_indexdef(x.indexrelid)
  || CASE WHEN x.indisvalid THEN '' ELSE ' -- INVALID' END
FROM rel JOIN pg_index x ON x.indrelid = rel_oid JOIN pg_class i ON i.oid = x.indexrelid
UNION ALL
SELECT object, '6 policy ' || p.polname, 'POLICY ' || quote_ident(p.polname)
  || CASE WHEN p.polpermissive THEN ' AS PERMISSIVE' ELSE ' AS RESTRICTIVE' END
  || ' FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
       WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
  || ' TO ' || (SELECT string_agg(${roleName('r')}, ', ' ORDER BY 1) FROM unnest(p.polroles) r)
  || coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
  || coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')
FROM rel JOIN pg_policy p ON p.polrelid = rel_oid
UNION ALL
SELECT object, '7 trigger ' || t.tgname, pg_get_triggerdef(t.oid)
  || CASE t.tgenabled WHEN 'D' THEN ' -- DISABLED' WHEN 'R' THEN ' -- ENABLED REPLICA'
       WHEN 'A' THEN ' -- ENABLED ALWAYS' ELSE '' END
FROM rel JOIN pg_trigger t ON t.tgrelid = rel_oid WHERE NOT t.tgisinternal
UNION ALL
SELECT object, '7 rule ' || r.rulename, pg_get_ruledef(r.oid)
FROM rel JOIN pg_rewrite r ON r.ev_class = rel_oid WHERE r.rulename <> '_RETURN'`;

const routineFacts = `WITH fn AS (
  SELECT p.*, p.oid AS fn_oid, CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END
    || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS object
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace AND p.prokind <> 'a'
    AND ${notInExtension('pg_proc', 'p.oid')})
SELECT object, '8 routine' AS part, pg_get_functiondef(fn_oid) AS text FROM fn
UNION ALL
SELECT object, '4 grant', ${grantText('a')}
FROM fn CROSS JOIN LATERAL aclexplode(coalesce(proacl, acldefault('f'::"char", proowner))) a
WHERE a.grantee <> proowner
UNION ALL
SELECT object, '9 comment', 'COMMENT ' || quote_literal(d) FROM fn
CROSS JOIN LATERAL obj_description(fn_oid, 'pg_proc') d WHERE d IS NOT NULL`;

const otherFacts = `SELECT 'extension ' || quote_ident(e.extname) AS object, '0 schema' AS part,
  'SCHEMA ' || quote_ident(n.nspname) AS text
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
UNION ALL
SELECT 'schema public', '4 grant', ${grantText('a')}
FROM pg_namespace n CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
WHERE n.nspname = 'public' AND a.grantee <> n.nspowner
UNION ALL
SELECT 'type ' || quote_ident(t.typname), '1 type', CASE t.typtype
    WHEN 'e' THEN 'ENUM (' || (SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder)
      FROM pg_enum WHERE enumtypid = t.oid) || ')'
    ELSE 'DOMAIN AS ' || format_type(t.typbasetype, t.typtypmod)
      || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
      || coalesce(' DEFAULT ' || t.typdefault, '')
      || coalesce((SELECT ' ' || string_agg(pg_get_constraintdef(c.oid), ' ' ORDER BY c.conname)
         FROM pg_constraint c WHERE c.contypid = t.oid), '') END
FROM pg_type t
WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
  AND ${notInExtension('pg_type', 't.oid')}`;

/** The queries of the dump, each answering (object, part, text) rows. */
export const dumpQueries = [relationFacts, columnFacts, tableObjectFacts, routineFacts, otherFacts];

const header = [
  '-- The public schema of a freshly migrated database, as src/db/schema-dump.ts reads it from the',
  "-- catalogs: a listing to compare, not a script to run. CI fails when a database's dump differs.",
  `-- Regenerate after adding a migration: ${regenerateCommand}`,
];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const indent = (lines: string[]) =>
  lines.map((line) => (line === '' ? '' : `  ${line}`)).join('\n');
const marginOf = (line: string) => line.length - line.trimStart().length;

/**
 * A fact's lines without trailing blanks; a routine's body (after `AS $function$`) also without
 * the indentation all its lines share, so a migration may indent the body inside its template
 * literal and db/sql may not: indentation means nothing to PL/pgSQL or SQL.
 */
function normalised(fact: DumpRow): string[] {
  const lines = fact.text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  const start = fact.part === '8 routine' ? lines.findIndex((l) => /^AS \$\w*\$/.test(l)) : -1;
  if (start < 0) return lines;
  const body = lines.slice(start + 1);
  const margin = Math.min(...body.filter((l) => l !== '').map(marginOf));
  if (!Number.isFinite(margin) || margin === 0) return lines;
  return [...lines.slice(0, start + 1), ...body.map((line) => line.slice(margin))];
}

/** The rows as the dump's text: objects in name order, each with its facts in order. */
export function renderDump(rows: DumpRow[]): string {
  const objects = new Map<string, DumpRow[]>();
  for (const row of rows) objects.set(row.object, [...(objects.get(row.object) ?? []), row]);
  const blocks = [...objects.keys()].sort(byText).map((object) => {
    const facts = objects
      .get(object)!
      .sort((a, b) => byText(a.part, b.part) || byText(a.text, b.text));
    return [object, ...facts.map((f) => indent(normalised(f)))].join('\n');
  });
  return `${[header.join('\n'), ...blocks].join('\n\n')}\n`;
}

/** The dump of the database the query runs on. */
export async function dumpSchema(query: RowQuery): Promise<string> {
  const rows: DumpRow[] = [];
  for (const sql of dumpQueries) rows.push(...(await query(sql)));
  return renderDump(rows);
}

export const dataSourceQuery =
  (dataSource: DataSource): RowQuery =>
  (sql) =>
    dataSource.query<DumpRow[]>(sql);

/**
 * Creates the database `name` on the server `adminUrl` reaches and runs every migration on it,
 * with the app's `entities` (TypeORM creates the uuid-ossp extension the migrations use for them).
 */
export async function createMigratedDatabase(
  adminUrl: string,
  name: string,
  entities: EntityList,
): Promise<void> {
  await createDatabaseIfMissing(adminUrl, name);
  const dataSource = createDataSource(withDatabaseName(adminUrl, name), { entities, poolSize: 2 });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

/** A database name of its own for a scratch database. */
export const scratchName = (prefix: string) =>
  `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** Runs `work` on a new, freshly migrated database of the server, then drops the database. */
export async function withMigratedDatabase<T>(
  adminUrl: string,
  entities: EntityList,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const name = scratchName('schema_dump');
  try {
    await createMigratedDatabase(adminUrl, name, entities);
    const dataSource = createDataSource(withDatabaseName(adminUrl, name), {
      entities,
      poolSize: 2,
    });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

/**
 * A unified diff of two texts by lines (`expected` as ---, `actual` as +++), or '' when equal:
 * the longest common subsequence of what lies between their common head and tail.
 */
export function unifiedDiff(expected: string, actual: string, context = 3): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const middle = diffLines(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const ops: DiffOp[] = [
    ...a.slice(0, head).map((line): DiffOp => [' ', line]),
    ...middle,
    ...a.slice(a.length - tail).map((line): DiffOp => [' ', line]),
  ];
  return ['--- expected', '+++ actual', ...hunks(ops, context)].join('\n');
}

type DiffOp = [' ' | '-' | '+', string];

/** Edit script of two line lists, by the table of longest common subsequences. */
function diffLines(a: string[], b: string[]): DiffOp[] {
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push([' ', a[i++]!]);
      j++;
    } else if (
      i < a.length &&
      (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)
    )
      ops.push(['-', a[i++]!]);
    else ops.push(['+', b[j++]!]);
  }
  return ops;
}

/** The changed lines with `context` lines around them, grouped in @@ hunks. */
function hunks(ops: DiffOp[], context: number): string[] {
  const changed = ops.flatMap(([kind], index) => (kind === ' ' ? [] : [index]));
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]!;
    while (k < changed.length && changed[k]! <= end + 2 * context) end = changed[k++]!;
    end = Math.min(ops.length - 1, end + context);
    const before = ops.slice(0, start);
    const slice = ops.slice(start, end + 1);
    const lineOf = (skip: string) => before.filter(([kind]) => kind !== skip).length + 1;
    const count = (skip: string) => slice.filter(([kind]) => kind !== skip).length;
    out.push(`@@ -${lineOf('+')},${count('+')} +${lineOf('-')},${count('-')} @@`);
    out.push(...slice.map(([kind, line]) => `${kind}${line}`));
  }
  return out;
}
