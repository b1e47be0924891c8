// What the account screens check before a write (issue 20): names, e-mail, places, passwords and
// the one-time codes that set them. The rules of who manages whom are the domain's (accounts.ts).
import { createHash, randomInt } from 'node:crypto';
import { type Role, ScopeKind, scopeKindOf } from '@repo/domain/access';
import {
  type PlaceLine,
  passwordProblem,
  passwordRules,
  usernameProblem,
} from '@repo/domain/accounts';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { type EntityManager } from 'typeorm';
import { badUserInput } from '../../errors.js';
import { numericId } from '../../ids.js';

/** How long a one-time code sets a password: three days, time to reach a school by phone. */
export const setupCodeHours = 72;

/** Crockford's base 32: no I, L, O or U to misread on a phone call. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time code of 60 random bits, in three groups of four (`7KQ2-M9XD-4TRA`). */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]!);
  return [0, 4, 8].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/** The code as stored: its SHA-256 (a code is random and short-lived; no slow hash is needed). */
export function setupCodeHash(code: string): string {
  const normal = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(normal).digest('hex');
}

const strength = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/**
 * A new password, or bad input naming `password` and the rule: the domain's length rules, then
 * zxcvbn-ts (its common-password, English and keyboard lists, with the user's own names): under
 * its top score, 4 (10¹⁰ guesses or more), it is WEAK. Score 3 let through a name and a year
 * ("lizamanalo2027", the user's own name) and a Filipino name ("juandelacruz12"), 10⁸ to 10⁹
 * guesses: learner records of children deserve the top score, which a few unrelated words reach.
 */
export function checkNewPassword(password: string, username: string, displayName: string) {
  const problem = passwordProblem(password, username);
  const messages = {
    TOO_SHORT: `A password has at least ${passwordRules.minLength} characters`,
    TOO_LONG: `A password has at most ${passwordRules.maxBytes} bytes`,
    CONTAINS_USERNAME: 'A password must not contain the username',
  };
  if (problem) throw badUserInput('password', problem, messages[problem]);
  const names = [username, ...username.split(/[._-]/), ...displayName.split(/\s+/)];
  const result = strength.check(
    password,
    names.filter((name) => name.length >= 3).map((name) => name.toLowerCase()),
  );
  if (result.score < 4)
    throw badUserInput(
      'password',
      'WEAK',
      'This password is too easy to guess: a longer one, or a few unrelated words',
    );
}

export function checkUsername(username: string): string {
  const value = username.trim();
  if (usernameProblem(value))
    throw badUserInput(
      'input.username',
      'USERNAME_INVALID',
      'A username is 3 to 60 lower-case letters, digits, dots, hyphens or underscores',
    );
  return value;
}

export function checkDisplayName(name: string): string {
  const value = name.trim().replace(/\s+/g, ' ');
  if (value.length < 2 || value.length > 120)
    throw badUserInput('input.displayName', 'NAME_LENGTH', 'A name has 2 to 120 characters');
  return value;
}

export function checkEmail(email: string | null | undefined): string | null {
  const value = email?.trim().toLowerCase();
  if (!value) return null;
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    throw badUserInput('input.email', 'EMAIL_INVALID', 'Not an e-mail address');
  return value;
}

/** The place a role's account is given, as the client named it. */
export interface PlaceInput {
  schoolId?: string | null;
  divisionId?: string | null;
  regionId?: string | null;
}

/**
 * The place of an account of `role` as a full line (the school's division and region, the
 * division's region), read from the reference data: the place of the role's kind must be named
 * and exist; the others must not be named.
 */
export async function placeLineFor(
  manager: EntityManager,
  role: Role,
  input: PlaceInput,
  prefix = 'input',
): Promise<PlaceLine> {
  const kind = scopeKindOf[role];
  const wanted = {
    [ScopeKind.SCHOOL]: 'schoolId',
    [ScopeKind.DIVISION]: 'divisionId',
    [ScopeKind.REGION]: 'regionId',
    [ScopeKind.NATION]: null,
  }[kind];
  for (const key of ['schoolId', 'divisionId', 'regionId'] as const)
    if (key !== wanted && input[key])
      throw badUserInput(`${prefix}.${key}`, 'PLACE_NOT_FOR_ROLE', `A ${role} has no ${key}`);
  if (!wanted) return {};
  const given = input[wanted as keyof PlaceInput];
  const field = `${prefix}.${wanted}`;
  if (!given) throw badUserInput(field, 'PLACE_REQUIRED', `A ${role} needs a ${wanted}`);
  const id = numericId(
    wanted === 'schoolId' ? 'school' : wanted === 'divisionId' ? 'division' : 'region',
    given,
    field,
  );
  const [line] = await manager.query<
    { school_id: number | null; division_id: number | null; region_id: number }[]
  >(
    wanted === 'schoolId'
      ? 'SELECT id AS school_id, division_id, region_id FROM school WHERE id = $1'
      : wanted === 'divisionId'
        ? 'SELECT NULL AS school_id, id AS division_id, region_id FROM division WHERE id = $1'
        : 'SELECT NULL AS school_id, NULL AS division_id, id AS region_id FROM region WHERE id = $1',
    [id],
  );
  if (!line) throw badUserInput(field, 'PLACE_UNKNOWN', `There is no ${wanted} ${given}`);
  return { schoolId: line.school_id, divisionId: line.division_id, regionId: line.region_id };
}
