import { useQuery } from '@apollo/client/react';
import { type EnrollmentStatus, type GradeLevel, sexLabel } from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { formatCount, formatCountOf } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { TableFrame } from '@repo/ui/TableFrame';
import { useState } from 'react';
import { Link } from 'react-router';
import { gradeLabel, gradeOrder, statusLabel, statusOrder } from '../labels.js';
import { type ClassListRow } from './class-list-csv.js';
import { documentLabel } from './enrollment-labels.js';
import { routes } from '../../routes.js';
import { ClassListQuery } from './enrollment.queries.js';
import { FailureNotice } from './FailureNotice.js';
import { SelectField } from './inputs.js';
import { LearnerActions } from './LearnerActions.js';
import { Sf1Register } from './Sf1Register.js';
import { useClassListExport } from './useClassListExport.js';

const pageSize = 100;

interface ClassListProps {
  schoolId: string;
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
}

/**
 * The school's class list for a year, filtered, a page at a time; all of it as CSV or printed as
 * the SF1; a row's actions open below it.
 */
export function ClassList(props: ClassListProps) {
  const { schoolYear } = props;
  const list = useClassList(props.schoolId, schoolYear);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, rows, total, offset, exports } = list;
  const caption = `Learners ${
    total === 0
      ? '(none)'
      : `${formatCount(offset + 1)}–${formatCount(offset + rows.length)} of ${formatCount(total)}`
  }`;

  return (
    <section aria-labelledby="class-list-heading">
      <h2 id="class-list-heading">Class list, SY {schoolYear}</h2>
      <DataAsOf asOf={data?.classList.asOf} />
      <ClassListFilters list={list} />
      <div aria-live="polite">
        {notice ? <p className="enroll-notice">{notice}</p> : null}
        {exports.busy ? (
          <p className="enroll-notice">
            {exports.busy === 'SF1' ? 'Preparing the SF1' : 'Preparing the CSV'} of{' '}
            {formatCountOf(total, 'learner')}…
          </p>
        ) : null}
      </div>
      <FailureNotice
        failure={exports.failure}
        busy={exports.busy !== null}
        onRetry={exports.retry}
      />
      <QueryState
        loading={list.loading && !data}
        error={list.error}
        onRetry={() => void list.refetch()}
        what="the class list"
      />
      {data ? (
        <>
          <TableFrame label={caption}>
            <table className="data-table">
              <caption>{caption}</caption>
              <ClassListHead />
              <tbody>
                {rows.map((r) => (
                  <ClassListEntry
                    key={r.enrollmentId}
                    row={r}
                    props={props}
                    open={open === r.enrollmentId}
                    onToggle={() => setOpen(open === r.enrollmentId ? null : r.enrollmentId)}
                    onDone={(message) => {
                      setNotice(message);
                      setOpen(null);
                      void list.refetch();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </TableFrame>
          <ClassListPager list={list} />
        </>
      ) : null}
      {exports.register ? (
        <Sf1Register
          data={exports.register}
          schoolYear={schoolYear}
          calendar={props.calendar}
          today={props.today}
        />
      ) : null}
    </section>
  );
}

function ClassListPager({ list }: { list: ReturnType<typeof useClassList> }) {
  const { offset, rows, total } = list;
  return (
    <div className="enroll-actions">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => list.setOffset(Math.max(0, offset - pageSize))}
      >
        Previous page
      </button>
      <button
        type="button"
        disabled={offset + rows.length >= total}
        onClick={() => list.setOffset(offset + pageSize)}
      >
        Next page
      </button>
    </div>
  );
}

/** The filters, the page of the list they select, and its exports. */
function useClassList(schoolId: string, schoolYear: string) {
  const [grade, setGrade] = useState<GradeLevel | ''>('');
  const [status, setStatus] = useState<EnrollmentStatus | ''>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
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
  const exports = useClassListExport({ schoolId, schoolYear, grade, status, search });

  // A changed filter starts again from the first page.
  const fromFirstPage =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  return {
    grade,
    status,
    search,
    offset,
    setOffset,
    setGrade: fromFirstPage(setGrade),
    setStatus: fromFirstPage(setStatus),
    setSearch: fromFirstPage(setSearch),
    data,
    loading,
    error,
    refetch,
    rows,
    total: data?.classList.total ?? 0,
    exports,
  };
}

function ClassListFilters({ list }: { list: ReturnType<typeof useClassList> }) {
  return (
    <form
      className="enroll-form enroll-form--inline"
      role="search"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label="Grade level"
        value={list.grade}
        onChange={list.setGrade}
        options={gradeOrder.map((g) => [g, gradeLabel[g]] as const)}
        placeholder="All"
      />
      <SelectField
        label="Status"
        value={list.status}
        onChange={list.setStatus}
        options={statusOrder.map((v) => [v, statusLabel[v]] as const)}
        placeholder="All"
      />
      <div className="enroll-field">
        <label htmlFor="cl-search">Name or LRN</label>
        <input
          id="cl-search"
          type="search"
          value={list.search}
          onChange={(e) => list.setSearch(e.target.value)}
        />
      </div>
      <button
        type="button"
        onClick={() => void list.exports.downloadCsv()}
        disabled={list.total === 0 || list.exports.busy !== null}
      >
        Download CSV
      </button>
      <button
        type="button"
        onClick={() => void list.exports.printSf1()}
        disabled={list.total === 0 || list.exports.busy !== null}
      >
        Print SF1
      </button>
    </form>
  );
}

function ClassListHead() {
  return (
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
  );
}

const activeStatuses = ['PRE_REGISTERED', 'TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED'];

/** One learner's row; a pre-registration is enrolled from it, an active enrollment changed below it. */
function ClassListEntry({
  row: r,
  props: { schoolYear, calendar, today },
  open,
  onToggle,
  onDone,
}: {
  row: ClassListRow;
  props: ClassListProps;
  open: boolean;
  onToggle: () => void;
  onDone: (message: string) => void;
}) {
  const name = `${r.lastName}, ${r.firstName}${r.middleName ? ` ${r.middleName}` : ''}`;
  return (
    <>
      <tr>
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
          {r.documentsDueBy && r.missingDocuments.length > 0 ? ` (due ${r.documentsDueBy})` : ''}
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
          {activeStatuses.includes(r.status) ? (
            <button
              type="button"
              className="enroll-secondary"
              aria-expanded={open}
              aria-label={`Change ${name}`}
              onClick={onToggle}
            >
              Change…
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={8}>
            <LearnerActions row={r} calendar={calendar} today={today} onDone={onDone} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
