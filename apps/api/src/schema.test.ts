import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoot } from './paths.js';
import { createSchema, toSchemaFile } from './schema.js';

describe('schema.graphql', () => {
  it('matches the resolvers (run `npm run emit-schema -w @repo/api` after changing them)', async () => {
    const committed = await readFile(path.join(apiRoot, 'schema.graphql'), 'utf8');
    expect(toSchemaFile(await createSchema())).toBe(committed);
  });
});
