// How a load of enrollment cells reaches PostgreSQL: in one transaction (split over two
// connections when it can be, see LoadTransaction), with the rollup trigger off and the rollups'
// deltas copied instead, each chunk of rows copied while the next one is generated.
import { type DataSource } from 'typeorm';
import { rollupDeltaColumns } from '../reporting/category-bits.js';
import { beginLoad, copyRows, deferSecondaryIndexes, type LoadTransaction } from './bulk-load.js';
import { type Cell } from './enrollment-cell.js';
import { type EnrollmentRows, type SchoolPlace } from './enrollment-rows.js';

const learnerCopy = `COPY learner (id, lrn, lrn_issued_at, last_name, first_name, middle_name, name_key,
                           birth_date, sex, is_indigenous, special_needs, is_four_ps, created_by,
                           record_key)
             FROM STDIN (FORMAT csv)`;
const learnerSchoolCopy =
  'COPY learner_school (learner_id, school_id, reason) FROM STDIN (FORMAT csv)';
const enrollmentCopy = `COPY enrollment (id, learner_id, school_id, school_year, grade_level, strand,
                            admission_basis, status, categories, enrolled_on, first_attendance,
                            data_source, created_by)
           FROM STDIN (FORMAT csv, FORCE_NULL (strand))`;
const rollupDeltaCopy = `COPY enrollment_rollup_delta (${rollupDeltaColumns.join(', ')}) FROM STDIN (FORMAT csv)`;

export interface EnrollmentCopy {
  /** The load's id (its first learner id): names its prepared halves. */
  loadId: string;
  cells: Cell[];
  /** Learners in `cells`. */
  total: number;
  rows: EnrollmentRows;
  /** Writes one learner of `cell` into `rows`. */
  generate: (cell: Cell) => void;
  /** The schools of `cells`, for the rollups' place columns. */
  schools: Map<number, SchoolPlace>;
  onProgress?: (done: number, total: number) => void;
  /** Told when the copy is done and the indexes are being built. */
  onBuildingIndexes: () => void;
}

/** Generates and copies every learner of the cells, with its rollup deltas, and commits. */
export async function copyEnrollmentCells(dataSource: DataSource, job: EnrollmentCopy) {
  const load = await beginLoad(dataSource, job.loadId);
  const { learners: learnerSide, enrollments: enrollmentSide } = load;
  try {
    // The rollups' trigger, and the flows' where it exists (issue 22): their deltas are written
    // after the copy.
    const triggers = (
      await enrollmentSide.query<{ tgname: string }>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'enrollment'::regclass AND NOT tgisinternal
           AND tgname IN ('enrollment_rollup', 'enrollment_flow')`,
      )
    ).rows.map((r) => r.tgname);
    for (const t of triggers)
      await enrollmentSide.query(`ALTER TABLE enrollment DISABLE TRIGGER ${t}`);
    const rebuildLearnerIndexes = await deferSecondaryIndexes(
      learnerSide,
      ['learner', 'learner_school'],
      job.total,
    );
    const rebuildEnrollmentIndexes = await deferSecondaryIndexes(
      enrollmentSide,
      ['enrollment'],
      job.total,
    );
    await generateAndCopy(load, job);
    for (const t of triggers)
      await enrollmentSide.query(`ALTER TABLE enrollment ENABLE TRIGGER ${t}`);
    await copyRows(enrollmentSide, rollupDeltaCopy, job.rows.rollupDeltas(job.schools).take());
    job.onBuildingIndexes();
    await load.both(rebuildLearnerIndexes, rebuildEnrollmentIndexes);
    await load.commit();
  } catch (error) {
    await load.rollback();
    throw error;
  } finally {
    await load.release();
  }
}

interface Chunk {
  learners: Buffer[];
  links: Buffer[];
  enrollments: Buffer[];
  /** Learners generated up to the end of this chunk. */
  done: number;
}

/**
 * Each chunk is copied while the next one is generated: the copy waits on PostgreSQL, the
 * generation on this process's CPU (one of the two was idle before).
 */
async function generateAndCopy(load: LoadTransaction, job: EnrollmentCopy) {
  const { rows } = job;
  let copying: Promise<void> = Promise.resolve();
  const flush = async () => {
    const chunk: Chunk = {
      learners: rows.learners.take(),
      links: rows.links.take(),
      enrollments: rows.enrollments.take(),
      done: rows.written,
    };
    await copying;
    copying = copyChunk(load, chunk).then(() => job.onProgress?.(chunk.done, job.total));
    // A failed copy is thrown by the next await of it, not as an unhandled rejection meanwhile.
    copying.catch(() => undefined);
  };
  let sinceYield = 0;
  for (const cell of job.cells) {
    for (let i = 0; i < cell.learners; i++) job.generate(cell);
    if (rows.learners.rows >= 100_000) await flush();
    // Generation is synchronous: without a turn of the event loop now and then, the copy of the
    // chunk before waits for it, and PostgreSQL idles (a million learners: 20 s of copy, 12 s).
    sinceYield += cell.learners;
    if (sinceYield >= 2_000) {
      sinceYield = 0;
      await new Promise(setImmediate);
    }
  }
  await flush();
  await copying;
}

/** A chunk's learners and links on the learners' side, its enrollments on the other, at once. */
async function copyChunk(load: LoadTransaction, chunk: Chunk) {
  await load.both(
    async () => {
      await copyRows(load.learners, learnerCopy, chunk.learners);
      await copyRows(load.learners, learnerSchoolCopy, chunk.links);
    },
    () => copyRows(load.enrollments, enrollmentCopy, chunk.enrollments),
  );
}
