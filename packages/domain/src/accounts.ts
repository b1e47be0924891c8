import { Role, ScopeKind, scopeKindOf } from './access.js';

/**
 * Who administers whose account (issue 20), each level the one below it, within its own place:
 * an administrator the national and regional accounts; a region its divisions' monitoring teams;
 * a division the accounts of its schools (registrar, school head, ALS facilitator). SPEC §1 sets
 * the roles and their places; the DepEd organisation (region → division → school) sets who
 * answers for whom. The administrator, the ministry's own help desk, may also act for any level
 * below (the issue's first flow: an administrator creates a division's account where the region
 * has no planner yet).
 */
export const managedRoles: Record<Role, readonly Role[]> = {
  ADMINISTRATOR: Object.values(Role),
  REGIONAL_PLANNER: [Role.DIVISION_MONITOR],
  DIVISION_MONITOR: [Role.SCHOOL_REGISTRAR, Role.SCHOOL_HEAD, Role.ALS_FACILITATOR],
  NATIONAL_ANALYST: [],
  SCHOOL_REGISTRAR: [],
  SCHOOL_HEAD: [],
  ALS_FACILITATOR: [],
};

/** Whether a role administers any account at all. */
export function administersAccounts(role: Role): boolean {
  return managedRoles[role].length > 0;
}

/** A place as far up as it is known: the school's division and region, the division's region. */
export interface PlaceLine {
  regionId?: number | null;
  divisionId?: number | null;
  schoolId?: number | null;
}

export interface AccountHolder {
  role: Role;
  place: PlaceLine;
}

export type ManageRefusal = 'ROLE_NOT_MANAGED' | 'PLACE_NOT_MANAGED' | 'PLACE_MISSING';

/**
 * Whether `actor` may create, change, disable or reset an account of `target`'s role at
 * `target`'s place (the place's line filled upwards); null when it may, else why not.
 */
export function manageRefusal(actor: AccountHolder, target: AccountHolder): ManageRefusal | null {
  if (!managedRoles[actor.role].includes(target.role)) return 'ROLE_NOT_MANAGED';
  const kind = scopeKindOf[target.role];
  const place = target.place;
  if (kind === ScopeKind.SCHOOL && !place.schoolId) return 'PLACE_MISSING';
  if (kind === ScopeKind.DIVISION && !place.divisionId) return 'PLACE_MISSING';
  if (kind === ScopeKind.REGION && !place.regionId) return 'PLACE_MISSING';
  switch (scopeKindOf[actor.role]) {
    case ScopeKind.NATION:
      return null;
    case ScopeKind.REGION:
      return place.regionId === actor.place.regionId ? null : 'PLACE_NOT_MANAGED';
    case ScopeKind.DIVISION:
      return place.divisionId === actor.place.divisionId ? null : 'PLACE_NOT_MANAGED';
    default:
      return 'ROLE_NOT_MANAGED';
  }
}

/** Passwords (issue 20): at least 12 characters; bcrypt reads no more than 72 bytes. */
export const passwordRules = { minLength: 12, maxBytes: 72 } as const;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME';

/**
 * What is wrong with a new password by the rules that need no dictionary; the API also refuses
 * one that a common-password check finds easy to guess (WEAK).
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < passwordRules.minLength) return 'TOO_SHORT';
  if (new TextEncoder().encode(password).length > passwordRules.maxBytes) return 'TOO_LONG';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return 'CONTAINS_USERNAME';
  return null;
}

/** Usernames: lower-case letters, digits, dots, hyphens and underscores, 3 to 60 of them. */
export function usernameProblem(username: string): 'USERNAME_INVALID' | null {
  return /^[a-z0-9][a-z0-9._-]{2,59}$/.test(username) ? null : 'USERNAME_INVALID';
}
