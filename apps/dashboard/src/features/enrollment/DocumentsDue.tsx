import { useMutation, useQuery } from '@apollo/client/react';
import { QueryState } from '@repo/ui/QueryState';
import { type DocumentType, type EnrollmentStatus } from '@repo/domain/enums';
import { useRef, useState } from 'react';
import { type TemporaryEnrollmentsQuery } from '../../gql/graphql.js';
import { gradeLabel, statusLabel } from '../labels.js';
import { documentLabel } from './enrollment-labels.js';
import { temporaryEnrollmentsQuery } from '../summary/summary.query.js';
import { SubmitDocumentMutation } from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';
import { FailureNotice } from './FailureNotice.js';
import { TableFrame } from '@repo/ui/TableFrame';
import { formatCount } from '@repo/ui/format';

type Owing = { enrollmentId: string; learnerId: string; name: string };

/**
 * Temporarily enrolled learners and what they still owe (§V.C): recording a document received; the
 * last one makes the enrollment official, which the row then says.
 */
export function DocumentsDue({
  schoolId,
  schoolYear,
  today,
}: {
  schoolId: string;
  schoolYear: string;
  today: string;
}) {
  const { data, loading, error, refetch } = useQuery(temporaryEnrollmentsQuery, {
    // The whole year: a learner overdue by months still owes the documents.
    variables: { schoolYear, dueWithinDays: 366 },
    fetchPolicy: 'cache-and-network',
  });
  // Any day from the enrollment to today: today always is one.
  const [receivedOn, setReceivedOn] = useState(today);
  const recorder = useDocumentRecorder(receivedOn, today, refetch);
  const rows = (data?.temporaryEnrollments ?? [])
    .filter((t) => t.schoolId === schoolId)
    .sort((a, b) => a.daysLeft - b.daysLeft);

  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents due, SY {schoolYear}</h2>
      <p>
        Temporarily enrolled learners become officially enrolled when their last document is
        received (§V.C).
      </p>
      <div className="enroll-form enroll-form--inline">
        <div className="enroll-field">
          <label htmlFor="received-on">Date received</label>
          <input
            id="received-on"
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </div>
      </div>
      <div aria-live="polite">
        {recorder.notice ? <p className="enroll-notice">{recorder.notice}</p> : null}
      </div>
      <FailureNotice
        failure={recorder.failure}
        busy={recorder.busy}
        onRetry={() => void recorder.retry()}
      />
      <QueryState
        loading={loading && !data}
        error={error}
        onRetry={() => void refetch()}
        what="documents due"
      />
      {data ? (
        rows.length === 0 ? (
          <p className="empty-state">No temporarily enrolled learner owes a document.</p>
        ) : (
          <DocumentsDueTable rows={rows} busy={recorder.busy} onReceived={recorder.record} />
        )
      ) : null}
    </section>
  );
}

/**
 * A document recorded as received; a failed request keeps its idempotency key, so Try again
 * resends the same one and it acts once.
 */
function useDocumentRecorder(receivedOn: string, today: string, refetch: () => Promise<unknown>) {
  const [submit, submitting] = useMutation(SubmitDocumentMutation);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = useRef<{ key: string; run: () => Promise<void> } | null>(null);

  async function record(row: Owing, documentType: DocumentType) {
    const key = pending.current?.key ?? newIdempotencyKey();
    const run = async () => {
      setFailure(noFailure);
      try {
        const { data: answer } = await submit({
          variables: {
            input: {
              enrollmentId: row.enrollmentId,
              learnerId: row.learnerId,
              documentType,
              receivedOn,
            },
            key,
          },
        });
        pending.current = null;
        setNotice(receivedNotice(documentType, row.name, answer!.submitDocument.enrollment));
        await refetch();
      } catch (err) {
        setFailure(toFormFailure(err, { today }));
      }
    };
    pending.current = { key, run };
    await run();
  }

  return {
    record,
    retry: () => pending.current?.run(),
    failure,
    notice,
    busy: submitting.loading,
  };
}

/** "<document> recorded for <name>: <status>[; still due: <documents>]." */
function receivedNotice(
  documentType: DocumentType,
  name: string,
  e: { status: EnrollmentStatus; missingDocuments: DocumentType[] },
): string {
  return `${documentLabel[documentType]} recorded for ${name}: ${statusLabel[e.status]}${
    e.missingDocuments.length > 0
      ? `; still due: ${e.missingDocuments.map((d) => documentLabel[d]).join(', ')}`
      : ''
  }.`;
}

type DueRow = TemporaryEnrollmentsQuery['temporaryEnrollments'][number];

/** Each learner's missing documents, one button each to record it as received. */
function DocumentsDueTable({
  rows,
  busy,
  onReceived,
}: {
  rows: DueRow[];
  busy: boolean;
  onReceived: (row: Owing, documentType: DocumentType) => Promise<void>;
}) {
  const table = (
    <table className="data-table">
      <caption>Temporarily enrolled learners ({formatCount(rows.length)})</caption>
      <thead>
        <tr>
          <th scope="col">Learner</th>
          <th scope="col">LRN</th>
          <th scope="col">Grade</th>
          <th scope="col">Due by</th>
          <th scope="col">Missing documents: record as received</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => {
          const l = t.learner;
          const name = `${l.lastName}, ${l.firstName}`;
          return (
            <tr key={l.enrollmentId}>
              <th scope="row">{name}</th>
              <td>{l.lrn ?? '—'}</td>
              <td>{gradeLabel[l.gradeLevel]}</td>
              <td>
                {t.documentsDueBy}
                {t.overdue ? (
                  <span className="enroll-badge enroll-badge--late">overdue</span>
                ) : null}
              </td>
              <td>
                {l.missingDocuments.map((doc) => (
                  <button
                    key={doc}
                    type="button"
                    className="enroll-secondary"
                    disabled={busy}
                    aria-label={`${documentLabel[doc]} received for ${name}`}
                    onClick={() =>
                      void onReceived(
                        { enrollmentId: l.enrollmentId, learnerId: l.learnerId, name },
                        doc,
                      )
                    }
                  >
                    {documentLabel[doc]} received
                  </button>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return <TableFrame label="Temporarily enrolled learners">{table}</TableFrame>;
}
