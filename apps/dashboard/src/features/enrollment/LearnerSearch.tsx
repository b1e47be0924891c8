import { useApolloClient } from '@apollo/client/react';
import { sexLabel } from '@repo/domain/enums';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type EnrollSearchLearnersQuery } from '../../gql/graphql.js';
import { matchReasonLabel } from './enrollment-labels.js';
import { SearchLearnersQuery } from './enrollment.queries.js';
import { Field } from './Field.js';
import { type FormFailure, noFailure, problemOf, toFormFailure } from './form-errors.js';
import { FailureNotice } from './FailureNotice.js';
import { CandidateTable, DateField } from './inputs.js';
import { StepHeading } from './StepHeading.js';

export type Candidate = EnrollSearchLearnersQuery['searchLearners'][number];

type Mode = 'name' | 'lrn';

/** The name a search result is read out by. */
export const candidateName = (c: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  extensionName?: string | null;
}) =>
  `${c.lastName}, ${c.firstName}${c.middleName ? ` ${c.middleName}` : ''}${c.extensionName ? ` ${c.extensionName}` : ''}`;

/**
 * The ALS guide's step 3 and SPEC §3 "uniqueness first": the registry is searched by name (with the
 * birth date when known) or by LRN before any record is made. A match is opened with Preview (3b);
 * none, or none of them, leads to "No, this is correct. Create New Record" and its pop-up (3a).
 */
export function LearnerSearch({
  onPreview,
  onCreateNew,
}: {
  onPreview: (candidate: Candidate) => void;
  onCreateNew: (typed: { name: string; birthDate: string }) => void;
}) {
  const client = useApolloClient();
  const [mode, setMode] = useState<Mode>('name');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [lrn, setLrn] = useState('');
  const [results, setResults] = useState<Candidate[] | null>(null);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (asking && !node.open) node.showModal();
    if (!asking && node.open) node.close();
  }, [asking]);

  async function search(event?: FormEvent) {
    event?.preventDefault();
    const local =
      mode === 'lrn'
        ? /^\d{12}$/.test(lrn.trim())
          ? null
          : { field: 'lrn', rule: 'LRN_INVALID', message: 'LRN must be 12 digits (LRN_INVALID)' }
        : name.trim().length < 2
          ? { field: 'name', rule: 'REQUIRED', message: 'Name is required (REQUIRED)' }
          : null;
    if (local) {
      setFailure({ ...noFailure, fields: [local] });
      return;
    }
    setBusy(true);
    setFailure(noFailure);
    try {
      const { data } = await client.query({
        query: SearchLearnersQuery,
        variables:
          mode === 'lrn'
            ? { lrn: lrn.trim() }
            : { name: name.trim(), birthDate: birthDate || null },
        fetchPolicy: 'network-only',
      });
      setResults(data?.searchLearners ?? []);
    } catch (error) {
      setFailure(toFormFailure(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="search-heading" className="enroll-step">
      <StepHeading id="search-heading">Search for the learner</StepHeading>
      <div role="tablist" aria-label="Search by" className="enroll-tabs">
        {(['name', 'lrn'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            id={`search-tab-${m}`}
            aria-selected={mode === m}
            aria-controls="search-panel"
            tabIndex={mode === m ? 0 : -1}
            onClick={() => {
              setMode(m);
              setResults(null);
              setFailure(noFailure);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = m === 'name' ? 'lrn' : 'name';
                setMode(next);
                document.getElementById(`search-tab-${next}`)?.focus();
              }
            }}
          >
            {m === 'name' ? 'Search by Name' : 'Search by LRN'}
          </button>
        ))}
      </div>
      <form
        id="search-panel"
        role="tabpanel"
        aria-labelledby={`search-tab-${mode}`}
        onSubmit={(event) => void search(event)}
        className="enroll-form enroll-form--inline"
      >
        {mode === 'name' ? (
          <>
            <Field
              label="Learner’s name"
              error={problemOf(failure, 'name')}
              hint="First and last name, in any order"
            >
              {(p) => (
                <input
                  {...p}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <DateField label="Birth date (optional)" value={birthDate} onChange={setBirthDate} />
          </>
        ) : (
          <Field label="LRN" error={problemOf(failure, 'lrn')} hint="12 digits">
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={lrn}
                onChange={(e) => setLrn(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      <FailureNotice
        failure={{ ...failure, fields: [] }}
        onRetry={() => void search()}
        busy={busy}
      />

      {results ? (
        <div aria-live="polite">
          {results.length === 0 ? (
            <p className="empty-state">No learner in the registry matches this search.</p>
          ) : (
            <CandidateTable
              caption={`Learners found (${results.length})`}
              rows={results}
              columns={[
                {
                  header: 'Name',
                  render: (c) => (
                    <>
                      {candidateName(c)}
                      {c.likelyDuplicate ? (
                        <span className="enroll-badge">likely the same learner</span>
                      ) : null}
                    </>
                  ),
                },
                { header: 'Birth date', render: (c) => c.birthDate },
                { header: 'Sex', render: (c) => sexLabel[c.sex] },
                { header: 'LRN', render: (c) => c.lrn ?? '—' },
                {
                  header: 'Why it matched',
                  render: (c) => c.reasons.map((r) => matchReasonLabel[r] ?? r).join(', '),
                },
              ]}
              action={(c) => (
                <button
                  type="button"
                  onClick={() => onPreview(c)}
                  title={`Preview ${candidateName(c)}`}
                >
                  Preview
                </button>
              )}
            />
          )}
          <p>
            {results.length === 0
              ? 'If the name and birth date are spelled right, this learner has no record yet.'
              : 'If none of these is the learner, make a new record.'}
          </p>
          <button type="button" className="enroll-secondary" onClick={() => setAsking(true)}>
            No, this is correct. Create New Record
          </button>
        </div>
      ) : null}

      <dialog
        ref={dialog}
        aria-labelledby="new-record-heading"
        className="enroll-dialog"
        onClose={() => setAsking(false)}
      >
        <h2 id="new-record-heading">Create a new learner record?</h2>
        <p>
          A learner has one record for life (DO 03 s. 2018 §VI). Make a new one only when the search
          found no record of this learner.
        </p>
        <div className="enroll-actions">
          <button
            type="button"
            onClick={() => {
              setAsking(false);
              onCreateNew({ name: mode === 'name' ? name : '', birthDate });
            }}
          >
            New Record
          </button>
          <button type="button" className="enroll-secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
