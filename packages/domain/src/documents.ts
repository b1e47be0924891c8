import { type AdmissionBasis, BirthDocumentType, DocumentType, GradeLevel } from './enums.js';

/** One requirement, met by any one of its documents. */
export interface Requirement {
  code: string;
  anyOf: readonly DocumentType[];
}

/** What a path asks for: at enrollment, and what may follow during the year (§V.A special cases). */
export interface DocumentPlan {
  atEnrollment: readonly Requirement[];
  duringYear: readonly Requirement[];
}

const req = (code: string, ...anyOf: DocumentType[]): Requirement => ({ code, anyOf });
const D = DocumentType;

/**
 * The birth document: the PSA certificate, or the local civil registrar's late registration, or a
 * barangay certification with the child's and parents' names, birth date and sex (§V.A).
 */
export const birthDocument = req('BIRTH_DOCUMENT', ...Object.values(BirthDocumentType));

const G = GradeLevel;
const grades1to12 = [
  G.GRADE_1,
  G.GRADE_2,
  G.GRADE_3,
  G.GRADE_4,
  G.GRADE_5,
  G.GRADE_6,
  G.GRADE_7,
  G.GRADE_8,
  G.GRADE_9,
  G.GRADE_10,
  G.GRADE_11,
  G.GRADE_12,
];
const formalGrades = [G.KINDER, ...grades1to12, G.ELEMENTARY_NON_GRADED, G.JHS_NON_GRADED];
/** Grades a learner continues into without registering (§V.A): 2-6, 8-10, 12, and non-graded. */
const continuingGrades = [
  G.GRADE_2,
  G.GRADE_3,
  G.GRADE_4,
  G.GRADE_5,
  G.GRADE_6,
  G.GRADE_8,
  G.GRADE_9,
  G.GRADE_10,
  G.GRADE_12,
  G.ELEMENTARY_NON_GRADED,
  G.JHS_NON_GRADED,
];

export interface BasisRule {
  grades: readonly GradeLevel[];
  plan: DocumentPlan;
  /** The section of DO 03 s. 2018 that sets it. */
  section: string;
}

