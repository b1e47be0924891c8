import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { clock } from '../../clock.js';
import { type Context } from '../../context.js';
import { setSchoolCalendar, toCalendarType } from './calendar.service.js';
import { ClockType, SchoolCalendarInput, SchoolCalendarType } from './calendar.type.js';
import { SchoolCalendarEntity } from './school-calendar.entity.js';

@Resolver()
export class CalendarResolver {
  @Query(() => ClockType, {
    description: 'Today and now on the server’s clock: what the policy judges against.',
  })
  clock(): ClockType {
    return { today: clock.today(), now: clock.now(), pinned: clock.pinnedDay() !== null };
  }

  @Query(() => [SchoolCalendarType], { description: 'Every school year’s calendar, newest first.' })
  async schoolCalendars(@Ctx() { dataSource }: Context): Promise<SchoolCalendarType[]> {
    const rows = await dataSource
      .getRepository(SchoolCalendarEntity)
      .find({ order: { schoolYear: 'DESC' } });
    return rows.map(toCalendarType);
  }

  @Query(() => SchoolCalendarType, { nullable: true })
  async schoolCalendar(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource }: Context,
  ): Promise<SchoolCalendarType | null> {
    const row = await dataSource.getRepository(SchoolCalendarEntity).findOneBy({ schoolYear });
    return row ? toCalendarType(row) : null;
  }

  @Mutation(() => SchoolCalendarType, {
    description: 'Creates or changes a school year’s calendar (administrators).',
  })
  async setSchoolCalendar(
    @Arg('input', () => SchoolCalendarInput) input: SchoolCalendarInput,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<SchoolCalendarType> {
    return toCalendarType(await setSchoolCalendar(dataSource, viewer!, input));
  }
}
