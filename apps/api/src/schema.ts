import 'reflect-metadata';
// Every enum registered before any type that uses one (graphql-enums.ts says why).
import './graphql-enums.js';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccountsResolver } from './modules/accounts/accounts.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { SignInResolver } from './modules/auth/sign-in.resolver.js';
import { LearnerMergeResolver } from './modules/learner/learner-merge.resolver.js';
import { LearnerResolver } from './modules/learner/learner.resolver.js';
import { LookupCountResolver } from './modules/learner/lookup-count.resolver.js';
import { DistrictResolver, DivisionResolver } from './modules/division/division.resolver.js';
import { DocumentsDueResolver } from './modules/division/documents-due.resolver.js';
import { CalendarResolver } from './modules/calendar/calendar.resolver.js';
import { EnrollmentApprovalResolver } from './modules/enrollment/enrollment-approval.resolver.js';
import { ClassListExportResolver } from './modules/enrollment/class-list-export.resolver.js';
import { EnrollmentResolver } from './modules/enrollment/enrollment.resolver.js';
import { LearnerImportResolver } from './modules/enrollment/learner-import.resolver.js';
import { TransfersResolver } from './modules/enrollment/transfers.resolver.js';
import { EarlyRegistrationResolver } from './modules/reporting/early-registration.resolver.js';
import { EnrollmentSummaryResolver } from './modules/reporting/enrollment-summary.resolver.js';
import { LearnerFlowsResolver } from './modules/reporting/learner-flows.resolver.js';
import { PolicyResolver } from './modules/policy/policy.resolver.js';
import { RegionResolver } from './modules/region/region.resolver.js';
import { SchoolResolver } from './modules/school/school.resolver.js';
import { config, type OidcSettings } from './config.js';

export const resolvers = [
  AuthResolver,
  SignInResolver,
  AccountsResolver,
  RegionResolver,
  DivisionResolver,
  DistrictResolver,
  SchoolResolver,
  LearnerResolver,
  LearnerMergeResolver,
  LookupCountResolver,
  PolicyResolver,
  CalendarResolver,
  EnrollmentResolver,
  EnrollmentApprovalResolver,
  ClassListExportResolver,
  LearnerImportResolver,
  TransfersResolver,
  EnrollmentSummaryResolver,
  LearnerFlowsResolver,
  EarlyRegistrationResolver,
  DocumentsDueResolver,
] as const;

export interface SchemaOptions {
  /** Single sign-on's settings, which `signInOptions` tells the sign-in page of. */
  sso?: OidcSettings | null;
}

export function createSchema({ sso = config.oidc }: SchemaOptions = {}): Promise<GraphQLSchema> {
  // One instance of each resolver, as type-graphql's own container keeps, but the sign-in
  // resolver made with this schema's settings: two apps in one process may differ (tests).
  const instances = new Map<unknown, unknown>([[SignInResolver, new SignInResolver(sso)]]);
  const container = {
    get(type: new () => unknown) {
      if (!instances.has(type)) instances.set(type, new type());
      return instances.get(type);
    },
  };
  return buildSchema({ resolvers, validate: false, container });
}

/** The SDL committed as apps/api/schema.graphql; sorted so it diffs cleanly. */
export function toSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
