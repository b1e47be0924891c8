import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { loadParent } from '../../db/by-id-loader.js';
import { type Context } from '../../context.js';
import { toDivision } from '../division/division.type.js';
import { toRegion } from '../region/region.type.js';
import { toSchool } from '../school/school.type.js';
import { worstFirst } from './early-registration.progress.js';
import { earlyRegistrationProgress } from './early-registration.service.js';
import {
  EarlyRegistrationDay,
  EarlyRegistrationDivision,
  EarlyRegistrationProgress,
  EarlyRegistrationRegion,
  EarlyRegistrationSchool,
  OutOfSchoolByCircumstance,
} from './early-registration.type.js';

@Resolver(() => EarlyRegistrationProgress)
export class EarlyRegistrationResolver {
  @Query(() => EarlyRegistrationProgress, {
    description:
      "Early registration in a school year's window (§V.A): daily and cumulative registrations, each region, division and school against its enrollment of the same grades the year before and its target to date (laggards first), OSC and OSY by circumstance. From live rollups: a committed registration counts at once. A school, division or region reads its own place (a region may name one of its divisions); the nation the whole country unless it names a region or a division. A district narrows a division to its schools.",
  })
  async earlyRegistrationProgress(
    @Arg('schoolYear') schoolYear: string,
    @Ctx() { dataSource, viewer, loaders }: Context,
    @Arg('divisionId', () => ID, { nullable: true }) divisionId?: string | null,
    @Arg('regionId', () => ID, { nullable: true }) regionId?: string | null,
    @Arg('districtId', () => ID, {
      nullable: true,
      description: 'One district of the division read (districts of DepEd’s SY 2023-24 list).',
    })
    districtId?: string | null,
  ): Promise<EarlyRegistrationProgress> {
    const data = await earlyRegistrationProgress(
      dataSource,
      viewer!,
      schoolYear,
      divisionId,
      regionId,
      districtId,
    );
    const [divisions, regions] = await Promise.all([
      Promise.all(
        data.divisions.map(async ({ divisionId: id, ...row }) =>
          Object.assign(new EarlyRegistrationDivision(), {
            ...row,
            division: toDivision(await loadParent(loaders.divisionById, id, 'Division')),
          }),
        ),
      ),
      Promise.all(
        data.regions.map(async ({ regionId: id, ...row }) =>
          Object.assign(new EarlyRegistrationRegion(), {
            ...row,
            region: toRegion(await loadParent(loaders.regionById, id, 'Region')),
          }),
        ),
      ),
    ]);
    return Object.assign(new EarlyRegistrationProgress(), {
      ...data,
      days: data.days.map((day) => Object.assign(new EarlyRegistrationDay(), day)),
      divisions,
      regions,
      listedSchools: data.schools,
      outOfSchool: data.outOfSchool.map((row) =>
        Object.assign(new OutOfSchoolByCircumstance(), row),
      ),
    });
  }

  /**
   * The schools, laggards first, made only when asked: the nation's 64,000 took 4.7 s to make for
   * an overview that lists regions (issue 21). Read whole in one batch by the loader.
   */
  @FieldResolver(() => [EarlyRegistrationSchool])
  async schools(
    @Root() progress: EarlyRegistrationProgress,
    @Ctx() { loaders }: Context,
  ): Promise<EarlyRegistrationSchool[]> {
    return Promise.all(
      [...progress.listedSchools].sort(worstFirst).map(async (row) =>
        Object.assign(new EarlyRegistrationSchool(), {
          ...row,
          school: toSchool(await loadParent(loaders.schoolById, row.school.id, 'School')),
        }),
      ),
    );
  }
}
