import { validateLearnerProfile } from '@repo/domain/learner-profile';
import { toNameKey } from '@repo/domain/names';
import { type DataSource } from 'typeorm';
import { clock } from '../../clock.js';
import { inViewerScope } from '../../db/scoped.js';
import { badUserInput, fieldErrors, refused } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type LearnerProfileInput } from './create-learner.input.js';
import { LearnerEntity } from './learner.entity.js';
import { profileColumns, trimmed } from './learner.service.js';

// One learner's record once it exists: viewing it, changing it, its history (learner.service.ts
// finds and registers learners).

/** A learner's full profile within scope, or null; each view is recorded. */
export function viewLearner(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
): Promise<LearnerEntity | null> {
  return inViewerScope(
    dataSource,
    viewer,
    async (manager) => {
      const row = await manager.getRepository(LearnerEntity).findOneBy({ id });
      if (row)
        await audit(manager, viewer, { action: 'LEARNER_VIEWED', entity: 'learner', entityId: id });
      return row;
    },
    { readMostly: true },
  );
}

/**
 * Updates a profile the viewer's school may edit. Optimistic concurrency: the update names the
 * version it read; a stale one gets STALE_UPDATE and overwrites nothing.
 */
export async function updateLearner(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
  version: number,
  input: LearnerProfileInput,
): Promise<LearnerEntity> {
  const errors = validateLearnerProfile(input, clock.today(), true);
  if (input.sex === null) errors.push({ field: 'sex', code: 'REQUIRED' });
  if (errors.length > 0) throw fieldErrors(errors);
  return inViewerScope(dataSource, viewer, async (manager) => {
    const repository = manager.getRepository(LearnerEntity);
    const before = await repository.findOneBy({ id });
    if (!before || viewer.scope.kind !== 'SCHOOL')
      throw refused('NOT_FOUND', `Learner ${id} not found`);
    if (before.mergedIntoId) {
      throw refused('LEARNER_MERGED', `Learner ${id} was merged into ${before.mergedIntoId}`, {
        mergedInto: before.mergedIntoId,
      });
    }
    if (before.version !== version) {
      throw refused(
        'STALE_UPDATE',
        'Someone changed this learner since you opened it: reload and apply your change again',
        { currentVersion: before.version },
      );
    }
    // §V.A: the birth document is submitted once in the whole of basic education.
    if (
      before.birthDocumentType &&
      input.birthDocumentType !== undefined &&
      input.birthDocumentType !== before.birthDocumentType
    ) {
      throw badUserInput(
        'input.birthDocumentType',
        'BIRTH_DOCUMENT_ALREADY_ON_FILE',
        'A birth document is already on file for this learner',
      );
    }
    const changes: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(profileColumns)) {
      const value = input[key as keyof LearnerProfileInput];
      if (value !== undefined) changes[column] = trimmed(value);
    }
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    const crossErrors = validateLearnerProfile(merged, clock.today());
    if (crossErrors.length > 0) throw fieldErrors(crossErrors);
    changes.name_key = toNameKey(merged);
    const columns = Object.keys(changes);
    const result = await manager.query<[unknown[], number]>(
      `UPDATE learner SET ${columns.map((c, i) => `"${c}" = $${i + 3}`).join(', ')},
              updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, version, ...Object.values(changes)],
    );
    if (result[1] === 0)
      throw refused('STALE_UPDATE', 'Someone changed this learner at the same moment: reload', {});
    const after = await repository.findOneByOrFail({ id });
    const changed = Object.keys(input).filter(
      (k) => input[k as keyof LearnerProfileInput] !== undefined,
    );
    const pick = (row: LearnerEntity) =>
      Object.fromEntries(changed.map((k) => [k, row[k as keyof LearnerEntity]]));
    await audit(manager, viewer, {
      action: 'LEARNER_UPDATED',
      entity: 'learner',
      entityId: id,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

/** A learner's audit trail, for the school and division scopes that may see the learner. */
export function learnerHistory(dataSource: DataSource, viewer: Viewer, id: string) {
  return inViewerScope(dataSource, viewer, async (manager) => {
    const visible = await manager.getRepository(LearnerEntity).existsBy({ id });
    if (!visible) throw refused('NOT_FOUND', `Learner ${id} not found`);
    return manager.query<
      { at: Date; action: string; username: string | null; before: unknown; after: unknown }[]
    >(
      `SELECT e.at, e.action, a.username, e.before, e.after
       FROM audit_event e LEFT JOIN account a ON a.id = e.account_id
       WHERE e.entity = 'learner' AND e.entity_id = $1
       ORDER BY e.at, e.id`,
      [id],
    );
  });
}
