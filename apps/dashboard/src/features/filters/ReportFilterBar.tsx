import { FilterBar } from '@repo/ui/FilterBar';
import { filterFields } from './reportFilters.js';
import { type useReportFilters } from './useReportFilters.js';

/** The filter bar bound to the URL. */
export function ReportFilterBar({ report }: { report: ReturnType<typeof useReportFilters> }) {
  return (
    <FilterBar
      fields={filterFields(report.schoolYearOptions)}
      values={report.fieldValues}
      onChange={report.setField}
      onReset={report.reset}
    />
  );
}
