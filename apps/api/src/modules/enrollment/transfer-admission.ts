import { formatSchoolId } from '@repo/domain/school';
import { checkTransferProof, type ProofBasis, type TransferProof } from '@repo/domain/transfer';
import { type DataSource, type EntityManager } from 'typeorm';
import { clock } from '../../clock.js';
import { config } from '../../config.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, refused } from '../../errors.js';
import { numericId } from '../../ids.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type LearnerEntity } from '../learner/learner.entity.js';
import { chargeLookups } from '../learner/lookup-quota.js';
import { linkLearner } from './enrollment-records.js';
import { type TransferProofInput } from './enrollment.input.js';

/** How a school takes a learner in, as learner_school and learner_transfer name it. */
export type AdmissionKind = 'REGISTERED' | 'ENROLLED' | 'MOVED_IN';

/**
 * A learner taken in by a school: already its own (`held`), or another school's, admitted on the
 * proof given (issue 18). A command that makes an enrollment of it records the admission with
 * `recordAdmission` once the enrollment exists.
 */
export interface Admission {
  learnerId: string;
  kind: AdmissionKind;
  held: boolean;
  basis: ProofBasis | null;
  proof: TransferProofInput | null;
  /** The school the learner was last at (of its latest year), when not this one. */
  lastSchoolId: number | null;
}

interface Identity {
  lrn: string | null;
  birth_date: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  last_school_ids: number[];
  linked: boolean;
}

/**
 * Links a learner on record to the viewer's school (linkLearner), demanding for another school's
 * learner the proof that the school holds its papers (domain transfer.ts), within the day's limits
 * per account and per school. A proof that does not match is charged by chargeFailedProof.
 */
export async function admitLearner(
  manager: EntityManager,
  viewer: Viewer,
  target: { learnerId: string; schoolId: number; kind: AdmissionKind; field: string },
  proof: TransferProofInput | null | undefined,
): Promise<{ learner: LearnerEntity; admission: Admission }> {
  const { learnerId, schoolId, kind, field } = target;
  const [identity] = await manager.query<Identity[]>(
    `SELECT lrn, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, last_name, first_name,
            middle_name, last_school_ids, linked
     FROM learner_identity_for_proof($1)`,
    [learnerId],
  );
  const held = !identity || identity.linked;
  let basis: ProofBasis | null = null;
  if (!held) {
    basis = judgeProof(learnerId, identity, proof, field);
    await withinDailyLimits(manager, viewer, schoolId);
  }
  const learner = await linkLearner(manager, learnerId, schoolId, kind, field);
  const lastSchoolId = identity?.last_school_ids.find((id) => id !== schoolId) ?? null;
  return {
    learner,
    admission: { learnerId, kind, held, basis, proof: held ? null : proof!, lastSchoolId },
  };
}

function judgeProof(
  learnerId: string,
  identity: Identity,
  proof: TransferProofInput | null | undefined,
  field: string,
): ProofBasis {
  const givenSchool = proof?.lastSchoolId?.trim();
  const given: TransferProof | null = proof
    ? {
        ...proof,
        lastSchoolId: givenSchool
          ? numericId('school', givenSchool, proofField(field, 'proof.lastSchoolId'))
          : null,
      }
    : null;
  const judged = checkTransferProof(given, {
    lrn: identity.lrn,
    birthDate: identity.birth_date,
    lastName: identity.last_name,
    firstName: identity.first_name,
    middleName: identity.middle_name,
    lastSchoolIds: identity.last_school_ids,
  });
  if (judged.ok) return judged.basis;
  const { problem } = judged;
  const error = badUserInput(proofField(field, problem.field), problem.code, problem.message);
  // Counted once this transaction has rolled back (chargeFailedProof), never on a second
  // connection while this one holds its locks: under load that would wait on the pool forever.
  if (problem.code === 'PROOF_MISMATCH') failedProofs.set(error, learnerId);
  throw error;
}

/** The refusals for a proof that did not match, with the learner it was tried on. */
const failedProofs = new WeakMap<object, string>();

/**
 * After a command failed: a proof that did not match counts as one look-up outside the place
 * (lookup-quota.ts), so that guessing a birth date one day at a time stops at the day's quota.
 * Runs in the caller's transaction (an import, after its row's savepoint rolled back) or in one
 * of its own; RATE_LIMITED once the quota is spent.
 */
export async function chargeFailedProof(
  error: unknown,
  viewer: Viewer,
  on: { manager: EntityManager } | { dataSource: DataSource },
): Promise<void> {
  const learnerId = typeof error === 'object' && error ? failedProofs.get(error) : undefined;
  if (!learnerId) return;
  if ('manager' in on) await chargeLookups(on.manager, viewer, [learnerId], 'TRANSFER_PROOF');
  else
    await inViewerScope(on.dataSource, viewer, (manager) =>
      chargeLookups(manager, viewer, [learnerId], 'TRANSFER_PROOF'),
    );
}

