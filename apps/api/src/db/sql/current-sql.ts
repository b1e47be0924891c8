import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { apiRoot } from '../../paths.js';

/** This folder, from src or dist alike: the .sql files are read from the source tree. */
export const sqlFolder = path.join(apiRoot, 'src', 'db', 'sql');

/** Every .sql file of the folder in name order, with its text. */
export async function readCurrentSql(): Promise<{ file: string; sql: string }[]> {
  const files = (await readdir(sqlFolder)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => ({ file, sql: await readFile(path.join(sqlFolder, file), 'utf8') })),
  );
}
