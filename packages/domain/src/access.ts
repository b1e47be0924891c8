/**
 * Who may see what (SPEC §1). Only school-scope users, and the division team for follow-up, see
 * learners' personal data; regional and national users see aggregates only. The Data Privacy Act
 * of 2012 (RA 10173) counts a child's age, ethnic origin and health as sensitive personal data.
 */
export const Role = {
  SCHOOL_REGISTRAR: 'SCHOOL_REGISTRAR',
  SCHOOL_HEAD: 'SCHOOL_HEAD',
  ALS_FACILITATOR: 'ALS_FACILITATOR',
  DIVISION_MONITOR: 'DIVISION_MONITOR',
  REGIONAL_PLANNER: 'REGIONAL_PLANNER',
  NATIONAL_ANALYST: 'NATIONAL_ANALYST',
  ADMINISTRATOR: 'ADMINISTRATOR',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The place an account covers. An ALS learning center is a school flagged as one (SPEC §2). */
export const ScopeKind = {
  SCHOOL: 'SCHOOL',
  DIVISION: 'DIVISION',
  REGION: 'REGION',
  NATION: 'NATION',
} as const;
export type ScopeKind = (typeof ScopeKind)[keyof typeof ScopeKind];

export const roleLabel: Record<Role, string> = {
  SCHOOL_REGISTRAR: 'School registrar',
  SCHOOL_HEAD: 'School head',
  ALS_FACILITATOR: 'ALS facilitator',
  DIVISION_MONITOR: 'Division monitoring team',
  REGIONAL_PLANNER: 'Regional planner',
  NATIONAL_ANALYST: 'National analyst',
  ADMINISTRATOR: 'Administrator',
};

/** Each role's scope is fixed: an account's place must be of this kind. */
export const scopeKindOf: Record<Role, ScopeKind> = {
  SCHOOL_REGISTRAR: ScopeKind.SCHOOL,
  SCHOOL_HEAD: ScopeKind.SCHOOL,
  ALS_FACILITATOR: ScopeKind.SCHOOL,
  DIVISION_MONITOR: ScopeKind.DIVISION,
  REGIONAL_PLANNER: ScopeKind.REGION,
  NATIONAL_ANALYST: ScopeKind.NATION,
  ADMINISTRATOR: ScopeKind.NATION,
};

/** SPEC §1: personal data for the school scope and, for follow-up, the division scope. */
export function canSeePersonalData(role: Role): boolean {
  const kind = scopeKindOf[role];
  return kind === ScopeKind.SCHOOL || kind === ScopeKind.DIVISION;
}

/** SPEC §1, §4: registering, enrolling and updating learners is the school's work. */
export function canWriteLearners(role: Role): boolean {
  return scopeKindOf[role] === ScopeKind.SCHOOL;
}

/** SPEC §1: aggregates are for everyone signed in, each within their own scope. */
export function canReadAggregates(_role: Role): boolean {
  return true;
}
