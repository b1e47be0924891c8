import { describe, expect, it } from 'vitest';
import { openTestDataSource, startTestServer } from '../test/harness.js';

describe('GET /health and /ready', () => {
  it('health answers while the process serves; ready only while the database answers', async () => {
    const dataSource = await openTestDataSource();
    const server = await startTestServer(dataSource);
    try {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', database: 'up' });

      await dataSource.destroy();
      const down = await fetch(`${server.url}/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' });
      // The process itself is fine: restarting it would not bring the database back.
      const live = await fetch(`${server.url}/health`);
      expect(live.status).toBe(200);
      // A query that reaches the database is answered without its error's message or stack.
      const masked = await server.graphql('{ regions { id } }');
      expect(masked.errors?.[0]).toEqual({
        message: 'Internal server error',
        path: ['regions'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      await server.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  });
});
