import { ClassListExportFormat } from '@repo/domain/school-register';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { classListExport } from './class-list-export.js';
import { ClassListExport, ClassListExportRow } from './class-list-export.type.js';
import { ClassListSelection } from './enrollment.input.js';
import { toRow } from './enrollment.resolver.js';

@Resolver()
export class ClassListExportResolver {
  @Query(() => ClassListExport, {
    description:
      'Every learner of a school’s class list for a year, in grade order, for its CSV or its SF1 (issue 21). Audited as an export, each learner and the list.',
  })
  async classListExport(
    @Arg('schoolId', { description: '6-digit School ID' }) schoolId: string,
    @Arg('schoolYear') schoolYear: string,
    @Arg('format', () => ClassListExportFormat) format: ClassListExportFormat,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('filter', () => ClassListSelection, { nullable: true }) filter?: ClassListSelection | null,
  ): Promise<ClassListExport> {
    const rows = await classListExport(
      dataSource,
      viewer!,
      schoolId,
      schoolYear,
      filter ?? {},
      format,
    );
    return {
      rows: rows.map((r) =>
        Object.assign(new ClassListExportRow(), {
          entry: toRow(r),
          motherTongue: r.mother_tongue,
          ipCommunity: r.ip_community,
        }),
      ),
    };
  }
}
