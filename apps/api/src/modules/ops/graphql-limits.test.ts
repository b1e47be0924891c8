import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../paths.js';
import { createSchema } from '../../schema.js';
import { graphqlLimits, measureOperation } from './graphql-limits.js';

/** Every operation the dashboard sends, as its generated `gql.ts` lists them. */
async function dashboardOperations(): Promise<string[]> {
  const file = await readFile(
    path.join(repoRoot, 'apps', 'dashboard', 'src', 'gql', 'gql.ts'),
    'utf8',
  );
  const map = file.slice(file.indexOf('const documents'));
  return [...map.matchAll(/^\s+("(?:[^"\\]|\\.)*"): /gm)].map((m) => JSON.parse(m[1]!) as string);
}

describe('GraphQL limits', () => {
  it('let every query of the dashboard through, with room to grow', async () => {
    const schema = await createSchema();
    const operations = await dashboardOperations();
    expect(operations.length).toBeGreaterThan(5);
    const measured = operations.map((source) => measureOperation(schema, source));
    const most = (key: keyof (typeof measured)[number]) => Math.max(...measured.map((m) => m[key]));
    // Printed so the limits in graphql-limits.ts can be re-set from the real queries.
    console.log(
      `dashboard: ${operations.length} operations; depth ${most('depth')}, cost ${most('cost')}, aliases ${most('aliases')}, tokens ${most('tokens')}, directives ${most('directives')}`,
    );
    expect(most('depth')).toBeLessThanOrEqual(graphqlLimits.maxDepth);
    expect(most('cost')).toBeLessThanOrEqual(graphqlLimits.maxCost);
    expect(most('aliases')).toBeLessThanOrEqual(graphqlLimits.maxAliases);
    expect(most('tokens')).toBeLessThanOrEqual(graphqlLimits.maxTokens);
    expect(most('directives')).toBeLessThanOrEqual(graphqlLimits.maxDirectives);
    const bodyBytes = Math.max(...operations.map((o) => Buffer.byteLength(JSON.stringify(o))));
    expect(bodyBytes * 2).toBeLessThanOrEqual(graphqlLimits.maxBodyBytes);
  });
});
