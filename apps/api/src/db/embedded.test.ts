import { describe, expect, it } from 'vitest';
import { ensureEmbeddedPostgres } from './embedded.js';

const external = Boolean(process.env.DATABASE_URL);
if (external) console.log('embedded PostgreSQL skipped: DATABASE_URL is set, no embedded server');

describe.skipIf(external)('embedded PostgreSQL', () => {
  it('is found running by a second process, which connects instead of starting another', async () => {
    // The test run's global setup already owns (or found) the server.
    const second = await ensureEmbeddedPostgres();
    expect(second.owned).toBe(false);
    await second.stop(); // a no-op for a non-owner: the server must still answer
    const third = await ensureEmbeddedPostgres();
    expect(third.owned).toBe(false);
  });
});
