import { ReferenceData1795550653037 } from './1795550653037-ReferenceData.js';

/** Every migration in order; new ones are appended. */
export const migrations = [ReferenceData1795550653037];
