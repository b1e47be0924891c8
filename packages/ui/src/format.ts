const integer = new Intl.NumberFormat('en-PH', { maximumFractionDigits: 0 });
const signed = new Intl.NumberFormat('en-PH', {
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const percent = new Intl.NumberFormat('en-PH', { style: 'percent', maximumFractionDigits: 1 });
const ratio = new Intl.NumberFormat('en-PH', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Whole numbers as Filipino readers write them: 1,234,567. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A change, with its sign: +1,234, −56, 0. */
export function formatChange(value: number): string {
  return signed.format(value);
}

/** A share of 0 to 1 as a percentage with one decimal: 48.7%. */
export function formatPercent(share: number): string {
  return percent.format(share);
}

/** An index such as the gender parity index, with two decimals: 0.97. */
export function formatIndex(value: number): string {
  return ratio.format(value);
}

/** A count with its noun, singular for exactly one: "1 row", "1,104 rows", "0 schools". */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
