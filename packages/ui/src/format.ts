const integer = new Intl.NumberFormat('en-PH', { maximumFractionDigits: 0 });

/** Whole numbers as Filipino readers write them: 1,234,567. */
export function formatCount(value: number): string {
  return integer.format(value);
}
