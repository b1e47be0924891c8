import { useApolloClient } from '@apollo/client/react';
import { sexLabel } from '@repo/domain/enums';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useToday } from '../../clock.js';
import { type EnrollSearchLearnersQuery } from '../../gql/graphql.js';
import { statusLabel } from '../labels.js';
import { describeRule, matchReasonLabel } from './enrollment-labels.js';
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
  const search = useLearnerSearch();
  const [asking, setAsking] = useState(false);
  const { mode, failure, busy, results } = search;

  return (
    <section aria-labelledby="search-heading" className="enroll-step">
      <StepHeading id="search-heading">Search for the learner</StepHeading>
      <SearchTabs mode={mode} onChoose={search.choose} onSwitch={search.setMode} />
      <SearchForm search={search} />
      <FailureNotice
        failure={{
          ...failure,
          fields: [],
          // A refusal's field problems show beside their fields, and here too, with the codes.
          general: failure.detail
            ? (failure.general ?? failure.fields.map((f) => f.message).join(' '))
            : failure.general,
        }}
        onRetry={() => void search.run()}
        busy={busy}
      />
      {results ? (
        <SearchResults results={results} onPreview={onPreview} onAsk={() => setAsking(true)} />
      ) : null}
      <NewRecordDialog
        open={asking}
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onCreateNew({ name: mode === 'name' ? search.name : '', birthDate: search.birthDate });
        }}
      />
    </section>
  );
}

/**
 * The fields of both searches, the one asked, and its answer or refusal: a refused search shows
 * why and no earlier answer (issue 21). Results say where each learner is enrolled in the school
 * year of the screen (`?sy=`), else the current one.
 */
function useLearnerSearch() {
  const client = useApolloClient();
  const [params] = useSearchParams();
  const schoolYear = params.get('sy');
  const today = useToday();
  const [mode, setMode] = useState<Mode>('name');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [lrn, setLrn] = useState('');
  const [results, setResults] = useState<Candidate[] | null>(null);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [busy, setBusy] = useState(false);

  /** What the form lacks before asking: a 12-digit LRN, or a name of two letters or more. */
  const missing = () => {
    const [field, rule] =
      mode === 'lrn'
        ? ['lrn', /^\d{12}$/.test(lrn.trim()) ? null : 'LRN_INVALID']
        : ['name', name.trim().length < 2 ? 'REQUIRED' : null];
    return rule ? { field, rule, message: describeRule(field, rule) } : null;
  };

  async function run(event?: FormEvent) {
    event?.preventDefault();
    const local = missing();
    if (local) {
      setResults(null);
      setFailure({ ...noFailure, fields: [local] });
      return;
    }
    setBusy(true);
    setFailure(noFailure);
    try {
      const { data } = await client.query({
        query: SearchLearnersQuery,
        variables: {
          ...(mode === 'lrn'
            ? { lrn: lrn.trim() }
            : { name: name.trim(), birthDate: birthDate || null }),
          schoolYear,
        },
        fetchPolicy: 'network-only',
      });
      setResults(data?.searchLearners ?? []);
    } catch (error) {
      setResults(null);
      setFailure(toFormFailure(error, { today }));
    } finally {
      setBusy(false);
    }
  }

  /** A tab chosen: the other search starts afresh. */
  function choose(next: Mode) {
    setMode(next);
    setResults(null);
    setFailure(noFailure);
  }

  return {
    mode,
    setMode,
    choose,
    name,
    setName,
    birthDate,
    setBirthDate,
    lrn,
    setLrn,
    results,
    failure,
    busy,
    run,
  };
}
type SearchState = ReturnType<typeof useLearnerSearch>;

