/** A Learner Reference Number: 12 digits, permanent and unique (DO 03 s. 2018 §VI). */
export type Lrn = string & { readonly __brand: 'Lrn' };

/**
 * DO 03 s. 2018 §VI: one unique, permanent LRN per learner. Only the form is checked
 * (12 digits); no meaning is read from the digits.
 */
export function isLrn(value: string): value is Lrn {
  return /^\d{12}$/.test(value);
}
