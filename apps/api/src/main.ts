// The server's entry point: `node apps/api/dist/main.js` (start.ts runs it). The settings are read
// as the modules load (config.ts): one that breaks its rule refuses the start in one line on stderr
// and a non-zero exit, as a missing one does, not in a stack trace.
import { ConfigError } from './config-error.js';

try {
  await import('./start.js');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
