import { describe, expect, it } from 'vitest';
import {
  countColumn,
  tableColumns,
  tableCsv,
  type TextColumn,
  unknownMark,
} from './textColumns.js';

interface Row {
  name: string;
  learners: number;
  district: string | null;
}
const columns: TextColumn<Row>[] = [
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

  it('shows counts as en-PH writes them and unknowns as the CSV does', () => {
    const shown = tableColumns(columns).map((c) => c.render(rows[0]!));
    expect(shown).toEqual(['La Paz Integrated School', '1,104', 'La Paz']);
    expect(tableColumns(columns)[2]!.render(rows[1]!)).toBe(unknownMark);
  });
});
