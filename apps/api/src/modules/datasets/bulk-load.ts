// What every bulk load of the data sets shares: rows sent in pieces, and secondary indexes built
// once after the copy instead of row by row during it.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type DataSource } from 'typeorm';
import { poolOf } from '../../db/data-source.js';

/** COPY of a CsvChunk's pieces on the connection. */
export function copyRows(client: PoolClient, sql: string, pieces: Buffer[]): Promise<void> {
  return pipeline(Readable.from(pieces), client.query(copyFrom(sql)));
}

/**
 * CSV rows written straight into megabyte buffers, sent a piece at a time: one row per write cost
 * a system call each (at a million learners 14.6 s in the kernel, 1.6 s in pieces), and kept as
 * strings until the copy, a chunk's rows outlived the young generation (the garbage collector took
 * 9 of the loader's 14 CPU seconds per million learners).
 */
export class CsvChunk {
  private pieces: Buffer[] = [];
  private current = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  rows = 0;

  push(row: string): void {
    // A character is at most 3 bytes in UTF-8 (beyond the BMP, 4 bytes for 2 UTF-16 units).
    if (this.used + row.length * 3 > this.current.length) {
      this.pieces.push(this.current.subarray(0, this.used));
      this.current = Buffer.allocUnsafe(Math.max(1 << 20, row.length * 3));
      this.used = 0;
    }
    this.used += this.current.write(row, this.used);
    this.rows++;
  }

  /** The rows so far, as pieces to copy; the chunk starts empty again. */
  take(): Buffer[] {
    const pieces = this.pieces;
    if (this.used > 0) pieces.push(this.current.subarray(0, this.used));
    this.pieces = [];
    this.current = Buffer.allocUnsafe(1 << 20);
    this.used = 0;
    this.rows = 0;
    return pieces;
  }
}

/** A CSV field: quoted, or empty for null. */
export const csvField = (value: string | null) =>
  value === null ? '' : `"${value.replace(/"/g, '""')}"`;

/** A function's results kept by argument (for the few distinct values a load repeats). */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key)));
    return value;
  };
}

/**
 * Reserves `count` values of `sequence` for ids the loader writes itself; returns the first. The
 * sequence moves past them, so ids drawn meanwhile by others never collide with the copy's.
 */
