import { Field, ObjectType } from 'type-graphql';
import { ClassListRow } from './enrollment.type.js';

@ObjectType({ description: 'A learner of a class list as exported: the SF1 adds the register’s.' })
export class ClassListExportRow {
  @Field(() => ClassListRow)
  entry: ClassListRow;

  @Field(() => String, { nullable: true, description: 'SF1 only.' })
  motherTongue: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SF1 only: the IP ethnic group of a learner of an indigenous people.',
  })
  ipCommunity: string | null;
}

@ObjectType({ description: 'Every learner of a class list, in grade order (issue 21).' })
export class ClassListExport {
  @Field(() => [ClassListExportRow])
  rows: ClassListExportRow[];
}
