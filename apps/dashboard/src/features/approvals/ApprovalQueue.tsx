import { useMutation, useQuery } from '@apollo/client/react';
import { QueryState } from '@repo/ui/QueryState';
import { type FormEvent, useRef, useState } from 'react';
import { type ApprovalsListQuery } from '../../gql/graphql.js';
import { gradeLabel, statusLabel } from '../labels.js';
import { newIdempotencyKey } from '../enrollment/enrollment-context.js';
import { dayLabel } from '../enrollment/enrollment-labels.js';
import { FailureNotice } from '../enrollment/FailureNotice.js';
import { Field } from '../enrollment/Field.js';
import { type FormFailure, noFailure, toFormFailure } from '../enrollment/form-errors.js';
import {
  ApproveEnrollmentMutation,
  DeclineEnrollmentMutation,
  EnrollmentApprovalsAwaitingQuery,
  EnrollmentApprovalsQuery,
} from './approvals.queries.js';
import { approvalReasonWords } from './approval-words.js';

type Approval = ApprovalsListQuery['enrollmentApprovals'][number];

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const nameOf = (a: Approval) =>
  `${a.lastName}, ${a.firstName}${a.middleName ? ` ${a.middleName}` : ''}`;

/**
 * The school's late and backdated enrolments (§V.D; issue 21): those awaiting the head's approval,
 * which the head approves with a catch-up plan or declines with a reason, then the decided ones,
 * whose outcome the registrar reads here.
 */
