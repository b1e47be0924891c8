import { type AddressInfo } from 'node:net';
import { type DataSource, type Logger } from 'typeorm';
import { inject } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { createDataSource } from '../src/db/data-source.js';

/** Counts the SQL statements a data source sends, to prove loaders batch. */
export class QueryCounter implements Logger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export async function openTestDataSource(logger?: Logger): Promise<DataSource> {
  const dataSource = createDataSource(inject('databaseUrl'), { poolSize: 4, logger });
  await dataSource.initialize();
  return dataSource;
}

export interface TestServer {
  url: string;
  app: App;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** The real HTTP app on a free port of 127.0.0.1. */
export async function startTestServer(dataSource: DataSource): Promise<TestServer> {
  const app = await createApp(dataSource);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: () => app.apollo.stop(),
  };
}
