import { ReferenceData1795550653037 } from './1795550653037-ReferenceData.js';
import { Accounts1795551961229 } from './1795551961229-Accounts.js';
import { LearnerRegistry1795552117016 } from './1795552117016-LearnerRegistry.js';
import { LearnerMerge1795553479133 } from './1795553479133-LearnerMerge.js';
import { LearnerSearchSpeed1795553938881 } from './1795553938881-LearnerSearchSpeed.js';
import { LearnerNameWords1795554982580 } from './1795554982580-LearnerNameWords.js';
import { LearnerNameFallback1795555520770 } from './1795555520770-LearnerNameFallback.js';
import { LearnerNameSearchPlan1795696500000 } from './1795696500000-LearnerNameSearchPlan.js';
import { Enrollment1795696587071 } from './1795696587071-Enrollment.js';
import { LearnerImport1795698256938 } from './1795698256938-LearnerImport.js';
import { EnrollmentRollup1795699000000 } from './1795699000000-EnrollmentRollup.js';
import { EnrollmentDataSource1795699866434 } from './1795699866434-EnrollmentDataSource.js';
import { EarlyRegistrationRollup1795700000000 } from './1795700000000-EarlyRegistrationRollup.js';
import { EnrollmentRollupBrief1795701000000 } from './1795701000000-EnrollmentRollupBrief.js';
import { EnrollmentRollupShapes1795702000000 } from './1795702000000-EnrollmentRollupShapes.js';
import { LearnerNameTrigramGin1795703000000 } from './1795703000000-LearnerNameTrigramGin.js';
import { EarlyRegistrationPreviousYearIndex1795704000000 } from './1795704000000-EarlyRegistrationPreviousYearIndex.js';
import { VersionBump1795705000000 } from './1795705000000-VersionBump.js';
import { Sessions1796479739336 } from './1796479739336-Sessions.js';
import { LookupCounts1796497131003 } from './1796497131003-LookupCounts.js';
import { CellKeys1796500000000 } from './1796500000000-CellKeys.js';
import { CrossDivisionMergeApprovals1796523354307 } from './1796523354307-CrossDivisionMergeApprovals.js';
import { LearnerTransfers1796523485908 } from './1796523485908-LearnerTransfers.js';
import { EarlyRegistrationKeySums1796530000000 } from './1796530000000-EarlyRegistrationKeySums.js';
import { AccountAdministration1796550859091 } from './1796550859091-AccountAdministration.js';
import { RollupDeltaRecordedAt1796551069463 } from './1796551069463-RollupDeltaRecordedAt.js';
import { RateLimitShared1796560000000 } from './1796560000000-RateLimitShared.js';
import { EnrollmentApproval1796581651224 } from './1796581651224-EnrollmentApproval.js';
import { LearnerFlows1796600000000 } from './1796600000000-LearnerFlows.js';
import { DivisionProvince1796602956562 } from './1796602956562-DivisionProvince.js';
import { LearnerYearCte1796700000000 } from './1796700000000-LearnerYearCte.js';
import { LearnerFlowCounts1796710000000 } from './1796710000000-LearnerFlowCounts.js';
import { RateLimitOutOfOrder1796720000000 } from './1796720000000-RateLimitOutOfOrder.js';

/** Every migration in order; `npm run migration:generate` rewrites this list. */
export const migrations = [
  ReferenceData1795550653037,
  Accounts1795551961229,
  LearnerRegistry1795552117016,
  LearnerMerge1795553479133,
  LearnerSearchSpeed1795553938881,
  LearnerNameWords1795554982580,
  LearnerNameFallback1795555520770,
  LearnerNameSearchPlan1795696500000,
  Enrollment1795696587071,
  LearnerImport1795698256938,
  EnrollmentRollup1795699000000,
  EnrollmentDataSource1795699866434,
  EarlyRegistrationRollup1795700000000,
  EnrollmentRollupBrief1795701000000,
  EnrollmentRollupShapes1795702000000,
  LearnerNameTrigramGin1795703000000,
  EarlyRegistrationPreviousYearIndex1795704000000,
  VersionBump1795705000000,
  Sessions1796479739336,
  LookupCounts1796497131003,
  CellKeys1796500000000,
  CrossDivisionMergeApprovals1796523354307,
  LearnerTransfers1796523485908,
  EarlyRegistrationKeySums1796530000000,
  AccountAdministration1796550859091,
  RollupDeltaRecordedAt1796551069463,
  RateLimitShared1796560000000,
  EnrollmentApproval1796581651224,
  LearnerFlows1796600000000,
  DivisionProvince1796602956562,
  LearnerYearCte1796700000000,
  LearnerFlowCounts1796710000000,
  RateLimitOutOfOrder1796720000000,
];
