import { describe, expect, it } from 'vitest';
import { openTestDataSource, startTestServer } from '../test/harness.js';

describe('GET /health', () => {
  it('answers 200 with JSON while the database answers, 503 once it does not', async () => {
    const dataSource = await openTestDataSource();
    const server = await startTestServer(dataSource);
    try {
      const up = await fetch(`${server.url}/health`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ status: 'ok', database: 'up' });

      await dataSource.destroy();
      const down = await fetch(`${server.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    } finally {
      await server.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  });
});
