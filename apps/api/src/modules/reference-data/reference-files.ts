import path from 'node:path';
import { apiRoot } from '../../paths.js';

/** Reference data derived from DepEd's lists, committed under apps/api/data/reference. */
export const referenceDataDir = path.join(apiRoot, 'data', 'reference');

/** Loaded parents first, so foreign keys hold. */
export const referenceFiles = ['regions', 'divisions', 'districts', 'schools'] as const;
export type ReferenceFile = (typeof referenceFiles)[number];
