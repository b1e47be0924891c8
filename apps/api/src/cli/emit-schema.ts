// Writes apps/api/schema.graphql from the resolvers. A test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiRoot } from '../paths.js';
import { createSchema, toSchemaFile } from '../schema.js';

const file = path.join(apiRoot, 'schema.graphql');
await writeFile(file, toSchemaFile(await createSchema()));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
