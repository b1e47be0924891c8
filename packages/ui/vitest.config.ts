import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    // A chart's first render loads recharts and d3 (about 1 s alone); `npm test` runs this package
    // beside the others on two cores, where the default 5 s was seen to run out.
    testTimeout: 30_000,
  },
});
