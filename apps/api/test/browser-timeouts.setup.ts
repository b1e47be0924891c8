import { expect, vi } from 'vitest';

// A browser flow is a few seconds alone, but `npm test` runs it beside every API test file on two
// cores: a long flow (ALS path 3a) took over 30 s there, and a header's count read under load took
// longer than expect.poll's default second. A setup file runs before every test file, even with
// `isolate: false` (vitest resets `vi.setConfig` after each file; set in a module the files import,
// it held only for the first browser file of each worker).
if (expect.getState().testPath?.includes('/test/e2e/')) {
  vi.setConfig({
    testTimeout: 120_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  });
}