export function ApprovalQueue({ approver }: { approver: boolean }) {
  const { data, loading, error, refetch } = useQuery(EnrollmentApprovalsQuery, {
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const rows = data?.enrollmentApprovals ?? [];
  const awaiting = rows.filter((a) => a.status === 'AWAITING_APPROVAL');
  const decided = rows.filter((a) => a.status !== 'AWAITING_APPROVAL');
  return (
    <>
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      <QueryState
        loading={loading && !data}
        error={error}
        onRetry={() => void refetch()}
        what="the enrolments awaiting approval"
      />
      {data ? (
        <>
          <section aria-labelledby="awaiting-heading">
            <h2 id="awaiting-heading">Awaiting the school head’s approval ({awaiting.length})</h2>
            {awaiting.length === 0 ? (
              <p className="empty-state">No enrolment awaits the school head’s approval.</p>
            ) : (
              awaiting.map((a) => (
                <AwaitingEnrollment
                  key={a.enrollmentId}
                  approval={a}
                  approver={approver}
                  onDecided={setNotice}
                />
              ))
            )}
          </section>
          <DecidedEnrollments rows={decided} />
        </>
      ) : null}
    </>
  );
}

/** One enrolment awaiting approval: who, when, why; for the head, the decision. */
function AwaitingEnrollment({
  approval: a,
  approver,
  onDecided,
}: {
  approval: Approval;
  approver: boolean;
  onDecided: (notice: string) => void;
}) {
  const name = nameOf(a);
  const headingId = `awaiting-${a.enrollmentId}`;
  return (
    <article aria-labelledby={headingId} className="enroll-plan">
      <h3 id={headingId}>{name}</h3>
      <dl className="enroll-facts">
        <dt>Enrolment</dt>
        <dd>
          {gradeLabel[a.gradeLevel]}, SY {a.schoolYear}
        </dd>
        <dt>Date of enrolment</dt>
        <dd>{dayLabel(a.enrolledOn)}</dd>
        <dt>First date of attendance</dt>
        <dd>{a.firstAttendance ? dayLabel(a.firstAttendance) : 'not yet'}</dd>
        <dt>Sent for approval</dt>
        <dd>{dayLabel(a.requestedOn)}</dd>
        <dt>Why the head decides</dt>
        <dd>{sentence(approvalReasonWords(a).join('; '))}</dd>
      </dl>
      {approver ? <Decision approval={a} name={name} onDecided={onDecided} /> : null}
    </article>
  );
}

/** The head's decision: approve with the catch-up plan (§V.D), or decline with a reason. */
function Decision({
  approval: a,
  name,
  onDecided,
}: {
  approval: Approval;
  name: string;
  onDecided: (notice: string) => void;
}) {
  const [plan, setPlan] = useState('');
  const [reason, setReason] = useState('');
  const { send, retry, failure, busy } = useDecision(a.enrollmentId, onDecided);
  const errorOf = (field: string) => failure.fields.find((f) => f.field === field)?.message;
  const approve = (event: FormEvent) => {
    event.preventDefault();
    void send('approve', plan, `${name}: approved`);
  };
  return (
    <>
      <form onSubmit={approve} noValidate className="enroll-form enroll-form--inline">
        <Field
          label={`Catch-up plan for ${name}`}
          error={errorOf('catchUpPlan')}
          hint={
            a.catchUpPlanRequired
              ? 'Required: the catch-up activities the learner will take (§V.D).'
              : 'Optional: a note on why the date stands.'
          }
        >
          {(p) => (
            <textarea {...p} rows={2} value={plan} onChange={(e) => setPlan(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={busy} aria-label={`Approve ${name}`}>
          Approve
        </button>
      </form>
      <form
        noValidate
        className="enroll-form enroll-form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          void send('decline', reason, `${name}: declined`);
        }}
      >
        <Field label={`Reason for declining ${name}`} error={errorOf('reason')}>
          {(p) => (
            <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <button
          type="submit"
          className="enroll-secondary"
          disabled={busy}
          aria-label={`Decline ${name}`}
        >
          Decline
        </button>
      </form>
      <FailureNotice failure={failure} busy={busy} onRetry={() => void retry()} />
    </>
  );
}

/**
 * Sends the decision with an idempotency key kept across a retry (it acts once), then reads the
 * queue and the header's count again.
 */
function useDecision(enrollmentId: string, onDecided: (notice: string) => void) {
  const refetchQueries = [EnrollmentApprovalsQuery, EnrollmentApprovalsAwaitingQuery];
  const [approve, approving] = useMutation(ApproveEnrollmentMutation, { refetchQueries });
  const [decline, declining] = useMutation(DeclineEnrollmentMutation, { refetchQueries });
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const last = useRef<{ key: string; run: () => Promise<void> } | null>(null);

  async function send(kind: 'approve' | 'decline', text: string, notice: string) {
    const key = newIdempotencyKey();
    const run = async () => {
      setFailure(noFailure);
      try {
        if (kind === 'approve')
          await approve({ variables: { input: { enrollmentId, catchUpPlan: text }, key } });
        else await decline({ variables: { input: { enrollmentId, reason: text }, key } });
        last.current = null;
        onDecided(`${notice}.`);
      } catch (error) {
        setFailure(toFormFailure(error));
      }
    };
    last.current = { key, run };
    await run();
  }

  return {
    send,
    retry: () => last.current?.run(),
    failure,
    busy: approving.loading || declining.loading,
  };
}

/** The decided ones, newest first: what the registrar reads, and the head's record. */
function DecidedEnrollments({ rows }: { rows: Approval[] }) {
  return (
    <section aria-labelledby="decided-heading">
      <h2 id="decided-heading">Decided ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="empty-state">No decision yet.</p>
      ) : (
        <table className="data-table">
          <caption>Enrolments the school head decided</caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              <th scope="col">Enrolment</th>
              <th scope="col">Outcome</th>
              <th scope="col">Catch-up plan or reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.enrollmentId}>
                <th scope="row">{nameOf(a)}</th>
                <td>
                  {gradeLabel[a.gradeLevel]}, SY {a.schoolYear}
                </td>
                <td>
                  {a.status === 'DECLINED' ? 'Declined' : `Approved: ${statusLabel[a.status]}`}
                  {a.decidedOn ? ` on ${dayLabel(a.decidedOn)}` : ''}
                </td>
                <td>{a.declineReason ?? a.catchUpPlan ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
