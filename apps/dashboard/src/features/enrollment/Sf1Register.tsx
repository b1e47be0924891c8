import './sf1.css';
import { type SchoolCalendar, policyDates } from '@repo/domain/school-year';
import { registerAge, sf1RemarkLegend, sf1Remarks } from '@repo/domain/school-register';
import { formatCount } from '@repo/ui/format';
import { gradeLabel } from '../labels.js';
import { type ClassListExport } from './useClassListExport.js';

type Exported = ClassListExport['classListExport']['rows'][number];
/** A learner's row with the register's columns beside the class list's. */
type Row = Exported['entry'] & Omit<Exported, 'entry'>;
type School = NonNullable<ClassListExport['school']>;

/** 2025-08-31 as the SF1 writes dates: 08/31/2025. */
const sf1Date = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

/** The rows of each grade (and strand) in the list's grade order; males first, as the SF1 lists. */
function sheetsOf(exported: readonly Exported[]) {
  const sheets = new Map<string, Row[]>();
  for (const { entry, ...register } of exported) {
    const row = { ...entry, ...register };
    const key = `${row.gradeLevel}|${row.strand ?? ''}`;
    sheets.set(key, [...(sheets.get(key) ?? []), row]);
  }
  return [...sheets.values()].map((sheet) =>
    [...sheet].sort((a, b) => (a.sex === b.sex ? 0 : a.sex === 'MALE' ? -1 : 1)),
  );
}

/**
 * The class list as School Form 1, the school register, for print only (sf1.css): a header block
 * with the school, its place and the year; one table of the learners of a grade; the counts by sex
 * and the adviser's and head's signatures; each grade on a page of its own. Address, parents and
 * guardian are not printed: the class list does not carry them, and the register's paper copy
 * should not be the way they leave the system (the adviser writes them in from the learner's
 * enrollment form).
 */
export function Sf1Register({
  data,
  schoolYear,
  calendar,
  today,
}: {
  data: ClassListExport;
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
}) {
  const { ageCutoff } = policyDates(calendar);
  const school = data.school;
  return (
    <div className="sf1">
      {sheetsOf(data.classListExport.rows).map((rows) => (
        <section
          className="sf1-sheet"
          key={`${rows[0]!.gradeLevel}-${rows[0]!.strand ?? ''}`}
          aria-label={`SF1, ${gradeLabel[rows[0]!.gradeLevel]}`}
        >
          {school ? <Sf1Header school={school} schoolYear={schoolYear} first={rows[0]!} /> : null}
          <Sf1Table rows={rows} ageCutoff={ageCutoff} />
          <Sf1Footer rows={rows} ageCutoff={ageCutoff} today={today} />
        </section>
      ))}
    </div>
  );
}

function Sf1Header({
  school,
  schoolYear,
  first,
}: {
  school: School;
  schoolYear: string;
  first: Row;
}) {
  const fields: [string, string][] = [
    ['School ID', school.schoolId],
    ['Region', school.region.name],
    ['Division', school.division.name],
    ['District', school.district?.name ?? ''],
    ['School Name', school.name],
    ['School Year', schoolYear],
    ['Grade Level', `${gradeLabel[first.gradeLevel]}${first.strand ? ` ${first.strand}` : ''}`],
    ['Section', ''],
  ];
  return (
    <header className="sf1-header">
      <p className="sf1-title">School Form 1 (SF 1) School Register</p>
      <dl className="sf1-fields">
        {fields.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

function Sf1Table({ rows, ageCutoff }: { rows: Row[]; ageCutoff: string }) {
  return (
    <table className="sf1-table">
      <thead>
        <tr>
          <th rowSpan={2}>LRN</th>
          <th colSpan={4}>Name</th>
          <th rowSpan={2}>Sex (M/F)</th>
          <th rowSpan={2}>Birth Date (mm/dd/yyyy)</th>
          <th rowSpan={2}>Age on {sf1Date(ageCutoff)}</th>
          <th rowSpan={2}>Mother Tongue</th>
          <th rowSpan={2}>IP (Ethnic Group)</th>
          <th rowSpan={2}>Remarks</th>
        </tr>
        <tr>
          <th>Last Name</th>
          <th>First Name</th>
          <th>Name Extension</th>
          <th>Middle Name</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.enrollmentId}>
            <td>{r.lrn ?? ''}</td>
            <td>{r.lastName}</td>
            <td>{r.firstName}</td>
            <td>{r.extensionName ?? ''}</td>
            <td>{r.middleName ?? ''}</td>
            <td>{r.sex === 'MALE' ? 'M' : 'F'}</td>
            <td>{sf1Date(r.birthDate)}</td>
            <td>{registerAge(r.birthDate, ageCutoff)}</td>
            <td>{r.motherTongue ?? ''}</td>
            <td>{r.ipCommunity ?? ''}</td>
            <td>{sf1Remarks(r.status, r.categories).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sf1Footer({ rows, ageCutoff, today }: { rows: Row[]; ageCutoff: string; today: string }) {
  const male = rows.filter((r) => r.sex === 'MALE').length;
  return (
    <footer className="sf1-footer">
      <dl className="sf1-fields">
        <div>
          <dt>Male</dt>
          <dd>{formatCount(male)}</dd>
        </div>
        <div>
          <dt>Female</dt>
          <dd>{formatCount(rows.length - male)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatCount(rows.length)}</dd>
        </div>
      </dl>
      <p className="sf1-legend">
        Remarks:{' '}
        {Object.entries(sf1RemarkLegend)
          .map(([code, meaning]) => `${code} ${meaning}`)
          .join('; ')}
        . Age on the age cut-off date, {sf1Date(ageCutoff)} (DO 03 s. 2018 §V.A). Printed{' '}
        {sf1Date(today)}: personal data under the Data Privacy Act, kept with the school&apos;s
        records.
      </p>
      <div className="sf1-signatures">
        <p>Prepared by: (signature of the class adviser over printed name)</p>
        <p>Certified correct: (signature of the school head over printed name)</p>
      </div>
    </footer>
  );
}
