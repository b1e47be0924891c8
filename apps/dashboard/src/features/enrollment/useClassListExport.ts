import { useApolloClient } from '@apollo/client/react';
import { type EnrollmentStatus, type GradeLevel } from '@repo/domain/enums';
import { type ClassListExportFormat } from '@repo/domain/school-register';
import { useEffect, useRef, useState } from 'react';
import { type EnrollClassListExportQuery } from '../../gql/graphql.js';
import { classListCsv } from './class-list-csv.js';
import { ClassListExportQuery } from './enrollment.queries.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';

export type ClassListExport = EnrollClassListExportQuery;

export interface ClassListSelection {
  schoolId: string;
  schoolYear: string;
  grade: GradeLevel | '';
  status: EnrollmentStatus | '';
  search: string;
}

/**
 * The class list's CSV and its SF1: every learner the filters select, not the page on screen,
 * asked for as an export (audited as one by the API). Not cached: personal data is fetched for
 * the file or the print and kept no longer than the print needs it.
 */
export function useClassListExport(selection: ClassListSelection) {
  const client = useApolloClient();
  const [busy, setBusy] = useState<ClassListExportFormat | null>(null);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [register, setRegister] = useState<ClassListExport | null>(null);
  const [last, setLast] = useState<ClassListExportFormat>('CSV');

  // The SF1 is printed once it is on the page (once, even where an effect runs twice); after the
  // print it is dropped.
  const printed = useRef<ClassListExport | null>(null);
  useEffect(() => {
    if (!register) return;
    const drop = () => setRegister(null);
    window.addEventListener('afterprint', drop);
    if (printed.current !== register) {
      printed.current = register;
      window.print();
    }
    return () => window.removeEventListener('afterprint', drop);
  }, [register]);

  async function fetchAll(format: ClassListExportFormat) {
    setBusy(format);
    setLast(format);
    setFailure(noFailure);
    try {
      const { data } = await client.query({
        query: ClassListExportQuery,
        variables: {
          schoolId: selection.schoolId,
          schoolYear: selection.schoolYear,
          format,
          filter: {
            gradeLevel: selection.grade || null,
            status: selection.status || null,
            search: selection.search.trim() || null,
          },
        },
        fetchPolicy: 'no-cache',
      });
      return data ?? null;
    } catch (error) {
      setFailure(toFormFailure(error));
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function downloadCsv() {
    const data = await fetchAll('CSV');
    if (!data) return;
    const url = URL.createObjectURL(
      new Blob([classListCsv(data.classListExport.rows.map((r) => r.entry))], {
        type: 'text/csv;charset=utf-8',
      }),
    );
    const { schoolId, schoolYear, grade } = selection;
    Object.assign(document.createElement('a'), {
      href: url,
      download: `class-list-${schoolId}-${schoolYear}${grade ? `-${grade.toLowerCase()}` : ''}.csv`,
    }).click();
    URL.revokeObjectURL(url);
  }

  async function printSf1() {
    const data = await fetchAll('SF1');
    if (data) setRegister(data);
  }

  /** Try again: the export that failed, as it was asked for. */
  const retry = () => void (last === 'SF1' ? printSf1() : downloadCsv());

  return { busy, failure, register, downloadCsv, printSf1, retry };
}
