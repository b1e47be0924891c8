// Creates an administrator and prints its one-time code (issue 20): how a deployment gets its
// first account, and how a ministry recovers one. Usage:
//   npm run create-admin -- --username NAME [--name "Full Name"] [--email ADDRESS]
// The database is DATABASE_URL's (else the embedded one); its migrations run first.
import { parseArgs } from 'node:util';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/database.js';
import { entities } from '../entities.js';
import { createAdministrator } from '../modules/accounts/accounts.service.js';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  },
});
if (!values.username) {
  console.error('create-admin needs --username NAME (and may take --name "Full Name", --email)');
  process.exit(2);
}

const database = await openDatabase('enrollment');
const dataSource = createDataSource(database.url, { entities });
let status = 0;
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const setup = await createAdministrator(dataSource, {
    username: values.username,
    displayName: values.name ?? values.username,
    email: values.email,
  });
  console.log(
    [
      `Created the administrator ${setup.account.username}.`,
      `One-time code: ${setup.setupCode} (sets the password at /set-password until ${setup.setupCodeExpiresAt.toISOString()}; it is not shown again)`,
    ].join('\n'),
  );
} catch (error) {
  // A refusal names its rule (a username taken or malformed); anything else, its message.
  const extensions = (error as { extensions?: { rule?: string; code?: string } }).extensions;
  console.error(
    `create-admin: ${(error as Error).message}${(extensions?.rule ?? extensions?.code) ? ` (${extensions.rule ?? extensions.code})` : ''}`,
  );
  status = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
  await database.release();
}
process.exit(status);
