/** The columns of a school's learner list as registrars write them (the import's own test files). */
export const importHeader = [
  'LRN',
  'Last Name',
  'First Name',
  'Middle Name',
  'Birth Date',
  'Sex',
  'Grade Level',
  'Admission Basis',
  'Documents',
  'Enrolled On',
  'First Attendance',
];

/**
 * A Grade 4 class of 50, each learner named by `nameOf(i)` ([last, first]); rows 10, 25 and 40
 * (file rows 11, 26 and 41) are bad: no such date, no such grade, no such sex.
 */
export function gradeFourClassOf50(nameOf: (i: number) => [string, string]): string[][] {
  const rows = Array.from({ length: 50 }, (_, i) => [
    '',
    ...nameOf(i),
    'Santos',
    `2016-03-${String((i % 28) + 1).padStart(2, '0')}`,
    i % 2 === 0 ? 'F' : 'M',
    'Grade 4',
    'CONTINUING',
    'SF9',
    '2026-06-08',
    '2026-06-15',
  ]);
  rows[9]![4] = '2016-02-30';
  rows[24]![6] = 'Grade 14';
  rows[39]![5] = 'X';
  return rows;
}

/** The rows under the header as CSV, a cell with a quote or comma quoted. */
export const importCsv = (rows: string[][]) =>
  [importHeader, ...rows]
    .map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(','))
    .join('\n');
