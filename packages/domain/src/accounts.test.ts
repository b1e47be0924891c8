import { describe, expect, it } from 'vitest';
import { Role } from './access.js';
import {
  administersAccounts,
  manageRefusal,
  type AccountHolder,
  passwordProblem,
  usernameProblem,
} from './accounts.js';

const admin: AccountHolder = { role: Role.ADMINISTRATOR, place: {} };
const region1: AccountHolder = { role: Role.REGIONAL_PLANNER, place: { regionId: 1 } };
const division10: AccountHolder = {
  role: Role.DIVISION_MONITOR,
  place: { regionId: 1, divisionId: 10 },
};
const registrar: AccountHolder = {
  role: Role.SCHOOL_REGISTRAR,
  place: { regionId: 1, divisionId: 10, schoolId: 100 },
};

describe('who administers whose account (issue 20)', () => {
  it.each<[string, AccountHolder, AccountHolder, ReturnType<typeof manageRefusal>]>([
    [
      'an administrator, a national analyst',
      admin,
      { role: Role.NATIONAL_ANALYST, place: {} },
      null,
    ],
    [
      'an administrator, another administrator',
      admin,
      { role: Role.ADMINISTRATOR, place: {} },
      null,
    ],
    [
      'an administrator, a regional planner',
      admin,
      { role: Role.REGIONAL_PLANNER, place: { regionId: 7 } },
      null,
    ],
    [
      'an administrator, a regional planner with no region',
      admin,
      { role: Role.REGIONAL_PLANNER, place: {} },
      'PLACE_MISSING',
    ],
    ['an administrator, a division account too', admin, division10, null],
    ['an administrator, a school account too', admin, registrar, null],
    ['a region, its division', region1, division10, null],
    [
      'a region, another region’s division',
      region1,
      { role: Role.DIVISION_MONITOR, place: { regionId: 2, divisionId: 20 } },
      'PLACE_NOT_MANAGED',
    ],
    ['a region, not a school account', region1, registrar, 'ROLE_NOT_MANAGED'],
    [
      'a region, not another region',
      region1,
      { role: Role.REGIONAL_PLANNER, place: { regionId: 1 } },
      'ROLE_NOT_MANAGED',
    ],
    ['a division, its school’s registrar', division10, registrar, null],
    ['a division, its school’s head', division10, { ...registrar, role: Role.SCHOOL_HEAD }, null],
    [
      'a division, its ALS facilitator',
      division10,
      { ...registrar, role: Role.ALS_FACILITATOR },
      null,
    ],
    [
      'a division, another division’s school',
      division10,
      { role: Role.SCHOOL_REGISTRAR, place: { regionId: 1, divisionId: 11, schoolId: 110 } },
      'PLACE_NOT_MANAGED',
    ],
    [
      'a division, a registrar with no school',
      division10,
      { role: Role.SCHOOL_REGISTRAR, place: { divisionId: 10 } },
      'PLACE_MISSING',
    ],
    ['a division, not another division', division10, division10, 'ROLE_NOT_MANAGED'],
    ['a registrar, nobody', registrar, registrar, 'ROLE_NOT_MANAGED'],
    [
      'an analyst, nobody',
      { role: Role.NATIONAL_ANALYST, place: {} },
      { role: Role.NATIONAL_ANALYST, place: {} },
      'ROLE_NOT_MANAGED',
    ],
  ])('%s', (_, actor, target, refusal) => {
    expect(manageRefusal(actor, target)).toBe(refusal);
  });

  it('administers accounts: the administrator, regions and divisions only', () => {
    expect(Object.values(Role).filter(administersAccounts)).toEqual([
      Role.DIVISION_MONITOR,
      Role.REGIONAL_PLANNER,
      Role.ADMINISTRATOR,
    ]);
  });
});

describe('passwords and usernames (issue 20)', () => {
  it.each<[string, string, ReturnType<typeof passwordProblem>]>([
    ['eleven char', 'maria', 'TOO_SHORT'],
    ['twelve chars', 'maria', null],
    ['ñandúñandú12', 'maria', null],
    ['é'.repeat(37), 'maria', 'TOO_LONG'],
    ['a'.repeat(72), 'maria', null],
    ['a'.repeat(73), 'maria', 'TOO_LONG'],
    ['my-MARIA.santos-2027', 'maria.santos', 'CONTAINS_USERNAME'],
    ['abcdefghijkl', 'ab', null],
  ])('%j for %s: %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it.each<[string, boolean]>([
    ['maria.santos', true],
    ['r01-planner_2', true],
    ['ab', false],
    ['Maria', false],
    ['.maria', false],
    ['maria santos', false],
    ['a'.repeat(60), true],
    ['a'.repeat(61), false],
  ])('username %j is valid: %s', (username, valid) => {
    expect(usernameProblem(username) === null).toBe(valid);
  });
});
