// The rows a load of enrollment cells writes: each learner drawn for a cell as CSV rows of
// learner, school link and enrollment, and the learners counted by rollup key, from which the
// rollups' delta rows are written once the copy is done.
import { randomBytes } from 'node:crypto';
import { toNameKey } from '@repo/domain/names';
import { categoryBits } from '../reporting/category-bits.js';
import { CsvChunk, csvField, memoize } from './bulk-load.js';
import { type Cell, type DrawnLearner } from './enrollment-cell.js';

/** Where a school is and its sector: the place columns of its rollup rows. */
export interface SchoolPlace {
  id: number;
  region_id: number;
  division_id: number;
  sector: string;
}

export class EnrollmentRows {
  readonly learners = new CsvChunk();
  readonly links = new CsvChunk();
  readonly enrollments = new CsvChunk();
  /** Learners written so far. */
  written = 0;
  /**
   * Learners by rollup key (school, grade, strand, sex, category mask), and the sum of their
   * record keys: the rollups' delta.
   */
  private readonly counted = new Map<string, { learners: number; keySum: number }>();
  /** Random bytes for the record keys, drawn in batches (a record key is one byte, 0-255). */
  private keyBytes = Buffer.alloc(0);
  private keyAt = 0;
  private readonly learnerBase: number;
  private readonly enrollmentBase: number;
  private readonly lrnBase: number;
  // Generation is this process's share of the load's CPU, so what repeats is made once: the parts
  // of names (from short lists) normalised and quoted; ids are plain numbers.
  private readonly quoted = memoize((value: string) => csvField(value));
  private readonly keyPart = memoize((part: string) =>
    toNameKey({ lastName: part, firstName: '' }),
  );

  constructor(
    private readonly load: {
      schoolYear: string;
      /** The year's opening day: first attendance, and the LRN's issue. */
      opening: string;
      enrolledOn: string;
      createdBy: string;
      first: { learner: bigint; enrollment: bigint; lrn: bigint };
    },
  ) {
    [this.learnerBase, this.enrollmentBase, this.lrnBase] = [
      load.first.learner,
      load.first.enrollment,
      load.first.lrn,
    ].map(Number) as [number, number, number];
  }

  /** The next learner's rows, for a learner drawn for `cell`. */
  add(cell: Cell, learner: DrawnLearner): void {
    const { schoolYear, opening, enrolledOn, createdBy } = this.load;
    const id = this.learnerBase + this.written;
    const enrollmentId = this.enrollmentBase + this.written;
    const lrn = String(this.lrnBase + this.written).padStart(12, '0');
    this.written++;
    const recordKey = this.nextRecordKey();
    const { lastName, firstName, middleName, birth, ip, sped, fourPs, balikAral } = learner;
    // toNameKey of the whole name is its parts' keys, each normalised alone, joined.
    const nameKey = [
      this.keyPart(lastName),
      this.keyPart(firstName),
      middleName ? this.keyPart(middleName) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const quoted = this.quoted;
    this.learners.push(
      `${id},${lrn},${opening},${quoted(lastName)},${quoted(firstName)},${middleName ? quoted(middleName) : ''},` +
        `${csvField(nameKey)},${birth},${cell.sex},${ip ? 't' : 'f'},${sped ? '{LEARNING_DISABILITY}' : '{}'},` +
        `${fourPs ? 't' : 'f'},${createdBy},${recordKey}\n`,
    );
    this.links.push(`${id},${cell.schoolId},ENROLLED\n`);
    this.count(cell, learner, recordKey);
    this.enrollments.push(
      `${enrollmentId},${id},${cell.schoolId},${schoolYear},${cell.gradeLevel},${cell.strand ?? ''},` +
        `${learner.admissionBasis},OFFICIALLY_ENROLLED,` +
        `${balikAral ? '{BALIK_ARAL}' : '{}'},${enrolledOn},${opening},${cell.source},${createdBy}\n`,
    );
  }

  /**
   * A learner's record key for the cell-key method (@repo/domain/cell-key): uniform from 0 to 255,
   * from a strong random source like the database's new_record_key(), not from the load's seeded
   * generator (a key anyone can recompute from the seed would protect nothing).
   */
  private nextRecordKey(): number {
    if (this.keyAt >= this.keyBytes.length) {
      this.keyBytes = randomBytes(65_536);
      this.keyAt = 0;
    }
    return this.keyBytes[this.keyAt++]!;
  }

  /** The learner counted under its rollup key, as the rollup trigger would have counted it. */
  private count(
    cell: Cell,
    { ip, sped, balikAral, fourPs }: DrawnLearner,
    recordKey: number,
  ): void {
    // enrollment_category_mask of the learner (EnrollmentRollup): the bits the summary reads.
    const mask =
      (ip ? categoryBits.IP : 0) |
      (sped ? categoryBits.SPED : 0) |
      (balikAral ? categoryBits.BALIK_ARAL : 0) |
      (fourPs ? categoryBits.FOUR_PS : 0);
    const key = `${cell.schoolId},${cell.gradeLevel},${cell.strand ?? ''},${cell.sex},${mask}`;
    const counted = this.counted.get(key);
    if (counted) {
      counted.learners++;
      counted.keySum += recordKey;
    } else this.counted.set(key, { learners: 1, keySum: recordKey });
  }

  /** The rollups' delta rows of every learner written, in `rollupDeltaColumns` order. */
  rollupDeltas(schools: Map<number, SchoolPlace>): CsvChunk {
    const rows = new CsvChunk();
    for (const [key, { learners, keySum }] of this.counted) {
      const [schoolId, gradeLevel, strand, sex, mask] = key.split(',');
      const school = schools.get(Number(schoolId))!;
      rows.push(
        `${school.region_id},${school.division_id},${schoolId},${this.load.schoolYear},${school.sector},${gradeLevel},"${strand}",${sex},OFFICIALLY_ENROLLED,${mask},${learners},0,0,0,${keySum},0,0,0\n`,
      );
    }
    return rows;
  }
}
