/**
 * A count as the API gave it: a number (cells with a learner category perturbed by the cell-key
 * method for roles without personal data; docs/privacy.md), or none (null) where the API gives no
 * count. Nothing is withheld any more (issue 18), but a null still shows as a dash, never as 0.
 */
export function count(value: number | null) {
  return (
    value ?? (
      <span title="No count">
        —<span className="visually-hidden"> (no count)</span>
      </span>
    )
  );
}
