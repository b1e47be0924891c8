import { toNameKey } from '@repo/domain/names';
import { type DataSource } from 'typeorm';
import { poolOf } from '../../db/data-source.js';
import {
  copyRows,
  CsvChunk,
  csvField,
  deferSecondaryIndexes,
  reserveSequence,
} from './bulk-load.js';
import { givenNames, surnames } from './names.data.js';

/** A small, fast, seedable generator: the same seed makes the same learners. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The account that data set loads write as (disabled: nobody signs in with it). */
export const datasetLoaderUsername = 'dataset-loader';

export async function datasetLoaderAccount(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO account (username, password_hash, display_name, role, disabled_at)
     VALUES ($1, '!', 'Data set loader', 'ADMINISTRATOR', now())
     ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name
     RETURNING id`,
    [datasetLoaderUsername],
  );
  return row!.id;
}

export interface SyntheticLoad {
  learners: number;
  seconds: number;
}

/**
 * Adds `count` synthetic learners with national-shape names, birth dates from 2005 to 2020, 80%
 * with an LRN, each linked to a random school. Loaded with COPY; into a near-empty table the
 * secondary indexes are built once at the end rather than updated row by row.
 */
export async function loadSyntheticLearners(
  dataSource: DataSource,
  count: number,
  options: { seed?: number; onProgress?: (done: number) => void } = {},
): Promise<SyntheticLoad> {
  const started = performance.now();
  const random = mulberry32(options.seed ?? 20260124);
  const createdBy = await datasetLoaderAccount(dataSource);
  const schools = (await dataSource.query<{ id: number }[]>('SELECT id FROM school')).map(
    (s) => s.id,
  );
  const rows = syntheticLearnerRows({
    random,
    schools,
    createdBy,
    firstId: await reserveSequence(dataSource, 'learner_id_seq', count),
    firstLrn: await reserveSequence(dataSource, 'lrn_seq', count),
  });
  await copySyntheticLearners(dataSource, count, rows, options.onProgress);
  await dataSource.query('ANALYZE learner');
  await dataSource.query('ANALYZE learner_school');
  return { learners: count, seconds: (performance.now() - started) / 1000 };
}

interface SyntheticLearnerRows {
  learners: CsvChunk;
  links: CsvChunk;
  /** Draws the i-th learner and writes it and its school link, each as a CSV row. */
  add(i: number): void;
}

const day = 86_400_000;
const birthFrom = Date.UTC(2005, 0, 1);
const birthSpan = Date.UTC(2020, 11, 31) - birthFrom;

function syntheticLearnerRows(source: {
  random: () => number;
  schools: number[];
  createdBy: string;
  firstId: bigint;
  firstLrn: bigint;
}): SyntheticLearnerRows {
  const { random, schools, createdBy, firstId, firstLrn } = source;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const learners = new CsvChunk();
  const links = new CsvChunk();
  function add(i: number) {
    const id = firstId + BigInt(i);
    const lastName = pick(surnames);
    const firstName =
      random() < 0.55 ? `${pick(givenNames)} ${pick(givenNames)}` : pick(givenNames);
    const middleName = random() < 0.92 ? pick(surnames) : null;
    const birth = new Date(birthFrom + Math.floor(random() * (birthSpan / day)) * day)
      .toISOString()
      .slice(0, 10);
    const sex = random() < 0.51 ? 'MALE' : 'FEMALE';
    const hasLrn = random() < 0.8;
    const lrn = hasLrn ? String(firstLrn + BigInt(i)).padStart(12, '0') : null;
    const issued = hasLrn
      ? `${Number(birth.slice(0, 4)) + 6}-06-0${1 + Math.floor(random() * 8)}`
      : null;
    const nameKey = toNameKey({ lastName, firstName, middleName });
    links.push(`${id},${pick(schools)},SYNTHETIC\n`);
    learners.push(
      [
        id.toString(),
        csvField(lrn),
        csvField(issued),
        csvField(lastName),
        csvField(firstName),
        csvField(middleName),
        csvField(nameKey),
        birth,
        sex,
        createdBy,
      ].join(',') + '\n',
    );
  }
  return { learners, links, add };
}

/** Copies the learners in chunks in one transaction, each chunk's school links after it. */
async function copySyntheticLearners(
  dataSource: DataSource,
  count: number,
  rows: SyntheticLearnerRows,
  onProgress?: (done: number) => void,
) {
  const client = await poolOf(dataSource).connect();
  try {
    await client.query('BEGIN');
    // Secondary indexes built once at the end, exactly as the migrations defined them.
    const rebuildIndexes = await deferSecondaryIndexes(
      client,
      ['learner', 'learner_school'],
      count,
    );
    const batch = 200_000;
    for (let done = 0; done < count;) {
      const size = Math.min(batch, count - done);
      for (let i = done; i < done + size; i++) rows.add(i);
      await copyRows(
        client,
        'COPY learner (id, lrn, lrn_issued_at, last_name, first_name, middle_name, name_key, birth_date, sex, created_by) FROM STDIN (FORMAT csv)',
        rows.learners.take(),
      );
      await copyRows(
        client,
        'COPY learner_school (learner_id, school_id, reason) FROM STDIN (FORMAT csv)',
        rows.links.take(),
      );
      done += size;
      onProgress?.(done);
    }
    await rebuildIndexes();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