export async function reserveSequence(
  dataSource: DataSource,
  sequence: 'learner_id_seq' | 'lrn_seq' | 'enrollment_id_seq',
  count: number,
): Promise<bigint> {
  const [{ first }] = (await dataSource.query<{ first: string }[]>(
    `SELECT (setval('${sequence}', nextval('${sequence}') + $1 - 1) - $1 + 1)::text AS first`,
    [count],
  )) as [{ first: string }];
  return BigInt(first);
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

const loadPrefix = 'enrollment-load:';
/** Held by a load for its whole length: one load at a time, and no one resolves its halves. */
const loadLock = `hashtext('enrollment-load')`;

/**
 * One load's transaction, on one connection or split over two: learners and their school links
 * on one, enrollments and the rollups' deltas on the other, so PostgreSQL copies with both cores
 * (at 27 million learners the copy took 360 s on one connection; on two, with the rows written
 * into buffers, 279 s).
 * Split, the two halves commit together by two-phase commit: both are prepared, learners first,
 * then both committed, learners first. So a load interrupted before the enrollments' half was
 * prepared leaves its learners' half alone, to be rolled back, and one interrupted after leaves
 * the enrollments' half, to be committed: `resolveInterruptedLoads` does either.
 */
export interface LoadTransaction {
  learners: PoolClient;
  /** The enrollments' connection: another one when split, else the learners' one. */
  enrollments: PoolClient;
  /**
   * Work on the learners' side and work on the enrollments' side: at once when split (both waited
   * for even when one fails, so nothing runs when the transaction rolls back), else in turn.
   */
  both(learnersWork: () => Promise<void>, enrollmentsWork: () => Promise<void>): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Begins a load's transaction, split when the server allows prepared transactions and the user is
 * a superuser (the copy skips foreign-key checks, which could not see the other half's learners).
 */
export async function beginLoad(dataSource: DataSource, loadId: string): Promise<LoadTransaction> {
  const pool = poolOf(dataSource);
  const learners = await pool.connect();
  let enrollments = learners;
  let split = false;
  let superuser = false;
  try {
    await learners.query(`SELECT pg_advisory_lock(${loadLock})`);
    await endInterruptedLoads(learners);
    const {
      rows: [settings],
    } = await learners.query<{ superuser: boolean; prepared: number }>(
      `SELECT rolsuper AS superuser, current_setting('max_prepared_transactions')::int AS prepared
       FROM pg_roles WHERE rolname = current_user`,
    );
    superuser = settings!.superuser;
    split = superuser && settings!.prepared >= 2;
    if (split) enrollments = await pool.connect();
    for (const side of new Set([learners, enrollments])) {
      await side.query('BEGIN');
      // The rows reference only what the loader checked (reserved ids, known schools, the year's
      // calendar): a superuser may skip the per-row foreign-key checks of the copy (measured at
      // 300,000 learners: 33.3 s with them, 22.9 s without).
      if (superuser) await side.query('SET LOCAL session_replication_role = replica');
    }
  } catch (error) {
    // Closed, a connection ends its session's lock and its transaction.
    for (const side of new Set([learners, enrollments])) side.release(true);
    throw error;
  }
  const sides = split ? [learners, enrollments] : [learners];
  const gids = [`${loadPrefix}${loadId}:learners`, `${loadPrefix}${loadId}:enrollments`];
  const prepared: string[] = [];
  return {
    learners,
    enrollments,
    async both(learnersWork, enrollmentsWork) {
      if (!split) {
        await learnersWork();
        await enrollmentsWork();
        return;
      }
      const results = await Promise.allSettled([learnersWork(), enrollmentsWork()]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    async commit() {
      if (!split) {
        await learners.query('COMMIT');
        return;
      }
      for (const [i, side] of sides.entries()) {
        await side.query(`PREPARE TRANSACTION '${gids[i]}'`);
        prepared.push(gids[i]!);
      }
      for (const gid of gids) {
        await learners.query(`COMMIT PREPARED '${gid}'`);
        prepared.splice(prepared.indexOf(gid), 1);
      }
    },
    async rollback() {
      for (const side of sides) await side.query('ROLLBACK');
      // Prepared halves end as after a crash: committed once the enrollments' half is prepared.
      if (prepared.length > 0) await endInterruptedLoads(learners);
    },
    async release() {
      const unlocked = await learners.query(`SELECT pg_advisory_unlock(${loadLock})`).then(
        () => true,
        () => false,
      );
      // A connection that could not unlock is closed, which ends its lock.
      for (const side of sides) side.release(!unlocked);
    },
  };
}

/**
 * Ends the loads a crash left prepared (see LoadTransaction): a load whose enrollments' half was
 * prepared had both halves prepared, so what is left of it commits; one without it rolls back.
 * A prepared half keeps its locks, so the server runs this at start as well as each load.
 */
export async function resolveInterruptedLoads(dataSource: DataSource): Promise<string[]> {
  const client = await poolOf(dataSource).connect();
  try {
    return await endInterruptedLoads(client);
  } finally {
    client.release();
  }
}

/** resolveInterruptedLoads on a connection of the caller's (a load's own holds the lock). */
async function endInterruptedLoads(client: PoolClient): Promise<string[]> {
  // Not while a load runs (its halves are its own); a load's own session holds the lock already.
  const { rows: lock } = await client.query<{ free: boolean }>(
    `SELECT pg_try_advisory_lock(${loadLock}) AS free`,
  );
  if (!lock[0]!.free) return [];
  try {
    const { rows } = await client.query<{ gid: string }>(
      `SELECT gid FROM pg_prepared_xacts
       WHERE database = current_database() AND gid LIKE '${loadPrefix}%' ORDER BY gid`,
    );
    const gids = rows.map((r) => r.gid);
    const loadOf = (gid: string) => gid.slice(0, gid.lastIndexOf(':'));
    const committing = new Set(gids.filter((g) => g.endsWith(':enrollments')).map(loadOf));
    const ended: string[] = [];
    for (const gid of gids) {
      const verb = committing.has(loadOf(gid)) ? 'COMMIT' : 'ROLLBACK';
      await client.query(`${verb} PREPARED '${gid}'`);
      ended.push(`${verb.toLowerCase()} ${gid}`);
    }
    return ended;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${loadLock})`);
  }
}
