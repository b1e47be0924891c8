/**
 * The columns of a school's learner list, the spreadsheet a registrar imports (SPEC §4.5: every
 * learner enrolled in a school registered with a profile): each column's heading, which the
 * downloadable template writes, and the other names a registrar's own spreadsheet may give it.
 * The importer reads by these names and the template is made from these headings, so the two
 * cannot drift apart.
 */
export const learnerListColumns = {
  lrn: { heading: 'LRN', otherNames: ['learner reference number'] },
  lastName: { heading: 'Last Name', otherNames: ['lastname', 'surname', 'family name'] },
  firstName: { heading: 'First Name', otherNames: ['firstname', 'given name'] },
  middleName: { heading: 'Middle Name', otherNames: ['middlename'] },
  extensionName: {
    heading: 'Extension',
    otherNames: ['extension name', 'name extension', 'suffix'],
  },
  birthDate: { heading: 'Birth Date', otherNames: ['birthdate', 'date of birth', 'birthday'] },
  sex: { heading: 'Sex', otherNames: ['gender'] },
  gradeLevel: { heading: 'Grade Level', otherNames: ['grade'] },
  strand: { heading: 'Strand', otherNames: [] },
  admissionBasis: { heading: 'Admission Basis', otherNames: ['basis'] },
  documents: { heading: 'Documents', otherNames: ['documents received'] },
  enrolledOn: { heading: 'Enrolled On', otherNames: ['enrollment date', 'date enrolled'] },
  firstAttendance: {
    heading: 'First Attendance',
    otherNames: ['first day of attendance', 'first date of attendance'],
  },
  motherTongue: { heading: 'Mother Tongue', otherNames: [] },
  isIndigenous: { heading: 'IP', otherNames: ['indigenous', 'indigenous people'] },
  isFourPs: { heading: '4Ps', otherNames: ['4ps beneficiary', 'four ps'] },
} as const;
export type LearnerListColumn = keyof typeof learnerListColumns;

/** The columns a learner list must have: a learner cannot be told apart or placed without them. */
export const requiredLearnerListColumns: readonly LearnerListColumn[] = [
  'lastName',
  'firstName',
  'birthDate',
  'sex',
  'gradeLevel',
];

/** A heading as the importer compares it: lower case, `_ - .` as spaces, spaces single. */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each column's names as compared: its heading's first, then the others. */
export const learnerListNames = Object.fromEntries(
  Object.entries(learnerListColumns).map(([column, { heading, otherNames }]) => [
    column,
    [normalizeHeading(heading), ...otherNames] as readonly string[],
  ]),
) as { readonly [C in LearnerListColumn]: readonly string[] };

/** The template's header row: every column the importer reads, in its order. */
export const learnerListHeadings: readonly string[] = Object.values(learnerListColumns).map(
  (c) => c.heading,
);