/** The field a proof problem names: `input.proof.birthDate` beside `input.learnerId`. */
function proofField(learnerField: string, problemField: string): string {
  const parent = learnerField.includes('.')
    ? learnerField.slice(0, learnerField.lastIndexOf('.'))
    : '';
  return parent ? `${parent}.${problemField}` : problemField;
}

/**
 * The day's admissions of other schools' learners by this account and by its school, under a lock
 * per school so two requests at once cannot both pass the last place.
 */
async function withinDailyLimits(manager: EntityManager, viewer: Viewer, schoolId: number) {
  await manager.query('SELECT pg_advisory_xact_lock(18018, $1)', [schoolId]);
  const [counts] = await manager.query<{ by_account: number; by_school: number }[]>(
    `SELECT count(*) FILTER (WHERE recorded_by = $1::uuid)::int AS by_account,
            count(*)::int AS by_school
     FROM learner_transfer
     WHERE to_school_id = $2 AND recorded_on = $3::date AND proof_basis <> 'ALREADY_HELD'`,
    [viewer.accountId, schoolId, clock.today()],
  );
  const limit =
    counts!.by_account >= config.transfersInPerAccountPerDay
      ? { who: 'your account', quota: config.transfersInPerAccountPerDay }
      : counts!.by_school >= config.transfersInPerSchoolPerDay
        ? { who: 'your school', quota: config.transfersInPerSchoolPerDay }
        : null;
  if (limit)
    throw refused(
      'RATE_LIMITED',
      `Today ${limit.who} has taken in ${limit.quota} learners of other schools, the most a day: ask your division, or continue tomorrow`,
      { rule: 'TRANSFERS_IN_PER_DAY', quota: limit.quota, http: { status: 429 } },
    );
}

/** The origin's enrollment as it was just before a move closed it: what a reversal restores. */
export interface OriginBefore {
  enrollmentId: string;
  schoolId: number;
  before: { status: string; left_on: string | null; transferred_out: boolean; updated_at: string };
}

/** Reads the learner's active enrollment of the year before the move closes it. */
export async function originBefore(
  manager: EntityManager,
  learnerId: string,
  schoolYear: string,
): Promise<OriginBefore | null> {
  const [row] = await manager.query<
    { id: string; school_id: number; before: OriginBefore['before'] }[]
  >(
    `SELECT id::text, school_id,
            jsonb_build_object('status', status, 'left_on', left_on,
                               'transferred_out', transferred_out, 'updated_at', updated_at) AS before
     FROM enrollment
     WHERE learner_id = $1 AND school_year = $2
       AND status IN ('PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')`,
    [learnerId, schoolYear],
  );
  return row ? { enrollmentId: row.id, schoolId: row.school_id, before: row.before } : null;
}

/**
 * Records an admission once its enrollment exists: every move, and every enrollment or
 * registration of another school's learner, with who, when, why and on what papers, read by the
 * origin school and both divisions (`transfers`), and audited for the learner.
 */
export async function recordAdmission(
  manager: EntityManager,
  viewer: Viewer,
  admission: Admission,
  made: {
    schoolId: number;
    schoolYear: string;
    toEnrollmentId: string;
    movedOn: string;
    origin?: OriginBefore | null;
  },
): Promise<void> {
  if (admission.held && admission.kind !== 'MOVED_IN') return;
  const origin = made.origin ?? null;
  const fromSchoolId = origin?.schoolId ?? admission.lastSchoolId;
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO learner_transfer (learner_id, school_year, kind, from_school_id, from_division_id,
       to_school_id, to_division_id, from_enrollment_id, from_before, from_version,
       to_enrollment_id, to_version, linked_school, proof_basis, document_seen, reason, moved_on,
       recorded_on, recorded_by)
     SELECT $1, $2, $3, $4, (SELECT division_id FROM school WHERE id = $4),
       $5, (SELECT division_id FROM school WHERE id = $5), $6, $7::jsonb,
       (SELECT version FROM enrollment WHERE id = $6),
       $8, (SELECT version FROM enrollment WHERE id = $8), $9, $10, $11, $12, $13, $14, $15
     RETURNING id::text`,
    [
      admission.learnerId,
      made.schoolYear,
      admission.kind,
      fromSchoolId,
      made.schoolId,
      origin?.enrollmentId ?? null,
      origin ? JSON.stringify(origin.before) : null,
      made.toEnrollmentId,
      !admission.held,
      admission.basis ?? 'ALREADY_HELD',
      admission.proof?.documentSeen ?? null,
      admission.proof?.reason.trim() ?? null,
      made.movedOn,
      clock.today(),
      viewer.accountId,
    ],
  );
  await audit(manager, viewer, {
    action: 'LEARNER_TRANSFER_RECORDED',
    entity: 'learner',
    entityId: admission.learnerId,
    after: {
      transferId: row!.id,
      kind: admission.kind,
      fromSchoolId: fromSchoolId === null ? null : formatSchoolId(fromSchoolId),
      toSchoolId: formatSchoolId(made.schoolId),
      proofBasis: admission.basis ?? 'ALREADY_HELD',
      documentSeen: admission.proof?.documentSeen ?? null,
      reason: admission.proof?.reason.trim() ?? null,
    },
  });
}
