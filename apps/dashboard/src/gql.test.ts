import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

describe('src/gql', () => {
  // Codegen loads the schema and every document: seconds on an idle machine, more on a busy one.
  it(
    'matches the API schema and the queries (run `npm run codegen -w @repo/dashboard`)',
    { timeout: 30_000 },
    async () => {
      const root = path.resolve(import.meta.dirname, '..');
      const cwd = process.cwd();
      process.chdir(root);
      try {
        const files = (await generate({ ...config, silent: true }, false)) as {
          filename: string;
          content: string;
        }[];
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          const committed = await readFile(path.resolve(root, file.filename), 'utf8');
          expect(committed, file.filename).toBe(file.content);
        }
      } finally {
        process.chdir(cwd);
      }
    },
  );
});
