import { useQuery } from '@apollo/client/react';
import { type EnrollmentStatus, type GradeLevel, sexLabel } from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { QueryState } from '@repo/ui/QueryState';
import { useState } from 'react';
import { Link } from 'react-router';
import { gradeLabel, gradeOrder, statusLabel, statusOrder } from '../labels.js';
import { classListCsv, type ClassListRow } from './class-list-csv.js';
import { documentLabel } from './enrollment-labels.js';
import { routes } from '../../routes.js';
import { ClassListQuery } from './enrollment.queries.js';
import { SelectField } from './inputs.js';
import { LearnerActions } from './LearnerActions.js';

const pageSize = 100;

/** The school's class list for a year (SF1-like), filtered, exported as CSV; a row's actions open below it. */
export function ClassList({
  schoolId,
  schoolYear,
  calendar,
  today,
}: {
  schoolId: string;
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
}) {
  const [grade, setGrade] = useState<GradeLevel | ''>('');
  const [status, setStatus] = useState<EnrollmentStatus | ''>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filter = {
    gradeLevel: grade || null,
    status: status || null,
    search: search.trim() || null,
    limit: pageSize,
    offset,
  };
  const { data, loading, error, refetch } = useQuery(ClassListQuery, {
    variables: { schoolId, schoolYear, filter },
    fetchPolicy: 'cache-and-network',
  });
  const rows: ClassListRow[] = data?.classList.rows ?? [];
  const total = data?.classList.total ?? 0;

  function download() {
    const url = URL.createObjectURL(
      new Blob([classListCsv(rows)], { type: 'text/csv;charset=utf-8' }),
    );
    Object.assign(document.createElement('a'), {
      href: url,
      download: `class-list-${schoolId}-${schoolYear}${grade ? `-${grade.toLowerCase()}` : ''}.csv`,
    }).click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="class-list-heading">
      <h2 id="class-list-heading">Class list, SY {schoolYear}</h2>
      <form
        className="enroll-form enroll-form--inline"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Grade level"
          value={grade}
          onChange={(g) => {
            setGrade(g);
            setOffset(0);
          }}
          options={gradeOrder.map((g) => [g, gradeLabel[g]] as const)}
          placeholder="All"
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setOffset(0);
          }}
          options={statusOrder.map((v) => [v, statusLabel[v]] as const)}
          placeholder="All"
        />
        <div className="enroll-field">
          <label htmlFor="cl-search">Name or LRN</label>
          <input
            id="cl-search"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        <button type="button" onClick={download} disabled={rows.length === 0}>
          Download CSV
        </button>
      </form>
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      <QueryState
        loading={loading && !data}
        error={error}
        onRetry={() => void refetch()}
        what="the class list"
      />
      {data ? (
        <>
          <table className="data-table">
            <caption>
              Learners{' '}
              {total === 0 ? '(none)' : `${offset + 1}–${offset + rows.length} of ${total}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">LRN</th>
                <th scope="col">Learner</th>
                <th scope="col">Sex</th>
                <th scope="col">Birth date</th>
                <th scope="col">Grade</th>
                <th scope="col">Status</th>
                <th scope="col">Missing documents</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const name = `${r.lastName}, ${r.firstName}${r.middleName ? ` ${r.middleName}` : ''}`;
                const active = [
                  'PRE_REGISTERED',
                  'TEMPORARILY_ENROLLED',
                  'OFFICIALLY_ENROLLED',
                ].includes(r.status);
                return [
                  <tr key={r.enrollmentId}>
                    <td>{r.lrn ?? '—'}</td>
                    <th scope="row">{name}</th>
                    <td>{sexLabel[r.sex]}</td>
                    <td>{r.birthDate}</td>
                    <td>
                      {gradeLabel[r.gradeLevel]}
                      {r.strand ? ` ${r.strand}` : ''}
                    </td>
                    <td>{statusLabel[r.status]}</td>
                    <td>
                      {r.missingDocuments.map((d) => documentLabel[d]).join(', ') || '—'}
                      {r.documentsDueBy && r.missingDocuments.length > 0
                        ? ` (due ${r.documentsDueBy})`
                        : ''}
                    </td>
                    <td>
                      {r.status === 'PRE_REGISTERED' ? (
                        <Link
                          to={routes.enrollLearner(schoolYear, r.learnerId)}
                          aria-label={`Enrol ${name}`}
                          className="enroll-link-button"
                        >
                          Enrol
                        </Link>
                      ) : null}
                      {active ? (
                        <button
                          type="button"
                          className="enroll-secondary"
                          aria-expanded={open === r.enrollmentId}
                          aria-label={`Change ${name}`}
                          onClick={() => setOpen(open === r.enrollmentId ? null : r.enrollmentId)}
                        >
                          Change…
                        </button>
                      ) : null}
                    </td>
                  </tr>,
                  open === r.enrollmentId ? (
                    <tr key={`${r.enrollmentId}-actions`}>
                      <td colSpan={8}>
                        <LearnerActions
                          row={r}
                          calendar={calendar}
                          today={today}
                          onDone={(message) => {
                            setNotice(message);
                            setOpen(null);
                            void refetch();
                          }}
                        />
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
          <div className="enroll-actions">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - pageSize))}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={offset + rows.length >= total}
              onClick={() => setOffset(offset + pageSize)}
            >
              Next page
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
