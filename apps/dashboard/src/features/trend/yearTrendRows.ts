/** One school year of a place: its learners by sex and the gender parity index. */
export interface YearRow {
  schoolYear: string;
  learners: number | null;
  male: number | null;
  female: number | null;
  genderParityIndex: number | null;
}

/**
 * The years of an `enrollmentSummary` grouped by SCHOOL_YEAR, oldest first; years with no
 * enrolled learner (only early registrations) are left out. A withheld count stays null.
 */
export function toYearRows(
  rows: readonly {
    schoolYear?: string | null;
    learners?: number | null;
    male?: number | null;
    female?: number | null;
    genderParityIndex?: number | null;
  }[],
): YearRow[] {
  return rows
    .filter((r) => r.schoolYear && r.learners !== 0)
    .map((r) => ({
      schoolYear: r.schoolYear!,
      learners: r.learners ?? null,
      male: r.male ?? null,
      female: r.female ?? null,
      genderParityIndex: r.genderParityIndex ?? null,
    }))
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}
