import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { enrollmentApprovals, enrollmentApprovalsAwaiting } from './enrollment-approval.queries.js';
import { EnrollmentApproval } from './enrollment-approval.type.js';

/** The school head's queue of enrolments awaiting approval, and the registrar's outcomes (§V.D). */
@Resolver()
export class EnrollmentApprovalResolver {
  @Query(() => [EnrollmentApproval], {
    description:
      'Your school’s enrolments that needed the school head’s approval (§V.D; backdated more than 7 days): awaiting first, then decided, newest first.',
  })
  async enrollmentApprovals(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('schoolYear', () => String, { nullable: true, description: 'Omitted: every year.' })
    schoolYear?: string | null,
  ): Promise<EnrollmentApproval[]> {
    const rows = await enrollmentApprovals(dataSource, viewer!, schoolYear ?? null);
    return rows.map((r) => Object.assign(new EnrollmentApproval(), r));
  }

  @Query(() => Int, {
    description: 'How many of your school’s enrolments await the school head’s approval.',
  })
  enrollmentApprovalsAwaiting(@Ctx() { dataSource, viewer }: Context): Promise<number> {
    return enrollmentApprovalsAwaiting(dataSource, viewer!);
  }
}
