import { useMutation, useQuery } from '@apollo/client/react';
import { QueryState } from '@repo/ui/QueryState';
import { type DocumentType } from '@repo/domain/enums';
import { useRef, useState } from 'react';
import { gradeLabel, statusLabel } from '../labels.js';
import { documentLabel } from './enrollment-labels.js';
import { temporaryEnrollmentsQuery } from '../summary/summary.query.js';
import { SubmitDocumentMutation } from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';
import { FailureNotice } from './FailureNotice.js';

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
  const [submit, submitting] = useMutation(SubmitDocumentMutation);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  // Any day from the enrollment to today: today always is one.
  const [receivedOn, setReceivedOn] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = useRef<{ key: string; run: () => Promise<void> } | null>(null);

  async function record(
    row: { enrollmentId: string; learnerId: string; name: string },
    documentType: DocumentType,
  ) {
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
        const e = answer!.submitDocument.enrollment;
        setNotice(
          `${documentLabel[documentType]} recorded for ${row.name}: ${statusLabel[e.status]}${
            e.missingDocuments.length > 0
              ? `; still due: ${e.missingDocuments.map((d) => documentLabel[d]).join(', ')}`
              : ''
          }.`,
        );
        await refetch();
      } catch (err) {
        setFailure(toFormFailure(err, { today }));
      }
    };
    pending.current = { key, run };
    await run();
  }

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
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      <FailureNotice
        failure={failure}
        busy={submitting.loading}
        onRetry={() => void pending.current?.run()}
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
          <table className="data-table">
            <caption>Temporarily enrolled learners ({rows.length})</caption>
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
                          disabled={submitting.loading}
                          aria-label={`${documentLabel[doc]} received for ${name}`}
                          onClick={() =>
                            void record(
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
        )
      ) : null}
    </section>
  );
}
