import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** apps/api, whether running from src (tests) or dist (built). */
export const apiRoot = path.resolve(here, '..');
export const repoRoot = path.resolve(apiRoot, '..', '..');
