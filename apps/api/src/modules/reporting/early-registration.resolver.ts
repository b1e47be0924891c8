import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { loadParent } from '../../db/by-id-loader.js';
import { type Context } from '../../context.js';
import { toDivision } from '../division/division.type.js';
import { toSchool } from '../school/school.type.js';
import { earlyRegistrationProgress } from './early-registration.service.js';
import {
  EarlyRegistrationDay,
  EarlyRegistrationDivision,
  EarlyRegistrationProgress,
  EarlyRegistrationSchool,
  OutOfSchoolByCircumstance,
} from './early-registration.type.js';

@Resolver()
export class EarlyRegistrationResolver {
  @Query(() => EarlyRegistrationProgress, {
    description:
      "Early registration in a school year's window (§V.A): daily and cumulative registrations, each division and school against its enrollment of the same grades the year before (laggards first), OSC and OSY by circumstance. From live rollups: a committed registration counts at once. A school, division or region reads its own place; the nation names a division or a region.",
  })
  async earlyRegistrationProgress(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource, viewer, loaders }: Context,
    @Arg('divisionId', () => ID, { nullable: true }) divisionId?: string | null,
    @Arg('regionId', () => ID, { nullable: true }) regionId?: string | null,
  ): Promise<EarlyRegistrationProgress> {
    const data = await earlyRegistrationProgress(
      dataSource,
      viewer!,
      schoolYear,
      divisionId,
      regionId,
    );
    // The service read the schools whole: the loader serves them (and anything nested) from here.
    for (const { school } of data.schools) loaders.schoolById.prime(school.id, school);
    const [schools, divisions] = await Promise.all([
      Promise.all(
        data.schools.map(async (row) =>
          Object.assign(new EarlyRegistrationSchool(), {
            ...row,
            school: toSchool(await loadParent(loaders.schoolById, row.school.id, 'School')),
          }),
        ),
      ),
      Promise.all(
        data.divisions.map(async ({ divisionId: id, ...row }) =>
          Object.assign(new EarlyRegistrationDivision(), {
            ...row,
            division: toDivision(await loadParent(loaders.divisionById, id, 'Division')),
          }),
        ),
      ),
    ]);
    return Object.assign(new EarlyRegistrationProgress(), {
      ...data,
      days: data.days.map((day) => Object.assign(new EarlyRegistrationDay(), day)),
      divisions,
      schools,
      outOfSchool: data.outOfSchool.map((row) =>
        Object.assign(new OutOfSchoolByCircumstance(), row),
      ),
    });
  }
}