/** Search by Name / Search by LRN as tabs; the arrow keys move between them. */
function SearchTabs({
  mode,
  onChoose,
  onSwitch,
}: {
  mode: Mode;
  onChoose: (mode: Mode) => void;
  onSwitch: (mode: Mode) => void;
}) {
  return (
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
          onClick={() => onChoose(m)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
              const next = m === 'name' ? 'lrn' : 'name';
              onSwitch(next);
              document.getElementById(`search-tab-${next}`)?.focus();
            }
          }}
        >
          {m === 'name' ? 'Search by Name' : 'Search by LRN'}
        </button>
      ))}
    </div>
  );
}

/**
 * The tab's panel: the name and birth date, or the LRN, and Search. The panel wraps the form: a
 * form may not take the tabpanel role (ARIA in HTML; axe aria-allowed-role).
 */
function SearchForm({ search }: { search: SearchState }) {
  const { mode, failure, busy } = search;
  return (
    <div id="search-panel" role="tabpanel" aria-labelledby={`search-tab-${mode}`}>
      <form
        onSubmit={(event) => void search.run(event)}
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
                  value={search.name}
                  onChange={(e) => search.setName(e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <DateField
              label="Birth date (optional)"
              value={search.birthDate}
              onChange={search.setBirthDate}
              error={problemOf(failure, 'birthDate')}
            />
          </>
        ) : (
          <Field label="LRN" error={problemOf(failure, 'lrn')} hint="12 digits">
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={search.lrn}
                onChange={(e) => search.setLrn(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
    </div>
  );
}

/** The learners found, each with why it matched and Preview; then the way to a new record. */
function SearchResults({
  results,
  onPreview,
  onAsk,
}: {
  results: Candidate[];
  onPreview: (candidate: Candidate) => void;
  onAsk: () => void;
}) {
  return (
    <div aria-live="polite">
      {results.length === 0 ? (
        <p className="empty-state">No learner in the registry matches this search.</p>
      ) : (
        <CandidateTable
          caption={`Learners found (${results.length})`}
          rows={results}
          columns={candidateColumns}
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
      <button type="button" className="enroll-secondary" onClick={onAsk}>
        No, this is correct. Create New Record
      </button>
    </div>
  );
}

const candidateColumns = [
  {
    header: 'Name',
    render: (c: Candidate) => (
      <>
        {candidateName(c)}
        {c.likelyDuplicate ? <span className="enroll-badge">likely the same learner</span> : null}
      </>
    ),
  },
  { header: 'Birth date', render: (c: Candidate) => c.birthDate },
  { header: 'Sex', render: (c: Candidate) => sexLabel[c.sex] },
  { header: 'LRN', render: (c: Candidate) => c.lrn ?? '—' },
  { header: 'This school year', render: (c: Candidate) => enrolledWords(c.enrolledThisYear) },
  {
    header: 'Why it matched',
    render: (c: Candidate) => c.reasons.map((r) => matchReasonLabel[r] ?? r).join(', ') || '—',
  },
];

/**
 * Where a result is enrolled in the screen's school year: the school, and the status only for a
 * learner of the viewer's place (the API sends no status for another's; domain `disclosure`).
 */
export function enrolledWords(enrolled: Candidate['enrolledThisYear']): string {
  if (!enrolled) return 'Not enrolled this year';
  const where = `${enrolled.schoolName} (${enrolled.schoolId})`;
  if (enrolled.preRegistered) return `Registered early this year at ${where}`;
  const status = enrolled.status ? `: ${statusLabel[enrolled.status].toLowerCase()}` : '';
  return `Enrolled this year at ${where}${status}`;
}

/** The guide's pop-up (3a): a new record only once the search found none of this learner. */
function NewRecordDialog({
  open,
  onClose,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) node.showModal();
    if (!open && node.open) node.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="new-record-heading"
      className="enroll-dialog"
      onClose={onClose}
    >
      <h2 id="new-record-heading">Create a new learner record?</h2>
      <p>
        A learner has one record for life (DO 03 s. 2018 §VI). Make a new one only when the search
        found no record of this learner.
      </p>
      <div className="enroll-actions">
        <button type="button" onClick={onConfirm}>
          New Record
        </button>
        <button type="button" className="enroll-secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
