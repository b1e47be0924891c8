/* global console, process */
// Prints the JavaScript a first visit downloads before anything renders (the entry script and the
// chunks index.html preloads), gzipped, and fails the build above the budget of issue 7.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 300;
const dist = path.resolve(import.meta.dirname, '..', 'dist');
const html = await readFile(path.join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].flatMap((m) => (m[1] ? [m[1]] : []));

let total = 0;
for (const file of files) {
  const gzipped = gzipSync(await readFile(path.join(dist, file))).length;
  total += gzipped;
  console.log(`  ${file.padEnd(44)} ${(gzipped / 1024).toFixed(1).padStart(7)} KB gzipped`);
}
const kb = total / 1024;
console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`);
if (kb > budgetKb) {
  console.error(`Over budget by ${(kb - budgetKb).toFixed(1)} KB: lazy-load more.`);
  process.exit(1);
}
