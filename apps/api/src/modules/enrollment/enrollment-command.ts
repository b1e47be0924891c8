import { checkGivenDates } from '@repo/domain/given-dates';
import { type DataSource, type EntityManager } from 'typeorm';
import { onceForKey } from '../../db/idempotency.js';
import { preparedQuery } from '../../db/prepared.js';
import { inViewerScope } from '../../db/scoped.js';
import { fieldErrors } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { type Viewer } from '../auth/viewer.js';
import { type EnrollmentAnswerRow, enrollmentAnswer, toAnswer } from './enrollment-answer.js';
import { chargeFailedProof } from './transfer-admission.js';

/** Who acts, on which database: every command runs as its viewer, under row-level security. */
export interface Writer {
  dataSource: DataSource;
  viewer: Viewer;
}

/**
 * What a command did: the enrollment it made or changed, the audit entry that records it (always
 * about the learner), and for an enrollment the domain's reasons and recommendation.
 */
export interface Decision {
  id: string;
  learnerId: string;
  action: string;
  after: Record<string, unknown>;
  reasons?: string[];
  recommendation?: string | null;
}

export interface EnrollmentOutcome {
  id: string;
  replayed: boolean;
  reasons: string[];
  recommendation: string | null;
}

export type EnrollmentAnswer = NonNullable<ReturnType<typeof toAnswer>>;
export type AnsweredOutcome = EnrollmentOutcome & { answer: EnrollmentAnswer };

/** The audit entry of a decision, in the caller's transaction (a command, or one import row). */
export function recordDecision(manager: EntityManager, viewer: Viewer, decision: Decision) {
  return audit(manager, viewer, {
    action: decision.action,
    entity: 'learner',
    entityId: decision.learnerId,
    after: decision.after,
  });
}

/**
 * Every enrollment command, one way: in one transaction as the viewer (row-level security), once
 * per idempotency key (a replay acts not and answers the enrollment as it is), the decision
 * audited, and the answer (the enrollment as the writer now sees it) read just before the COMMIT
 * on the same connection, by a statement the connection keeps planned. `reasons` are what the
 * command says whether it acts or replays (a replay knows nothing of the first call's plan).
 */
export function enrollmentCommand(
  { dataSource, viewer }: Writer,
  operation: string,
  input: unknown,
  idempotencyKey: string | null | undefined,
  work: (manager: EntityManager) => Promise<Decision>,
  reasons: string[] = [],
): Promise<AnsweredOutcome> {
  return inViewerScope(dataSource, viewer, async (manager) => {
    let decided: Decision | null = null;
    const done = await onceForKey(manager, viewer, idempotencyKey, operation, input, async () => {
      const decision = await work(manager);
      await recordDecision(manager, viewer, decision);
      decided = decision;
      return decision.id;
    });
    const [row] = await preparedQuery<EnrollmentAnswerRow>(manager, enrollmentAnswer('$1'), [
      done.id,
    ]);
    const made = decided as Decision | null;
    return {
      ...done,
      reasons: made?.reasons ?? reasons,
      recommendation: made?.recommendation ?? null,
      answer: toAnswer(row)!,
    };
  }).catch(async (error: unknown) => {
    await chargeFailedProof(error, viewer, { dataSource });
    throw error;
  });
}

/**
 * The dates a command was given, refused before anything is read or any rule judged (issue 16):
 * a day that does not exist or has not come yet is bad input with its own field and rule, never a
 * late enrollment, a missed cut-off or a missing document.
 */
export function refuseBadDates(dates: Record<string, string | null | undefined>, today: string) {
  const errors = checkGivenDates(dates, today);
  if (errors.length > 0) throw fieldErrors(errors);
}
