// What the enrollment data sets are made of: cells of learners, and a learner drawn for a cell.
// Read by the data set (enrollment-dataset.ts) and by the rows and the copy of its load.

export type DataSourceTag = 'OFFICIAL_SY2023_24' | 'SYNTHESISED_SY2023_24' | 'SYNTHETIC';

/** So many learners of one sex in one grade (and strand) of one school. */
export interface Cell {
  schoolId: number;
  gradeLevel: string;
  strand: string | null;
  sex: 'MALE' | 'FEMALE';
  learners: number;
  source: DataSourceTag;
}

/** A learner of a cell as the data set draws it. */
export interface DrawnLearner {
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** The birth date, YYYY-MM-DD. */
  birth: string;
  ip: boolean;
  sped: boolean;
  fourPs: boolean;
  balikAral: boolean;
  admissionBasis: string;
}
