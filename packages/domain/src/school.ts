export { Sector, sectorLabel } from './enums.js';

/** The levels a school may offer (SPEC §2): Kindergarten, elementary, junior and senior high. */
export const SchoolLevel = {
  KINDERGARTEN: 'KINDERGARTEN',
  ELEMENTARY: 'ELEMENTARY',
  JUNIOR_HIGH: 'JUNIOR_HIGH',
  SENIOR_HIGH: 'SENIOR_HIGH',
} as const;
export type SchoolLevel = (typeof SchoolLevel)[keyof typeof SchoolLevel];

export const schoolLevelLabel: Record<SchoolLevel, string> = {
  KINDERGARTEN: 'Kindergarten',
  ELEMENTARY: 'Elementary',
  JUNIOR_HIGH: 'Junior high',
  SENIOR_HIGH: 'Senior high',
};

/** "K, Elementary, JHS" style summary of the levels a school offers, in school order. */
export function toLevelsSummary(levels: readonly SchoolLevel[]): string {
  const short: Record<SchoolLevel, string> = {
    KINDERGARTEN: 'K',
    ELEMENTARY: 'Elementary',
    JUNIOR_HIGH: 'JHS',
    SENIOR_HIGH: 'SHS',
  };
  const order = Object.values(SchoolLevel);
  return [...levels]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((level) => short[level])
    .join(', ');
}

/** DepEd's School ID as written: six digits, leading zeros kept (SPEC §2). */
export function formatSchoolId(id: number): string {
  return String(id).padStart(6, '0');
}
