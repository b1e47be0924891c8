import { type Dimension } from '@repo/domain/enums';
import { type Column } from '@repo/ui/DataTable';
import { formatChange, formatIndex } from '@repo/ui/format';
import { dimensionLabel } from '../labels.js';
import { comparable } from '../summary/summaryRows.js';
import { countColumn } from '../tables/textColumns.js';
import { type ExploreRow } from './exploreQuery.js';
import { dimensionValue } from './exploreRows.js';

/** A column per dimension, then the measures: the screen's cells and the CSV's alike. */
export function exploreColumns(dimensions: Dimension[]): Column<ExploreRow>[] {
  return [
    ...dimensions.map((dimension): Column<ExploreRow> => ({
      key: dimension,
      header: dimensionLabel[dimension],
      value: (row) => dimensionValue(row, dimension),
    })),
    countColumn('learners', 'Learners', (r) => r.learners),
    countColumn('male', 'Male', (r) => r.male),
    countColumn('female', 'Female', (r) => r.female),
    {
      key: 'gpi',
      header: 'GPI',
      numeric: true,
      value: (r) => r.genderParityIndex,
      format: formatIndex,
    },
    // A year without figures is unknown, not 0: "0" made every group grow by 100% (issue 21).
    countColumn('previous', 'Previous year', (r) => r.previousYearLearners || null),
    { key: 'change', header: 'Change', numeric: true, value: comparable, format: formatChange },
  ];
}
