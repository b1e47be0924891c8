/**
 * A count as the API gave it: a number, or withheld (null) because it is small enough to point at
 * a few learners (the API's SMALL_COUNT_THRESHOLD rule).
 */
export function count(value: number | null) {
  return (
    value ?? (
      <span title="Withheld: a small count">
        —<span className="visually-hidden"> (withheld: a small count)</span>
      </span>
    )
  );
}
