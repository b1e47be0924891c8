import { describe, expect, it } from 'vitest';
import * as enums from './enums.js';

/** SPEC §7: these names are fixed; clients and tests depend on them. */
describe('SPEC §7 fixed enum names', () => {
  it.each([
    [
      'GradeLevel',
      enums.GradeLevel,
      'KINDER GRADE_1 GRADE_2 GRADE_3 GRADE_4 GRADE_5 GRADE_6 GRADE_7 GRADE_8 GRADE_9 GRADE_10 GRADE_11 GRADE_12 ELEMENTARY_NON_GRADED JHS_NON_GRADED ALS_BLP ALS_AE_ELEMENTARY ALS_AE_SECONDARY',
    ],
    ['Sex', enums.Sex, 'MALE FEMALE'],
    ['LearnerCategory', enums.LearnerCategory, 'IP SPED BALIK_ARAL OSY OSC FOUR_PS'],
    [
      'EnrollmentStatus',
      enums.EnrollmentStatus,
      // SPEC §7's six, then the two of issue 21's approval of late enrolments (§V.D), which the
      // reports never see (enrollment-rollup.sql leaves them out).
      'PRE_REGISTERED TEMPORARILY_ENROLLED OFFICIALLY_ENROLLED MOVED_OUT TRANSFERRED_TO_ALS DROPPED_OUT AWAITING_APPROVAL DECLINED',
    ],
    ['Sector', enums.Sector, 'PUBLIC PRIVATE SUC_LUC'],
    ['Strand', enums.Strand, 'ABM HUMSS STEM GAS PBM TVL SPORTS ARTS'],
    [
      'AdmissionBasis',
      enums.AdmissionBasis,
      'KINDER_AGE_5 KINDER_COMPLETED_ACCREDITED NO_KINDER_AGE_6 KINDER_NON_ACCREDITED_OR_HOMESCHOOLED KCEP_COMPLETED GRADE_6_GRADUATE GRADE_10_COMPLETER PEPT_PASSER AE_ELEMENTARY_PASSER AE_SECONDARY_PASSER CONTINUING TRANSFEREE BALIK_ARAL FROM_SCHOOL_ABROAD FROM_NON_ACCREDITED_SCHOOL DISPLACED',
    ],
    [
      'DocumentType',
      enums.DocumentType,
      'PSA_BIRTH_CERTIFICATE LCR_BIRTH_CERTIFICATE BARANGAY_CERTIFICATION KINDER_CERTIFICATE_OF_COMPLETION ECCD_CHECKLIST PEPT_RESULT PVT_RESULT AE_RESULT SF9 REGISTRAR_LETTER AFFIDAVIT_OF_UNDERTAKING FOREIGN_REPORT_CARD TRANSCRIPT_OF_RECORDS PROOF_OF_IDENTITY',
    ],
    [
      'Dimension',
      enums.Dimension,
      'SCHOOL_YEAR REGION DIVISION SCHOOL SECTOR GRADE_LEVEL STRAND SEX CATEGORY STATUS',
    ],
  ])('%s has exactly the names of SPEC §7', (_, values, names) => {
    expect(Object.values(values)).toEqual(names.split(' '));
    expect(Object.keys(values)).toEqual(names.split(' '));
  });

  it('§V.A: the birth documents are the three alternatives of the order', () => {
    expect(Object.values(enums.BirthDocumentType)).toEqual([
      'PSA_BIRTH_CERTIFICATE',
      'LCR_BIRTH_CERTIFICATE',
      'BARANGAY_CERTIFICATION',
    ]);
  });
});
