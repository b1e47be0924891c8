import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { badUserInput } from '../../errors.js';

// A registrar's spreadsheet read where a hostile file cannot hurt the API (issue 19): an XLSX is a
// zip, and a 21 KB one can inflate to 20 MB of XML that a parser chews on for a minute, blocking
// the event loop every request shares. So: the zip's central directory is read first (no
// inflating) and a file with too many entries or too much declared content is refused at once;
// then the file is parsed in a worker thread of its own, with its own heap limit, terminated at a
// deadline. A directory that lies about its sizes still meets the worker's limits.

/** What a file may hold, and how long and how much memory reading it may take. */
export const sheetLimits = {
  /** An XLSX of 2,000 learners has about 15 zip entries. */
  maxZipEntries: 500,
  /** The declared uncompressed size of all entries: a 2,000-row sheet is under 2 MB of XML. */
  maxInflatedBytes: 10_000_000,
  /** A worker that has not answered by then is terminated. */
  deadlineMs: 5_000,
  /** The worker's own heap. */
  heapMb: 192,
};

const tooLarge = (message: string) =>
  badUserInput('input.contentBase64', 'FILE_TOO_LARGE', message);
const unreadable = (message: string) =>
  badUserInput('input.contentBase64', 'FILE_UNREADABLE', message);

/**
 * The entries and declared uncompressed size of a zip, from its central directory (APPNOTE 4.3.16
 * end of central directory, 4.3.12 central directory headers), without inflating anything.
 */
export function zipDirectory(content: Buffer): { entries: number; inflatedBytes: number } {
  const endSignature = 0x06054b50;
  const from = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let i = content.length - 22; i >= from; i--) {
    if (content.readUInt32LE(i) === endSignature) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('Not a readable XLSX file: no zip directory');
  const entries = content.readUInt16LE(end + 10);
  const offset = content.readUInt32LE(end + 16);
  if (entries === 0xffff || offset === 0xffffffff)
    throw tooLarge('The XLSX file is a zip64 archive: too large to be a learner list');
  let inflatedBytes = 0;
  let at = offset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50)
      throw unreadable('Not a readable XLSX file: a broken zip directory');
    const size = content.readUInt32LE(at + 24);
    if (size === 0xffffffff) throw tooLarge('An entry of the XLSX file is larger than 4 GB');
    inflatedBytes += size;
    at +=
      46 +
      content.readUInt16LE(at + 28) +
      content.readUInt16LE(at + 30) +
      content.readUInt16LE(at + 32);
  }
  return { entries, inflatedBytes };
}

/** The program the worker runs (plain CommonJS: the worker loads no TypeScript). */
const workerProgram = `
const { parentPort, workerData } = require('node:worker_threads');
const { kind, content, modules, maxRows } = workerData;
const cellText = (value) => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim() : '';
};
async function read() {
  const buffer = Buffer.from(content);
  if (kind === 'xlsx') {
    const sheet = await require(modules.excel).readSheet(buffer);
    return sheet.slice(0, maxRows).map((row) => row.map(cellText));
  }
  const text = buffer.toString('utf8').replace(/^\\uFEFF/, '');
  return require(modules.csv).parse(text, {
    relax_column_count: true, skip_empty_lines: true, trim: true, to: maxRows,
  });
}
read().then(
  (rows) => parentPort.postMessage({ rows }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

const resolve = createRequire(import.meta.url).resolve;
const modules = { excel: resolve('read-excel-file/node'), csv: resolve('csv-parse/sync') };

/**
 * The rows of a CSV or XLSX file as text cells, at most `maxRows` of them (the header included),
 * read in a worker thread: refused FILE_TOO_LARGE or FILE_UNREADABLE, naming the limit, when the
 * file is more than a learner list or not one.
 */
export async function readSheetRows(
  kind: 'csv' | 'xlsx',
  content: Buffer,
  maxRows: number,
): Promise<string[][]> {
  if (kind === 'xlsx') {
    const { entries, inflatedBytes } = zipDirectory(content);
    if (entries > sheetLimits.maxZipEntries)
      throw tooLarge(
        `The XLSX file has ${entries} parts; a learner list has at most ${sheetLimits.maxZipEntries}`,
      );
    if (inflatedBytes > sheetLimits.maxInflatedBytes)
      throw tooLarge(
        `The XLSX file unpacks to ${inflatedBytes} bytes; at most ${sheetLimits.maxInflatedBytes}`,
      );
  }
  return inWorker(kind, content, maxRows);
}

function inWorker(kind: 'csv' | 'xlsx', content: Buffer, maxRows: number): Promise<string[][]> {
  const label = kind === 'xlsx' ? 'XLSX' : 'CSV';
  return new Promise((done, fail) => {
    const worker = new Worker(workerProgram, {
      eval: true,
      workerData: { kind, content: new Uint8Array(content), modules, maxRows },
      resourceLimits: { maxOldGenerationSizeMb: sheetLimits.heapMb },
    });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          fail(
            tooLarge(
              `The ${label} file took longer than ${sheetLimits.deadlineMs / 1000} s to read: more than a learner list`,
            ),
          ),
        ),
      sheetLimits.deadlineMs,
    );
    worker.once('message', (message: { rows?: string[][]; error?: string }) =>
      settle(() =>
        message.rows
          ? done(message.rows)
          : fail(unreadable(`Not a readable ${label} file: ${message.error ?? 'unknown error'}`)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        fail(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge(`The ${label} file needs more than ${sheetLimits.heapMb} MB to read`)
            : unreadable(`Not a readable ${label} file`),
        ),
      ),
    );
  });
}
