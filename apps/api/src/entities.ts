import { AuditEventEntity } from './modules/audit/audit-event.entity.js';
import { AccountEntity } from './modules/auth/account.entity.js';
import { SessionEntity } from './modules/auth/session.entity.js';
import { DistrictEntity } from './modules/division/district.entity.js';
import { DivisionEntity } from './modules/division/division.entity.js';
import { ReferenceDataLoadEntity } from './modules/reference-data/reference-data-load.entity.js';
import { LearnerMergeDivisionEntity } from './modules/learner/learner-merge-division.entity.js';
import { LearnerMergeEntity } from './modules/learner/learner-merge.entity.js';
import { LearnerSchoolEntity } from './modules/learner/learner-school.entity.js';
import { LearnerEntity } from './modules/learner/learner.entity.js';
import { LookupCountEntity } from './modules/learner/lookup-count.entity.js';
import { RegionEntity } from './modules/region/region.entity.js';
import { SchoolEntity } from './modules/school/school.entity.js';
import { SchoolCalendarEntity } from './modules/calendar/school-calendar.entity.js';
import {
  EnrollmentDocumentEntity,
  EnrollmentEntity,
  EnrollmentStatusChangeEntity,
} from './modules/enrollment/enrollment.entity.js';
import { IdempotencyKeyEntity } from './db/idempotency-key.entity.js';
import { LearnerImportEntity } from './modules/enrollment/learner-import.entity.js';
import { LearnerTransferEntity } from './modules/enrollment/learner-transfer.entity.js';

/**
 * Every entity, listed explicitly: no globs, so the build and the tests see the same set. The
 * modules own their entities and db/ owns none of theirs: this list is what the data source is
 * given (`createDataSource(url, { entities })`), and what the migrations' staleness test compares.
 */
export const entities = [
  RegionEntity,
  DivisionEntity,
  DistrictEntity,
  SchoolEntity,
  ReferenceDataLoadEntity,
  AccountEntity,
  SessionEntity,
  LookupCountEntity,
  LearnerEntity,
  LearnerSchoolEntity,
  AuditEventEntity,
  LearnerMergeEntity,
  LearnerMergeDivisionEntity,
  SchoolCalendarEntity,
  EnrollmentEntity,
  EnrollmentStatusChangeEntity,
  EnrollmentDocumentEntity,
  IdempotencyKeyEntity,
  LearnerImportEntity,
  LearnerTransferEntity,
];
