import { inject } from 'vitest';
import { withDatabaseName } from '../src/db/database.js';
import { ensureDemoAccounts } from '../src/modules/auth/demo-accounts.js';
import { ensureDemoData } from '../src/modules/datasets/demo-data.js';
import { pinClockDuring } from './clock-fixtures.js';
import { builtOnce } from './template-databases.js';

/**
 * What a first `npm start` on `day` leaves (the schema, the reference data, the demo accounts, the
 * demo's six school years and its season up to the day), as a template database of the run,
 * built by the first file to ask and dropped with the run's database (global-setup.ts).
 * demo-data.test.ts and demo-days.test.ts both start from it on 2027-02-10 and then move the day
 * on: each loaded the six years itself, 100–200 s a file on two busy cores (issue 22).
 */
export function demoTemplate(day: string): Promise<string> {
  const runDatabase = new URL(inject('databaseUrl')).pathname.slice(1);
  const adminUrl = withDatabaseName(inject('databaseUrl'), 'postgres');
  return builtOnce(
    adminUrl,
    `${runDatabase}_demo_${day.replaceAll('-', '')}`,
    async (ds) => {
      await ensureDemoAccounts(ds);
      const pinned = pinClockDuring(day);
      try {
        await ensureDemoData(ds, () => undefined);
      } finally {
        pinned.restore();
      }
    },
    inject('schemaTemplate'),
  );
}
