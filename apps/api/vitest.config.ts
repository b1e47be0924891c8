import { createRequire } from 'node:module';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Every test runs on the app's clock pinned to one day (the API's clock reads APP_TODAY), never on
 * the machine's date: `npm run test:calendar` runs the date-sensitive files at other days.
 */
export const defaultTestDay = '2027-11-20';
process.env.APP_TODAY ||= defaultTestDay;

export default defineConfig({
  // vitest's own transform emits no decorator metadata, which type-graphql and TypeORM need.
  plugins: [swc.vite({ jsc: { target: 'es2022' } })],
  resolve: {
    alias: [
      // One graphql module for type-graphql, Apollo and us, else "another module or realm".
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      // Workspace packages from source: server-side resolution ignores `resolve.conditions`, and
      // would otherwise load a stale dist build.
      {
        find: /^@repo\/domain\/(.*)$/,
        replacement: path.resolve(import.meta.dirname, '../../packages/domain/src/$1.ts'),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The browser files' longer limits (test/browser-timeouts.setup.ts).
    setupFiles: ['test/browser-timeouts.setup.ts'],
    // Two workers that keep their modules between files: on the 2-core machine CI runs on, the
    // suite's time is the files' own set-up (the app, its schema, the accounts), and a fresh
    // module graph per file was a third of it (issue 17: 455 s → 261 s for the API suite). Files
    // share nothing but the test database: each builds its own app, accounts and rows, and the
    // one global (the clock) is restored by every file that moves it (test/clock-fixtures.ts).
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache, keyed by each
    // file's content), so the calendar's thirteen runs and the PostgreSQL 15 run reuse `npm
    // test`'s instead of each transforming the API again.
    experimental: { fsModuleCache: true },
    hookTimeout: 60_000,
  },
});
