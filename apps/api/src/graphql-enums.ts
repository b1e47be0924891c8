// Every enum of the GraphQL schema, registered in one place (issue 17): schema.ts imports this
// file first, so an enum is in the schema because it is listed here, not because some module that
// uses it happened to be imported before the schema was built.
import { Role, ScopeKind } from '@repo/domain/access';
import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import {
  AdmissionBasis,
  ApprovalReason,
  BirthDocumentType,
  Dimension,
  DocumentType,
  EnrollmentStatus,
  GradeLevel,
  LearnerCategory,
  Sex,
  Strand,
} from '@repo/domain/enums';
import { DocumentDueState } from '@repo/domain/follow-up';
import { MergeStatus } from '@repo/domain/merge';
import { SchoolLevel, Sector } from '@repo/domain/school';
import { ClassListExportFormat } from '@repo/domain/school-register';
import { MatchReason } from '@repo/domain/similarity';
import { registerEnumType } from 'type-graphql';
import { ImportOutcome, ImportRowResult } from './modules/enrollment/learner-import.type.js';
import { TransferDirection } from './modules/enrollment/transfers.type.js';

// Places and accounts.
registerEnumType(Role, { name: 'Role' });
registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: 'The kind of place an account covers.',
});
registerEnumType(Sector, { name: 'Sector' });
registerEnumType(SchoolLevel, { name: 'SchoolLevel', description: 'A level a school offers.' });

// Learners and their records.
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(BirthDocumentType, {
  name: 'BirthDocumentType',
  description: 'The documents that prove birth (DO 03 s. 2018 §V.A).',
});
registerEnumType(MatchReason, { name: 'MatchReason', description: 'Why a record matched.' });
registerEnumType(MergeStatus, { name: 'MergeStatus' });

// Eligibility and enrollment.
registerEnumType(GradeLevel, { name: 'GradeLevel' });
registerEnumType(AdmissionBasis, {
  name: 'AdmissionBasis',
  description: 'The path by which a learner is admitted (DO 03 s. 2018 §V.A).',
});
registerEnumType(DocumentType, { name: 'DocumentType' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
registerEnumType(ApprovalReason, {
  name: 'ApprovalReason',
  description:
    'Why an enrolment needs the school head’s approval: late by DO 03 s. 2018 §V.D, or dated more than 7 days back.',
});
registerEnumType(DocumentDueState, {
  name: 'DocumentDueState',
  description: 'How missing documents stand on a day (DO 03 s. 2018 §V.C).',
});
registerEnumType(Strand, { name: 'Strand', description: 'Senior high school strand.' });
registerEnumType(LearnerCategory, { name: 'LearnerCategory' });
registerEnumType(OutOfSchoolCircumstance, {
  name: 'OutOfSchoolCircumstance',
  description: 'The circumstances of out-of-school children and youth (DO 03 s. 2018 §V.A).',
});
registerEnumType(ClassListExportFormat, {
  name: 'ClassListExportFormat',
  description: 'A class list as a spreadsheet (CSV) or as the printed School Form 1 (SF1).',
});

// A school's learner list import.
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What the preview found a row to be.',
});
registerEnumType(ImportRowResult, { name: 'ImportRowResult', description: 'What the commit did.' });

// Reports.
registerEnumType(Dimension, {
  name: 'Dimension',
  description: 'What enrollmentSummary groups by.',
});
registerEnumType(TransferDirection, {
  name: 'TransferDirection',
  description: 'Which end of a transfer your place is.',
});