/** Every admission path of DO 03 s. 2018 §V.A (table, transferees, special cases). */
export const basisRules: Record<AdmissionBasis, BasisRule> = {
  KINDER_AGE_5: {
    grades: [G.KINDER],
    plan: { atEnrollment: [birthDocument], duringYear: [] },
    section: '§V.A table: Kinder',
  },
  KINDER_COMPLETED_ACCREDITED: {
    grades: [G.GRADE_1],
    plan: {
      atEnrollment: [req('KINDER_COMPLETION', D.KINDER_CERTIFICATE_OF_COMPLETION), birthDocument],
      duringYear: [],
    },
    section: '§V.A table: Grade 1, completed Kindergarten in a DepEd-accredited school',
  },
  NO_KINDER_AGE_6: {
    grades: [G.GRADE_1],
    plan: {
      atEnrollment: [req('ECCD_CHECKLIST', D.ECCD_CHECKLIST), birthDocument],
      duringYear: [],
    },
    section: '§V.A table: Grade 1, aged six without Kindergarten',
  },
  KINDER_NON_ACCREDITED_OR_HOMESCHOOLED: {
    grades: [G.GRADE_1],
    plan: {
      atEnrollment: [req('PEPT_OR_PVT', D.PEPT_RESULT, D.PVT_RESULT), birthDocument],
      duringYear: [],
    },
    section: '§V.A table: Grade 1, non-accredited Kindergarten or home-schooled',
  },
  KCEP_COMPLETED: {
    grades: [G.GRADE_1],
    plan: { atEnrollment: [birthDocument], duringYear: [] },
    section: '§V.A: first-time enrollees aged 6-12, Kindergarten Catch-up Education Program',
  },
  GRADE_6_GRADUATE: {
    grades: [G.GRADE_7],
    plan: { atEnrollment: [req('SF9', D.SF9)], duringYear: [] },
    section: '§V.A table: Grade 7, Grade 6 graduate',
  },
  GRADE_10_COMPLETER: {
    grades: [G.GRADE_11],
    plan: { atEnrollment: [req('SF9', D.SF9)], duringYear: [] },
    section: '§V.A table: Grade 11, Grade 10 completer',
  },
  PEPT_PASSER: {
    grades: grades1to12,
    plan: { atEnrollment: [req('PEPT', D.PEPT_RESULT), birthDocument], duringYear: [] },
    section:
      '§V.A table: Grades 7 and 11, PEPT passer; §V.A: placement of first-time enrollees by PEPT',
  },
  AE_ELEMENTARY_PASSER: {
    grades: [G.GRADE_7],
    plan: { atEnrollment: [req('AE_RESULT', D.AE_RESULT), birthDocument], duringYear: [] },
    section: '§V.A table: Grade 7, A&E passer; special cases: A&E Elementary passer for Grade 7',
  },
  AE_SECONDARY_PASSER: {
    grades: [G.GRADE_11],
    plan: { atEnrollment: [req('AE_RESULT', D.AE_RESULT), birthDocument], duringYear: [] },
    section: '§V.A table: Grade 11, A&E passer; special cases: A&E Secondary passer for Grade 11',
  },
  CONTINUING: {
    grades: continuingGrades,
    plan: { atEnrollment: [], duringYear: [] },
    section: '§V.A: continuing learners count as pre-registered',
  },
  TRANSFEREE: {
    grades: formalGrades,
    plan: {
      atEnrollment: [req('SF9_OR_REGISTRAR_LETTER', D.SF9, D.REGISTRAR_LETTER)],
      duringYear: [],
    },
    section: '§V.A: requirement for transferees',
  },
  BALIK_ARAL: {
    grades: grades1to12,
    plan: { atEnrollment: [req('SF9_OR_PEPT', D.SF9, D.PEPT_RESULT)], duringYear: [birthDocument] },
    section: '§V.A special cases: Balik-Aral learner',
  },
  FROM_SCHOOL_ABROAD: {
    grades: formalGrades,
    plan: {
      atEnrollment: [
        req('BIRTH_OR_EQUIVALENT', ...birthDocument.anyOf, D.PROOF_OF_IDENTITY),
        req('LATEST_REPORT_CARD', D.FOREIGN_REPORT_CARD),
      ],
      duringYear: [req('TRANSCRIPT', D.TRANSCRIPT_OF_RECORDS)],
    },
    section: '§V.A special cases: learners from Philippine schools abroad or foreign schools',
  },
  FROM_NON_ACCREDITED_SCHOOL: {
    grades: formalGrades,
    plan: {
      atEnrollment: [req('PEPT_OR_PVT', D.PEPT_RESULT, D.PVT_RESULT), birthDocument],
      duringYear: [],
    },
    section: '§V.A special cases: learners from non-DepEd-accredited schools',
  },
  DISPLACED: {
    grades: formalGrades,
    plan: {
      atEnrollment: [req('PROOF_OF_IDENTITY', D.PROOF_OF_IDENTITY)],
      duringYear: [req('SF9_PEPT_OR_AE', D.SF9, D.PEPT_RESULT, D.AE_RESULT)],
    },
    section: '§V.A special cases: displaced learners (armed conflict, disasters)',
  },
};

/** Whether a requirement is met by the documents given, or, for the birth document, on file. */
export function isMet(
  requirement: Requirement,
  documents: readonly DocumentType[],
  birthDocumentOnFile: boolean,
): boolean {
  if (requirement.code === 'BIRTH_DOCUMENT' && birthDocumentOnFile) return true;
  return requirement.anyOf.some((d) => documents.includes(d));
}

/** A requirement as one document: the one given, else the first (preferred) alternative. */
export function toDocument(
  requirement: Requirement,
  documents: readonly DocumentType[],
): DocumentType {
  return requirement.anyOf.find((d) => documents.includes(d)) ?? requirement.anyOf[0]!;
}
