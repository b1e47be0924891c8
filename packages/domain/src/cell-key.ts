/**
 * The cell-key method of perturbing counts (issue 18), as the Australian Bureau of Statistics does
 * for TableBuilder (Fraser & Wooton, "A proposed method for confidentialising tabular output to
 * protect against differencing", ABS / UNECE Work Session on Statistical Data Confidentiality
 * 2005; ABS, "TableBuilder: perturbation", Census 2016/2021 guides) and the UK Office for National
 * Statistics for its census tables (ONS, "Protecting personal data in Census 2021 results", 2022:
 * the cell key method, record keys 0-255, cell key = sum mod 256, a published p-table).
 *
 * Every record (learner) carries a fixed random record key; a cell's key is the sum of the keys of
 * the records it counts, modulo the base, so it is additive (a rollup carries the plain sum beside
 * the count) and the same set of records always has the same key, however the cell is asked for.
 * The perturbation table maps (count, cell key) to a small adjustment: the same cell always gets
 * the same answer (no averaging over repeats), and the difference of two cells carries the noise
 * of both, so a small count is not recovered exactly by subtraction.
 */

/** Record keys are whole numbers from 0 to 255, drawn uniformly at random once per learner. */
export const recordKeyRange = { min: 0, max: 255 } as const;
/** The base of cell keys (ONS: 256): a cell key is the sum of its record keys modulo this. */
export const cellKeyBase = 256;
/** The largest adjustment the table makes, either way. */
export const maxAdjustment = 2;

/**
 * One row of the perturbation table: each adjustment with its share of the 256 cell keys (the
 * shares add up to 256; a cell key picks the adjustment whose interval holds it, in this order).
 */
export type PerturbationRow = readonly (readonly [adjustment: number, keys: number])[];

/**
 * The published perturbation table, by true count (a count above the last row uses the last row).
 * Every row has a mean adjustment of 0 (the expected published count is the true count) and can
 * never go below 0:
 * - 0 stays 0 (ABS and ONS alike: an empty cell is not given people);
 * - 1 is published as 0, 1, 2 or 3 (it is published as 1 for 76 keys of 256, 30 %);
 * - 2 and more: −2, −1, 0, +1, +2 with 38, 51, 78, 51, 38 keys of 256 (published as is 30 %;
 *   variance 1.59). A 2 may be published as 0.
 * Two cells with independent keys get the same adjustment with probability
 * (2·38² + 2·51² + 78²) / 256² = 21.6 %: that is how often a difference of two cells is exact.
 */
export const perturbationTable: readonly PerturbationRow[] = [
  [[0, 256]],
  [
    [-1, 103],
    [0, 76],
    [1, 51],
    [2, 26],
  ],
  [
    [-2, 38],
    [-1, 51],
    [0, 78],
    [1, 51],
    [2, 38],
  ],
];

/** Whether `key` is a record key: a whole number in `recordKeyRange`. */
export function isRecordKey(key: number): boolean {
  return Number.isInteger(key) && key >= recordKeyRange.min && key <= recordKeyRange.max;
}

/**
 * The cell key of a cell from the sum of its records' keys (which may be negative while a rollup
 * is folding removals, or larger than the base): the sum modulo the base, from 0 to base − 1.
 */
export function cellKeyOf(recordKeySum: number | bigint): number {
  const sum = BigInt(recordKeySum);
  const base = BigInt(cellKeyBase);
  return Number(((sum % base) + base) % base);
}

/** The cell key of the records with these keys. */
export function cellKey(recordKeys: readonly number[]): number {
  return cellKeyOf(recordKeys.reduce((sum, key) => sum + key, 0));
}

/** The adjustment the table gives a cell of `count` records whose cell key is `key`. */
export function adjustment(count: number, key: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
  if (!Number.isInteger(key) || key < 0 || key >= cellKeyBase)
    throw new RangeError(`Not a cell key: ${key}`);
  const row = perturbationTable[Math.min(count, perturbationTable.length - 1)]!;
  let upTo = 0;
  for (const [change, keys] of row) {
    upTo += keys;
    if (key < upTo) return change;
  }
  throw new Error('The perturbation table row does not cover every cell key');
}

/**
 * The published value of a count: the count plus the table's adjustment for its cell key (from
 * the sum of its records' keys). Deterministic: the same count and key give the same answer.
 */
export function perturb(count: number, recordKeySum: number | bigint): number {
  return count + adjustment(count, cellKeyOf(recordKeySum));
}
