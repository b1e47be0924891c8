/**
 * Okabe–Ito: distinguishable under the common colour-vision deficiencies. Order chosen so the
 * first two (used for male / female and for this year / last year) differ in lightness too.
 */
export const palette = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#E69F00', // orange
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  '#000000',
] as const;

export function seriesColor(index: number): string {
  return palette[index % palette.length]!;
}
