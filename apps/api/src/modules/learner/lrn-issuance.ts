import { type EntityManager } from 'typeorm';
import { preparedQuery } from '../../db/prepared.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';

export type LrnIssuance =
  { ok: true; lrn: string; issued: boolean } | { ok: false; code: 'LEARNER_NOT_FOUND' };

/**
 * Gives the learner an LRN on the first date of attendance (DO 03 s. 2018 §V.A, §VI): one
 * permanent number, never changed, never reused. A single conditional UPDATE draws from the
 * sequence, so concurrent callers cannot give one learner two numbers: the losers of the row lock
 * find the LRN already set and get that one.
 *
 * "No LRN yet" is written `coalesce(lrn, '') = ''` (an LRN is never empty) so that the row is
 * always found by its primary key: `lrn IS NULL` can use the LRN index, and statistics taken
 * before a day of registrations make that index look empty of nulls while it holds every learner
 * still waiting for a number (measured: 44 ms per enrolment, 75,000 such learners, against 0.1).
 */
export async function issueLrn(
  manager: EntityManager,
  viewer: Viewer,
  learnerId: string,
): Promise<LrnIssuance> {
  const rows = await preparedQuery<{ lrn: string }>(
    manager,
    `UPDATE learner SET lrn = lpad(nextval('lrn_seq')::text, 12, '0'), lrn_issued_at = now()
     WHERE id = $1 AND coalesce(lrn, '') = '' AND merged_into_id IS NULL
     RETURNING lrn`,
    [learnerId],
  );
  if (rows[0]) {
    await audit(manager, viewer, {
      action: 'LRN_ISSUED',
      entity: 'learner',
      entityId: learnerId,
      after: { lrn: rows[0].lrn },
    });
    return { ok: true, lrn: rows[0].lrn, issued: true };
  }
  const [existing] = await manager.query<{ lrn: string | null }[]>(
    'SELECT lrn FROM learner WHERE id = $1',
    [learnerId],
  );
  if (!existing?.lrn) return { ok: false, code: 'LEARNER_NOT_FOUND' };
  return { ok: true, lrn: existing.lrn, issued: false };
}
