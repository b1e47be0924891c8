/**
 * One colour per meaning, the same in every chart (issue 21: the sector donut coloured public
 * blue on one page and orange on another, because colours followed the series' order). Okabe–Ito
 * first (distinguishable under the common colour-vision deficiencies), then Paul Tol's muted
 * scheme for the learner categories; greys for what has no other meaning. No two meanings share
 * a colour, so female is never a sector's colour and a legend never lies across pages.
 */
export const meaningColors = {
  // School sectors
  PUBLIC: '#0072B2', // blue
  PRIVATE: '#009E73', // bluish green
  SUC_LUC: '#E69F00', // orange
  // Sex
  MALE: '#56B4E9', // sky blue
  FEMALE: '#CC79A7', // reddish purple
  // Learner categories (and the out-of-school children and youth)
  IP: '#882255', // wine
  SPED: '#332288', // indigo
  BALIK_ARAL: '#999933', // olive
  OSY: '#D55E00', // vermillion
  OSC: '#44AA99', // teal
  FOUR_PS: '#AA4499', // purple
  // Years compared
  THIS_YEAR: '#117733', // green
  LAST_YEAR: '#757575', // grey, drawn dashed
  // A count with no other meaning (learners of a group)
  LEARNERS: '#3B3F46', // slate
  // The gender parity index (females per male), drawn against its own axis
  PARITY: '#994455', // Tol's dark red
  // Where a cohort went the next year (issue 22): Paul Tol's vibrant scheme, safe as a set
  PROMOTED: '#009988', // teal
  REPEATED: '#EE7733', // orange
  COMPLETED: '#0077BB', // blue
  TO_ALS: '#33BBEE', // cyan
  NOT_ENROLLED: '#CC3311', // red
} as const;

export type Meaning = keyof typeof meaningColors;

/** The colour of a meaning, whichever chart draws it. */
export function meaningColor(meaning: Meaning): string {
  return meaningColors[meaning];
}

/**
 * A map's classes, lightest (lowest) to darkest: ColorBrewer's sequential Blues, 5 classes
 * (colour-blind safe, and in print order when photocopied grey). Areas with no data are hatched
 * rather than given a sixth colour, so "no data" never reads as "few".
 */
export const sequentialColors = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
