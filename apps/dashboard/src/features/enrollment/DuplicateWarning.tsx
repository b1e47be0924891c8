import { type Sex, sexLabel } from '@repo/domain/enums';
import { matchReasonLabel } from './enrollment-labels.js';
import { type DuplicateCandidate } from './form-errors.js';
import { CandidateTable } from './inputs.js';
import { candidateName } from './LearnerSearch.js';

/**
 * SPEC §3: likely duplicates are shown with why they matched, and a new record is made only after
 * the user confirms it ("No, this is correct. Create New Record"); the API records who confirmed.
 */
export function DuplicateWarning({
  candidates,
  onConfirm,
  busy,
}: {
  candidates: DuplicateCandidate[];
  onConfirm: () => void;
  busy: boolean;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="duplicates-heading"
      className="enroll-warning"
      tabIndex={-1}
    >
      <h2 id="duplicates-heading">
        {candidates.length === 1
          ? 'One learner on record looks like this learner'
          : `${candidates.length} learners on record look like this learner`}
      </h2>
      <CandidateTable
        caption="Suspected duplicates"
        rows={candidates}
        columns={[
          { header: 'Name', render: candidateName },
          { header: 'Birth date', render: (c) => c.birthDate },
          { header: 'Sex', render: (c) => sexLabel[c.sex as Sex] ?? c.sex },
          { header: 'LRN', render: (c) => c.lrn ?? '—' },
          { header: 'Last school', render: (c) => c.lastSchoolId ?? '—' },
          {
            header: 'Why it matched',
            render: (c) => c.reasons.map((r) => matchReasonLabel[r] ?? r).join(', '),
          },
        ]}
      />
      <p>If you have checked that none of them is this learner, confirm to make a new record.</p>
      <button type="button" onClick={onConfirm} disabled={busy}>
        No, this is correct. Create New Record
      </button>
    </section>
  );
}
