import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Workspace packages are read from source: no build step between editing and seeing.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/health': 'http://localhost:4000' } },
  build: { sourcemap: true, chunkSizeWarningLimit: 1000 },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
});
