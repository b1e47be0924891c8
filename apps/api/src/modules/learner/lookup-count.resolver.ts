import { formatSchoolId } from '@repo/domain/school';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { lookupCounts, lookupsPerDay, lookupsUsedToday } from './lookup-quota.js';

@ObjectType({
  description:
    "One account's look-ups of learners outside its place on one day: search, import preview and duplicate checks together (issue 18).",
})
export class LookupCount {
  @Field({ description: 'YYYY-MM-DD, in the Philippines.' })
  day: string;

  @Field()
  username: string;

  @Field()
  role: string;

  @Field(() => String, {
    nullable: true,
    description: "The account's school, for a school account.",
  })
  schoolId: string | null;

  @Field(() => String, { nullable: true })
  schoolName: string | null;

  @Field(() => Int, { description: 'Learners outside its place the account was shown.' })
  lookups: number;
}

@Resolver()
export class LookupCountResolver {
  @Query(() => [LookupCount], {
    description:
      "Out-of-scope look-ups per account and day in your place, most first: a division sees its schools' (issue 18). At most 31 days.",
  })
  async outsideLookups(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('from', { description: 'YYYY-MM-DD' }) from: string,
    @Arg('to', { description: 'YYYY-MM-DD' }) to: string,
  ): Promise<LookupCount[]> {
    const rows = await lookupCounts(dataSource, viewer!, { from, to });
    return rows.map((row) =>
      Object.assign(new LookupCount(), {
        day: row.day,
        username: row.username,
        role: row.role,
        schoolId: row.school_id === null ? null : formatSchoolId(row.school_id),
        schoolName: row.school_name,
        lookups: row.lookups,
      }),
    );
  }

  @Query(() => Int, {
    description: 'How many learners outside your place you may still be shown today.',
  })
  async lookupsLeftToday(@Ctx() { dataSource, viewer }: Context): Promise<number> {
    return Math.max(0, lookupsPerDay(viewer!) - (await lookupsUsedToday(dataSource, viewer!)));
  }
}
