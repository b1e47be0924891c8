import { type ReactNode, useId } from 'react';
import { Field } from './Field.js';
import { TableFrame } from '@repo/ui/TableFrame';

/** A date typed or picked (YYYY-MM-DD), with its label, hint and error. */
export function DateField({
  label,
  value,
  onChange,
  error,
  hint,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="date"
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice among labelled values; `placeholder` adds an empty first option. */
export function SelectField<T extends string>({
  label,
  value,
  onChange,
  options,
  error,
  placeholder = 'Choose…',
  disabled,
}: {
  label: string;
  value: T | '';
  onChange: (value: T) => void;
  options: readonly (readonly [T, string])[];
  error?: string | undefined;
  placeholder?: string | null;
  disabled?: boolean;
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select
          {...p}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {placeholder !== null ? <option value="">{placeholder}</option> : null}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Checkboxes in a fieldset, one per value; the error names the group's field and rule. */
export function CheckboxList<T extends string>({
  legend,
  values,
  selected,
  onChange,
  labelOf,
  error,
  nested = false,
}: {
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  labelOf: (value: T) => ReactNode;
  error?: string | undefined;
  nested?: boolean;
}) {
  const errorId = useId();
  return (
    <fieldset className={`enroll-fieldset${nested ? ' enroll-fieldset--nested' : ''}`}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="enroll-check">
          <input
            type="checkbox"
            checked={selected.includes(v)}
            // The group's error marks each box: a refusal moves the focus to the first one.
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, v] : selected.filter((x) => x !== v))
            }
          />
          {labelOf(v)}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="enroll-field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Learners found in the registry, each with why it matched and an action beside it (SPEC §3). */
export function CandidateTable<Row extends { learnerId: string; reasons: readonly string[] }>({
  caption,
  rows,
  columns,
  action,
}: {
  caption: string;
  rows: readonly Row[];
  columns: readonly { header: string; render: (row: Row) => ReactNode }[];
  action?: (row: Row) => ReactNode;
}) {
  const table = (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          {action ? (
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.learnerId}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.header} scope="row">
                  {c.render(row)}
                </th>
              ) : (
                <td key={c.header}>{c.render(row)}</td>
              ),
            )}
            {action ? <td>{action(row)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <TableFrame label={caption}>{table}</TableFrame>;
}

/** One line of text, with its label, hint and error. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => <input {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
