import { defaultFollowUpDays, documentDueState } from '@repo/domain/follow-up';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { clock } from '../../clock.js';
import { type Context } from '../../context.js';
import { loadParent } from '../../db/by-id-loader.js';
import { type School, toSchool } from '../school/school.type.js';
import { documentsDue, documentsDueCap } from './documents-due.service.js';
import { DocumentDue, DocumentsDueFilter, DocumentsDueList } from './documents-due.type.js';

@Resolver()
export class DocumentsDueResolver {
  @Query(() => DocumentsDueList, {
    description:
      'The follow-up of temporarily enrolled learners (§V.C, SPEC §1): documents overdue or due within dueWithinDays, across the division’s schools (a school: its own), the most urgent first. Each learner listed is audited; forExport marks the read as an export (LEARNER_EXPORTED).',
  })
  async documentsDue(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource, viewer, loaders }: Context,
    @Arg('filter', () => DocumentsDueFilter, { nullable: true })
    filter: DocumentsDueFilter | null | undefined,
    @Arg('dueWithinDays', () => Int, { defaultValue: defaultFollowUpDays }) dueWithinDays: number,
    @Arg('forExport', () => Boolean, {
      defaultValue: false,
      description: 'The list is read for a file.',
    })
    forExport: boolean,
  ): Promise<DocumentsDueList> {
    const list = await documentsDue(
      dataSource,
      viewer!,
      schoolYear,
      filter ?? {},
      dueWithinDays,
      forExport,
    );
    const school = async (id: number): Promise<School> =>
      toSchool(await loadParent(loaders.schoolById, id, 'School'));
    const today = clock.today();
    const rows = await Promise.all(
      list.rows.map(async (r) =>
        Object.assign(new DocumentDue(), {
          enrollmentId: r.enrollment_id,
          learnerId: r.learner_id,
          lrn: r.lrn,
          lastName: r.last_name,
          firstName: r.first_name,
          middleName: r.middle_name,
          extensionName: r.extension_name,
          gradeLevel: r.grade_level,
          school: await school(r.school_id),
          missingDocuments: r.missing_documents,
          documentsDueBy: r.documents_due_by,
          daysLeft: r.days_left,
          dueState: documentDueState(r.documents_due_by, today, dueWithinDays),
        }),
      ),
    );
    return Object.assign(new DocumentsDueList(), {
      total: list.total,
      cap: documentsDueCap,
      asOf: list.asOf,
      rows,
      schools: await Promise.all(list.schoolIds.map(school)),
    });
  }
}
