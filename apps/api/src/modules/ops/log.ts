import { clock } from '../../clock.js';
import { config } from '../../config.js';

/**
 * Structured logs: one JSON object a line on stdout. Fields are chosen by the caller from a closed
 * list of kinds (never a request's variables or a row), so a learner's name, birth date or LRN
 * cannot reach the log by way of a message; `redact` scrubs free text that might quote input.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

// Tests run the app in-process: its request lines would bury vitest's report.
const quiet = config.quietLogs;

export function log(level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}) {
  if (quiet) return;
  process.stdout.write(
    `${JSON.stringify({ time: clock.now().toISOString(), level, event, ...fields })}\n`,
  );
}

/**
 * Free text from an error, with anything quoted and any run of digits long enough to be an LRN
 * (12) or a date removed: PostgreSQL quotes the offending value ("invalid input syntax for type
 * date: \"2015-13-01\""), and a key's detail names the row.
 */
export function redact(text: string): string {
  return text
    .replace(/"[^"]*"|'[^']*'|\([^)]*\)=\([^)]*\)/g, '…')
    .replace(/\d[\d-]{3,}/g, '…')
    .slice(0, 300);
}
