import { DataTable } from '@repo/ui/DataTable';
import { statusLabel } from '../labels.js';
import { countColumn } from '../tables/textColumns.js';
import { type Total } from './summaryRows.js';

/** Learners by enrollment status (§V.B-§V.E), and the moves of the year. */
export function StatusTable({ total }: { total: Total }) {
  const rows = [
    { key: 'pre', label: statusLabel.PRE_REGISTERED, value: total.preRegistered },
    { key: 'official', label: statusLabel.OFFICIALLY_ENROLLED, value: total.officiallyEnrolled },
    { key: 'temporary', label: statusLabel.TEMPORARILY_ENROLLED, value: total.temporarilyEnrolled },
    { key: 'movedIn', label: 'Moved in', value: total.movedIn },
    { key: 'transferredIn', label: 'Of those, transferred in', value: total.transferredIn },
    { key: 'movedOut', label: statusLabel.MOVED_OUT, value: total.movedOut },
    { key: 'transferredOut', label: 'Of those, transferred out', value: total.transferredOut },
    { key: 'als', label: statusLabel.TRANSFERRED_TO_ALS, value: total.transferredToAls },
    { key: 'dropped', label: statusLabel.DROPPED_OUT, value: total.droppedOut },
  ];
  return (
    <DataTable
      caption="Enrollment statuses"
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { key: 'status', header: 'Status', value: (r) => r.label, sortable: false },
        {
          ...countColumn('learners', 'Learners', (r: (typeof rows)[number]) => r.value),
          sortable: false,
        },
      ]}
    />
  );
}
