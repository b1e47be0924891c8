// What every bulk load of the data sets shares: rows sent in pieces, and secondary indexes built
// once after the copy instead of row by row during it.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Rows joined into pieces of about a megabyte. One row per write cost a system call each: at a
 * million learners the loader spent 14.6 s in the kernel, 1.6 s once joined.
 */
function* inPieces(rows: string[]) {
  for (let i = 0; i < rows.length; i += 5000) yield rows.slice(i, i + 5000).join('');
}

/** COPY of CSV rows (each ending in a newline) on the load's connection. */
export function copyRows(client: PoolClient, sql: string, rows: string[]): Promise<void> {
  return pipeline(Readable.from(inPieces(rows)), client.query(copyFrom(sql)));
}

/**
 * Inside the load's transaction: drops the tables' secondary indexes (neither primary keys nor
 * unique ones, which guard the data) when the load at least doubles the tables, and returns what
 * rebuilds them exactly as defined. Kept, each new row is a random insertion into every index (the
 * name's trigram index alone cost 25 s per million learners); built after, each is one sort, and
 * B-tree and GIN builds use parallel workers. The dropped indexes hold an exclusive lock on their
 * tables until the load commits, so only a load that doubles the tables (the first national load)
 * does this; a load into a filled system keeps the indexes and other users' reads.
 */
export async function deferSecondaryIndexes(
  client: PoolClient,
  tables: string[],
  rowsToLoad: number,
): Promise<() => Promise<void>> {
  const { rows: sizes } = await client.query<{ rows: number }>(
    // reltuples is -1 for a table never analysed or vacuumed: an empty one after the migrations
    `SELECT greatest(max(reltuples), 0)::float8 AS rows FROM pg_class WHERE oid = ANY ($1::regclass[])`,
    [tables],
  );
  if (rowsToLoad < (sizes[0]?.rows ?? 0)) return () => Promise.resolve();
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
     ORDER BY c.relname`,
    [tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return async () => {
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const index of indexes) await client.query(index.definition);
  };
}
