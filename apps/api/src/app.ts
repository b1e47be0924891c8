import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type DataSource } from 'typeorm';
import { createContext, type Context } from './context.js';
import { operationAccessPlugin } from './modules/auth/operation-access.js';
import { repoRoot } from './paths.js';
import { createSchema } from './schema.js';

export const dashboardDist = path.join(repoRoot, 'apps', 'dashboard', 'dist');

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

/** Answers 200 when the database answers within two seconds, else 503 (SPEC §7). */
async function health(dataSource: DataSource): Promise<{ ok: boolean; body: object }> {
  const started = Date.now();
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return { ok: true, body: { status: 'ok', database: 'up', latencyMs: Date.now() - started } };
  } catch {
    return { ok: false, body: { status: 'unavailable', database: 'down' } };
  }
}

export async function createApp(dataSource: DataSource): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: process.env.NODE_ENV !== 'production',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationAccessPlugin,
      // No cache hints are used (answers carry personal data and go by POST): without the
      // plugin Apollo adds no per-field hook to every resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const { ok, body } = await health(dataSource);
    res.status(ok ? 200 : 503).json(body);
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => createContext(dataSource, req.headers.authorization),
    }),
  );
  if (existsSync(dashboardDist)) {
    app.use(express.static(dashboardDist, { index: false, maxAge: '1h' }));
    // The dashboard routes in the browser: every other page gets its shell.
    app.get('/{*path}', (_req, res) => {
      res.sendFile(path.join(dashboardDist, 'index.html'), { maxAge: 0 });
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text')
        .send('The dashboard is not built: run `npm start` from the repository root.');
    });
  }
  return { httpServer, apollo };
}
