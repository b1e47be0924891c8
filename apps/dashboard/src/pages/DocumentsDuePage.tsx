import { useApolloClient, useQuery } from '@apollo/client/react';
import { DocumentType } from '@repo/domain/enums';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { DataTable } from '@repo/ui/DataTable';
import { formatCount } from '@repo/ui/format';
import { QueryState } from '@repo/ui/QueryState';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SignInPrompt } from '../features/auth/SignInPrompt.js';
import { useViewer } from '../features/auth/useViewer.js';
import { documentsDueQuery } from '../features/division/documents-due.queries.js';
import { type DocumentDue, documentsDueColumns } from '../features/division/documentsDueColumns.js';
import { DocumentsDueFilters } from '../features/division/DocumentsDueFilters.js';
import { defaultReportYear } from '../features/filters/reportFilters.js';
import { useSchoolYears } from '../features/filters/useReportFilters.js';
import { downloadCsv, tableCsv } from '../features/tables/textColumns.js';
import { type DocumentsDueFilter } from '../gql/graphql.js';

/** Rows a page of the table shows; the CSV holds every row. */

/** The filter of the URL: `school`, `district`, `doc` and `due`. */
function filterOf(params: URLSearchParams): DocumentsDueFilter {
  const due = params.get('due');
  const doc = params.get('doc');
  return {
    schoolId: params.get('school'),
    districtId: params.get('district'),
    documentType: doc && doc in DocumentType ? (doc as DocumentType) : null,
    dueState: due === 'OVERDUE' || due === 'DUE_SOON' ? due : null,
  };
}

/**
 * The division's follow-up (SPEC §1; DO 03 s. 2018 §V.C): one list of the temporarily enrolled
 * learners of all its schools whose documents are overdue or due within two weeks, the most urgent
 * first, filtered by school, district, document and due state (in the URL), and its CSV. A school
 * account sees its own school's.
 */
export function DocumentsDuePage() {
  const { viewer, loading: signingIn } = useViewer();
  const [params, setParams] = useSearchParams();
  const years = useSchoolYears();
  const schoolYear = params.get('sy') ?? defaultReportYear(years.enrolled, years.current);
  const filter = filterOf(params);
  const followsUp = viewer?.scopeKind === 'DIVISION' || viewer?.scopeKind === 'SCHOOL';
  const { data, previousData, loading, error, refetch } = useQuery(documentsDueQuery, {
    variables: { schoolYear: schoolYear ?? '', filter, forExport: false },
    skip: !followsUp || !schoolYear,
  });
  const title = `Documents overdue and due soon${schoolYear ? `, SY ${schoolYear}` : ''}`;
  if (!viewer) {
    return (
      <>
        <h1>{title}</h1>
        {signingIn ? null : <SignInPrompt what="the documents due" />}
      </>
    );
  }
  if (!followsUp) {
    return (
      <>
        <h1>{title}</h1>
        <p className="empty-state">
          The follow-up of learners’ documents is for school and division accounts: regional and
          national accounts see counts only.
        </p>
      </>
    );
  }
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const list = (data ?? previousData)?.documentsDue;
  return (
    <>
      <h1>{title}</h1>
      <DataAsOf asOf={list?.asOf} />
      <p className="note">
        Temporarily enrolled learners whose documents are past their deadline or due within two
        weeks (DO 03 s. 2018 §V.C), the most urgent first. Each list shown or downloaded is recorded
        on the learners’ audit trail.
      </p>
      <DocumentsDueFilters
        params={params}
        years={years.enrolled}
        schoolYear={schoolYear}
        divisionId={viewer.division?.id ?? null}
        schools={list?.schools ?? []}
        onSet={set}
      />
      <QueryState
        loading={loading && !list}
        error={error}
        onRetry={() => void refetch()}
        what="documents due"
      />
      {list && schoolYear ? (
        <DocumentsDueList list={list} schoolYear={schoolYear} filter={filter} />
      ) : null}
    </>
  );
}

type List = { total: number; cap: number; rows: DocumentDue[] };

/** The list a page at a time, and all of it as CSV (read again as an export, which is audited). */
function DocumentsDueList({
  list,
  schoolYear,
  filter,
}: {
  list: List;
  schoolYear: string;
  filter: DocumentsDueFilter;
}) {
  const client = useApolloClient();
  const [exportError, setExportError] = useState<string | null>(null);
  const overdue = list.rows.filter((r) => r.dueState === 'OVERDUE').length;

  async function download() {
    setExportError(null);
    try {
      const { data } = await client.query({
        query: documentsDueQuery,
        variables: { schoolYear, filter, forExport: true },
        fetchPolicy: 'network-only',
      });
      const rows = data?.documentsDue.rows ?? [];
      downloadCsv(`documents-due-${schoolYear}.csv`, tableCsv(documentsDueColumns, rows));
    } catch {
      setExportError('The list could not be downloaded. Try again.');
    }
  }

  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => void download()} disabled={list.rows.length === 0}>
          Download CSV
        </button>
        <span className="note" role="status">
          {formatCount(list.total)} {list.total === 1 ? 'learner' : 'learners'}:{' '}
          {formatCount(overdue)} overdue, {formatCount(list.rows.length - overdue)} due within 14
          days
          {list.total > list.rows.length
            ? `; the ${formatCount(list.cap)} most urgent are listed: narrow by school or district`
            : ''}
          .
        </span>
        {exportError ? <span role="alert">{exportError}</span> : null}
      </div>
      <DataTable
        caption="Learners with documents overdue or due soon"
        rows={list.rows}
        rowKey={(r) => r.enrollmentId}
        empty="No temporarily enrolled learner here has documents overdue or due within 14 days."
        columns={documentsDueColumns}
        pageSize={100}
      />
    </>
  );
}
