import { DocumentDueState } from '@repo/domain/follow-up';
import { DocumentType } from '@repo/domain/enums';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LearnerEnrollmentRow } from '../enrollment/learner-row.type.js';
import { School } from '../school/school.type.js';

@InputType({ description: 'Every field narrows; a missing one does not.' })
export class DocumentsDueFilter {
  @Field(() => String, { nullable: true, description: '6-digit School ID' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => DocumentType, { nullable: true, description: 'Learners still owing this document.' })
  documentType?: DocumentType | null;

  @Field(() => DocumentDueState, { nullable: true, description: 'OVERDUE or DUE_SOON.' })
  dueState?: DocumentDueState | null;
}

/**
 * One temporarily enrolled learner whose documents are overdue or due soon: what a follow-up
 * needs (who, where, what is missing, by when), nothing else (docs/privacy.md).
 */
@ObjectType({
  description:
    'A temporarily enrolled learner with documents overdue or due soon (§V.C): who, at which school, what is missing and by when; no birth date, sex, address or category.',
})
export class DocumentDue extends LearnerEnrollmentRow {
  @Field(() => String, { nullable: true })
  extensionName: string | null;

  @Field(() => School)
  school: School;

  @Field(() => [DocumentType])
  missingDocuments: DocumentType[];

  @Field({ description: 'YYYY-MM-DD' })
  documentsDueBy: string;

  @Field(() => Int, { description: 'Days from today to the deadline; negative when past.' })
  daysLeft: number;

  @Field(() => DocumentDueState)
  dueState: DocumentDueState;
}

@ObjectType({ description: 'The follow-up list, the most urgent first.' })
export class DocumentsDueList {
  @Field(() => Int, { description: 'Learners matching the filter (rows holds at most the cap).' })
  total: number;

  @Field(() => Int, { description: 'The most rows one answer holds.' })
  cap: number;

  @Field({
    description:
      "The database's time when the list was read (its transaction's statement): what it is as of.",
  })
  asOf: Date;

  @Field(() => [DocumentDue])
  rows: DocumentDue[];

  @Field(() => [School], {
    description:
      'The schools with a learner in the list under every filter but the school: the choices of the school filter.',
  })
  schools: School[];
}
