import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterField {
  name: string;
  label: string;
  options: FilterOption[];
  /** Several values at once (checkboxes); else one (a select). */
  multiple?: boolean;
  /** A single-value field that must have a value: no "All" choice. */
  required?: boolean;
}

export interface FilterBarProps {
  fields: FilterField[];
  values: Record<string, string[]>;
  onChange: (name: string, values: string[]) => void;
  onReset?: () => void;
}

/** The report filters: selects for one value, checkbox lists for several. */
export function FilterBar({ fields, values, onChange, onReset }: FilterBarProps) {
  const id = useId();
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {fields.map((field) => {
        const selected = values[field.name] ?? [];
        const fieldId = `${id}-${field.name}`;
        if (!field.multiple) {
          return (
            <div key={field.name} className="filter-bar__field">
              <label htmlFor={fieldId}>{field.label}</label>
              <select
                id={fieldId}
                value={selected[0] ?? ''}
                onChange={(event) =>
                  onChange(field.name, event.target.value ? [event.target.value] : [])
                }
              >
                {field.required ? null : <option value="">All</option>}
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          );
        }
        const summary =
          selected.length === 0
            ? 'All'
            : selected.length === 1
              ? (field.options.find((o) => o.value === selected[0])?.label ?? selected[0])
              : `${selected.length} selected`;
        return (
          <details key={field.name} className="filter-bar__field filter-bar__multi">
            <summary>
              {field.label}: <span className="filter-bar__summary">{summary}</span>
            </summary>
            <fieldset>
              <legend className="visually-hidden">{field.label}</legend>
              {field.options.map((option) => {
                const checked = selected.includes(option.value);
                return (
                  <label key={option.value} className="filter-bar__option">
                    <input
                      type="checkbox"
                      name={field.name}
                      value={option.value}
                      checked={checked}
                      onChange={() =>
                        onChange(
                          field.name,
                          checked
                            ? selected.filter((v) => v !== option.value)
                            : field.options
                                .map((o) => o.value)
                                .filter((v) => v === option.value || selected.includes(v)),
                        )
                      }
                    />
                    {option.label}
                  </label>
                );
              })}
            </fieldset>
          </details>
        );
      })}
      {onReset ? (
        <button type="button" className="button--secondary" onClick={onReset}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
