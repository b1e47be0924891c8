import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { loadParent } from '../../db/by-id-loader.js';
import { checkId } from '../../ids.js';
import { District, Division, toDistrict, toDivision } from '../division/division.type.js';
import { Region, toRegion } from '../region/region.type.js';
import { findSchool } from './school.service.js';
import { School } from './school.type.js';

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { nullable: true, description: "A school by DepEd's 6-digit School ID." })
  async school(
    @Arg('schoolId', () => String) schoolId: string,
    @Ctx() { dataSource }: Context,
  ): Promise<School | null> {
    return findSchool(dataSource, Number(checkId('school', schoolId, 'schoolId')));
  }

  @FieldResolver(() => Region)
  async region(@Root() school: School, @Ctx() { loaders }: Context): Promise<Region> {
    return toRegion(await loadParent(loaders.regionById, school.regionId, 'region'));
  }

  @FieldResolver(() => Division)
  async division(@Root() school: School, @Ctx() { loaders }: Context): Promise<Division> {
    return toDivision(await loadParent(loaders.divisionById, school.divisionId, 'division'));
  }

  @FieldResolver(() => District, { nullable: true })
  async district(@Root() school: School, @Ctx() { loaders }: Context): Promise<District | null> {
    if (school.districtId === null) return null;
    const row = await loaders.districtById.load(school.districtId);
    return row ? toDistrict(row) : null;
  }
}
