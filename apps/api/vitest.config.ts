import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // vitest's own transform emits no decorator metadata, which type-graphql and TypeORM need.
  plugins: [swc.vite({ jsc: { target: 'es2022' } })],
  resolve: {
    conditions: ['source'],
    // One graphql module for type-graphql, Apollo and us, else "another module or realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
