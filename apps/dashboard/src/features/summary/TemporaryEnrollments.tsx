import { useQuery } from '@apollo/client/react';
import { DataTable } from '@repo/ui/DataTable';
import { QueryState } from '@repo/ui/QueryState';
import { gradeLabel } from '../labels.js';
import { temporaryEnrollmentsQuery } from './summary.query.js';

const dateFormat = new Intl.DateTimeFormat('en-PH', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * Temporarily enrolled learners of one school whose documents are due (§V.C), nearest deadline
 * first. Personal data: only for the school and division scopes (SPEC §1).
 */
export function TemporaryEnrollments({
  schoolId,
  schoolYear,
}: {
  schoolId: string;
  schoolYear: string;
}) {
  const { data, loading, error, refetch } = useQuery(temporaryEnrollmentsQuery, {
    // The whole year: the deadline list is short, and a learner overdue by months still counts.
    variables: { schoolYear, dueWithinDays: 366 },
  });
  const rows = (data?.temporaryEnrollments ?? [])
    .filter((t) => t.schoolId === schoolId)
    .sort((a, b) => a.daysLeft - b.daysLeft);
  return (
    <section aria-labelledby="temporary-heading">
      <h2 id="temporary-heading">Temporarily enrolled learners and their deadlines</h2>
      <QueryState
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        what="temporarily enrolled learners"
      />
      {data ? (
        <DataTable
          caption={`Documents due, SY ${schoolYear}`}
          rows={rows}
          rowKey={(t) => t.learner.enrollmentId}
          empty="No temporarily enrolled learner has documents due."
          search={{
            label: 'Find a learner',
            text: (t) => `${t.learner.lastName} ${t.learner.firstName} ${t.learner.lrn ?? ''}`,
          }}
          columns={[
            {
              key: 'name',
              header: 'Learner',
              value: (t) =>
                `${t.learner.lastName}, ${t.learner.firstName}${t.learner.middleName ? ` ${t.learner.middleName}` : ''}`,
              sortValue: (t) => `${t.learner.lastName} ${t.learner.firstName}`,
            },
            { key: 'lrn', header: 'LRN', value: (t) => t.learner.lrn ?? null },
            { key: 'grade', header: 'Grade', value: (t) => gradeLabel[t.learner.gradeLevel] },
            {
              key: 'missing',
              header: 'Missing documents',
              value: (t) => t.learner.missingDocuments.join(', ').replaceAll('_', ' '),
            },
            {
              key: 'due',
              header: 'Due by',
              value: (t) => dateFormat.format(new Date(`${t.documentsDueBy}T00:00:00Z`)),
              sortValue: (t) => t.documentsDueBy,
            },
            {
              key: 'days',
              header: 'Days left',
              numeric: true,
              value: (t) => (t.overdue ? `Overdue by ${-t.daysLeft}` : t.daysLeft),
              sortValue: (t) => t.daysLeft,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
