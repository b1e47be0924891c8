import { describe, expect, it } from 'vitest';
import {
  canReadAggregates,
  canSeePersonalData,
  canWriteLearners,
  Role,
  scopeKindOf,
} from './access.js';

describe('access by role (SPEC §1)', () => {
  it.each([
    [Role.SCHOOL_REGISTRAR, 'SCHOOL', true, true],
    [Role.SCHOOL_HEAD, 'SCHOOL', true, true],
    [Role.ALS_FACILITATOR, 'SCHOOL', true, true],
    [Role.DIVISION_MONITOR, 'DIVISION', true, false],
    [Role.REGIONAL_PLANNER, 'REGION', false, false],
    [Role.NATIONAL_ANALYST, 'NATION', false, false],
    [Role.ADMINISTRATOR, 'NATION', false, false],
  ])(
    'SPEC §1: %s covers a %s, personal data %s, writes learners %s',
    (role, scope, personal, writes) => {
      expect(scopeKindOf[role]).toBe(scope);
      expect(canSeePersonalData(role)).toBe(personal);
      expect(canWriteLearners(role)).toBe(writes);
      expect(canReadAggregates(role)).toBe(true);
    },
  );
});
