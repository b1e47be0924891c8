import { type Column } from '@repo/ui/DataTable';
import { describe, expect, it } from 'vitest';
import { countColumn, tableCsv, unknownMark } from './textColumns.js';

interface Row {
  name: string;
  learners: number;
  district: string | null;
}
const columns: Column<Row>[] = [
  { key: 'name', header: 'School', value: (r) => r.name },
  countColumn('learners', 'Learners', (r) => r.learners),
  { key: 'district', header: 'District', value: (r) => r.district },
];
const rows: Row[] = [
  { name: 'La Paz Integrated School', learners: 1104, district: 'La Paz' },
  { name: '=HYPERLINK("x")', learners: 0, district: null },
];

describe('a table and its CSV from one set of columns (issue 21)', () => {
  it('writes what the screen shows: the headings, every row, "—" for an unknown', () => {
    expect(tableCsv(columns, rows).split('\n')).toEqual([
      'School,Learners,District',
      'La Paz Integrated School,1104,La Paz',
      // A cell a spreadsheet would run as a formula opens as text.
      `"'=HYPERLINK(""x"")",0,${unknownMark}`,
      '',
    ]);
  });
});
