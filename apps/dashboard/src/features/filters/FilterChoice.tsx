/** One labelled choice of a filter bar: a select whose value lives in the URL. */
export function FilterChoice({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The school year: those with data, and the one shown even when it has none yet. */
export function SchoolYearChoice({
  id,
  years,
  schoolYear,
  onChange,
}: {
  id: string;
  years: readonly string[];
  schoolYear: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <FilterChoice
      id={id}
      label="School year"
      value={schoolYear ?? ''}
      options={[...new Set([...years, ...(schoolYear ? [schoolYear] : [])])]
        .sort()
        .map((year) => ({ value: year, label: `SY ${year}` }))}
      onChange={onChange}
    />
  );
}
