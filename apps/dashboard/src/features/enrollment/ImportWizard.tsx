import { useMutation } from '@apollo/client/react';
import {
  learnerListColumns,
  learnerListHeadings,
  requiredLearnerListColumns,
} from '@repo/domain/learner-list';
import { formatCount, formatCountOf } from '@repo/ui/format';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { type FormEvent, useState } from 'react';
import {
  type EnrollCommitImportMutation,
  type EnrollPreviewImportMutation,
} from '../../gql/graphql.js';
import { describeRule, matchReasonLabel } from './enrollment-labels.js';
import { CommitImportMutation, PreviewImportMutation } from './enrollment.queries.js';
import { FailureNotice } from './FailureNotice.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';
import { TableFrame } from '@repo/ui/TableFrame';

const resultLabel: Record<string, string> = {
  CREATED_AND_ENROLLED: 'Created and enrolled',
  ENROLLED: 'Enrolled',
  SENT_FOR_APPROVAL: 'Sent to the school head for approval (late or backdated)',
  FAILED: 'Failed',
  SKIPPED_ALREADY_ENROLLED: 'Skipped: already enrolled',
  SKIPPED_INVALID: 'Skipped: invalid',
  SKIPPED_SUSPECTED_DUPLICATE: 'Skipped: suspected duplicate',
};
/** The file's column headings, which name the fields in the errors: the importer's own. */
const columnOf: Record<string, string> = Object.fromEntries(
  Object.entries(learnerListColumns).map(([field, { heading }]) => [field, heading]),
);
/**
 * The template: a CSV with the heading of every column the importer reads, and nothing else
 * (made from the same list as the importer, so the two cannot drift).
 */
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
  stringify([[...learnerListHeadings]]),
)}`;
/** The API's limits on a learner list (learner-import.rows.ts): bytes and rows. */
const maxBytes = 700_000;
const maxRows = 2_000;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

type Previewed = EnrollPreviewImportMutation['previewLearnerImport'];
type PreviewRow = Previewed['rows'][number];
type Committed = EnrollCommitImportMutation['commitLearnerImport'];

/**
 * A school's learner list from CSV or XLSX (SPEC §4.5): the API stages it and judges each row, the
 * wizard shows the invalid rows with their field and rule and the suspected duplicates with why
 * they matched; only rows the user confirms as new are created among the duplicates.
 */
export function ImportWizard({ schoolYear }: { schoolYear: string }) {
  const wizard = useImportWizard(schoolYear);
  const { staged, outcome, confirmed, busy } = wizard;
  const rows = wizard.previewed?.rows ?? [];
  const problems = rows.filter((r) => r.outcome === 'INVALID');
  const duplicates = rows.filter((r) => r.outcome === 'SUSPECTED_DUPLICATE');
  const importable = rows.filter(
    (r) =>
      r.outcome === 'NEW_LEARNER' ||
      r.outcome === 'EXISTING_LEARNER' ||
      (r.outcome === 'SUSPECTED_DUPLICATE' && confirmed.includes(r.rowNumber)),
  ).length;
  const done = outcome !== null;

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a learner list, SY {schoolYear}</h2>
      <p>
        A CSV or XLSX file of at most {formatCountOf(maxRows, 'learner')} and 700 KB. It needs the
        columns {requiredLearnerListColumns.map((c) => columnOf[c]).join(', ')}; the template has
        every column the import reads. Nothing is saved until you import the previewed list;
        importing the same list again adds nothing.
      </p>
      <p>
        <a href={templateHref} download="learner-list-template.csv">
          Download the template (CSV)
        </a>
      </p>
      <ImportFileForm wizard={wizard} />
      <FailureNotice
        failure={wizard.failure}
        busy={busy}
        onRetry={() => void (staged && !done ? wizard.run() : wizard.stage())}
      />
      {staged ? (
        <div aria-live="polite">
          <h3>{done ? 'Import finished' : `Preview of ${staged.fileName}`}</h3>
          <ImportFacts
            staged={staged}
            done={done}
            already={rows.filter((r) => r.outcome === 'ALREADY_ENROLLED').length}
            importable={importable}
          />
          {problems.length > 0 ? <InvalidRows rows={problems} /> : null}
          {duplicates.length > 0 && !done ? (
            <DuplicateRows
              rows={duplicates}
              confirmed={confirmed}
              onConfirm={wizard.setConfirmed}
            />
          ) : null}
          {done ? (
            <CommittedRows committed={outcome.committed} />
          ) : (
            <button type="button" onClick={() => void wizard.run()} disabled={busy}>
              {wizard.committing ? 'Importing…' : `Import ${formatCountOf(importable, 'row')}`}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** The file chosen, its preview (stage), the rows confirmed as new, and the import (run). */
function useImportWizard(schoolYear: string) {
  const [file, setFile] = useState<File | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [outcome, setOutcome] = useState<Committed | null>(null);
  const [confirmed, setConfirmed] = useState<number[]>([]);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [preview, previewing] = useMutation(PreviewImportMutation);
  const [commit, committing] = useMutation(CommitImportMutation);

  async function stage(event?: FormEvent) {
    event?.preventDefault();
    const refusal = checkFile(file);
    if (refusal || !file) {
      setFailure({ ...noFailure, general: refusal });
      return;
    }
    setFailure(noFailure);
    try {
      const contentBase64 = await readBase64(file);
      const { data } = await preview({
        variables: { input: { fileName: file.name, contentBase64, schoolYear } },
      });
      setPreviewed(data!.previewLearnerImport);
      setOutcome(null);
      setConfirmed([]);
    } catch (error) {
      setFailure(toFormFailure(error));
    }
  }

  async function run() {
    if (!previewed) return;
    setFailure(noFailure);
    try {
      const { data } = await commit({
        variables: { importId: previewed.id, confirmNewRows: confirmed },
      });
      setOutcome(data!.commitLearnerImport);
    } catch (error) {
      setFailure(toFormFailure(error));
    }
  }

  /** A new file: the last preview and import no longer speak of it. */
  function choose(next: File | null) {
    setFile(next);
    setPreviewed(null);
    setOutcome(null);
  }

  return {
    previewed,
    outcome,
    // The commit answers with counts and results; the preview's rows stay on screen beside them.
    staged: outcome ?? previewed,
    confirmed,
    setConfirmed,
    failure,
    busy: previewing.loading || committing.loading,
    previewing: previewing.loading,
    committing: committing.loading,
    stage,
    run,
    choose,
  };
}

/** Why a file cannot be sent (no file, the wrong type, too large), or '' when it can. */
function checkFile(file: File | null): string {
  if (!file) return 'Choose a .csv or .xlsx file.';
  if (!/\.(csv|xlsx)$/i.test(file.name) || file.size > maxBytes) {
    return `The file ${file.size > maxBytes ? 'is larger than 700 KB' : 'must end in .csv or .xlsx'}.`;
  }
  return '';
}

function ImportFileForm({ wizard }: { wizard: ReturnType<typeof useImportWizard> }) {
  return (
    <form onSubmit={(e) => void wizard.stage(e)} className="enroll-form enroll-form--inline">
      <div className="enroll-field">
        <label htmlFor="import-file">Learner list (.csv or .xlsx)</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => wizard.choose(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" disabled={wizard.busy}>
        {wizard.previewing ? 'Checking…' : 'Check the file'}
      </button>
    </form>
  );
}

/** The counts: before the import what it will do, after it what it did. */
function ImportFacts({
  staged,
  done,
  already,
  importable,
}: {
  staged: Previewed | Committed;
  done: boolean;
  already: number;
  importable: number;
}) {
  return (
    <dl className="enroll-facts" aria-label="Import summary">
      <dt>Rows in the file</dt>
      <dd>{formatCount(staged.totalRows)}</dd>
      <dt>Rows with errors</dt>
      <dd>{formatCount(staged.invalidRows)}</dd>
      <dt>Suspected duplicates</dt>
      <dd>{formatCount(staged.suspectedDuplicates)}</dd>
      {!done ? (
        <>
          <dt>Already enrolled</dt>
          <dd>{formatCount(already)}</dd>
          <dt>Ready to import</dt>
          <dd>{formatCount(importable)}</dd>
        </>
      ) : (
        <>
          <dt>Learners created</dt>
          <dd data-testid="import-created">{formatCount(staged.created)}</dd>
          <dt>Enrolments made</dt>
          <dd data-testid="import-enrolled">{formatCount(staged.enrolled)}</dd>
        </>
      )}
    </dl>
  );
}

/** Each invalid row with its errors, named by the file's columns. */
function InvalidRows({ rows }: { rows: PreviewRow[] }) {
  const table = (
    <table className="data-table">
      <caption>Rows with errors ({formatCount(rows.length)})</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Learner</th>
          <th scope="col">Errors</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rowNumber}>
            <th scope="row">{r.rowNumber}</th>
            <td>{[r.lastName, r.firstName].filter(Boolean).join(', ') || '—'}</td>
            <td>
              <ul className="enroll-plain-list">
                {r.errors.map((e) => (
                  <li key={`${e.field}-${e.rule}`}>
                    {describeRule(e.field, e.rule, columnOf[e.field])}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <TableFrame label="Rows with errors">{table}</TableFrame>;
}

/** Each suspected duplicate beside the records it matched, and the user's decision (SPEC §3). */
function DuplicateRows({
  rows,
  confirmed,
  onConfirm,
}: {
  rows: PreviewRow[];
  confirmed: number[];
  onConfirm: (rowNumbers: number[]) => void;
}) {
  const table = (
    <table className="data-table">
      <caption>
        Suspected duplicates ({formatCount(rows.length)}): check each against the records found
      </caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">In the file</th>
          <th scope="col">On record, and why it matched</th>
          <th scope="col">Decision</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rowNumber}>
            <th scope="row">{r.rowNumber}</th>
            <td>
              {r.lastName}, {r.firstName} ({r.birthDate})
            </td>
            <td>
              <ul className="enroll-plain-list">
                {r.candidates.map((c) => (
                  <li key={c.learnerId}>
                    {c.lastName}, {c.firstName} ({c.birthDate}
                    {c.lrn ? `, LRN ${c.lrn}` : ''}):{' '}
                    {c.reasons.map((x) => matchReasonLabel[x] ?? x).join(', ')}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <label className="enroll-check">
                <input
                  type="checkbox"
                  checked={confirmed.includes(r.rowNumber)}
                  onChange={(e) =>
                    onConfirm(
                      e.target.checked
                        ? [...confirmed, r.rowNumber]
                        : confirmed.filter((n) => n !== r.rowNumber),
                    )
                  }
                />
                No, this is correct. Create New Record (row {r.rowNumber})
              </label>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <TableFrame label="Suspected duplicates">{table}</TableFrame>;
}

/** What the import did, row by row. */
function CommittedRows({ committed }: { committed: Committed['committed'] }) {
  const table = (
    <table className="data-table">
      <caption>What the import did, row by row</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Result</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {committed.map((c) => (
          <tr key={c.rowNumber}>
            <th scope="row">{c.rowNumber}</th>
            <td>{resultLabel[c.result] ?? c.result}</td>
            <td>{c.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <TableFrame label="What the import did">{table}</TableFrame>;
}
