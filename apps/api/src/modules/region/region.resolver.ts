import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { isId } from '../../ids.js';
import { Division, toDivision } from '../division/division.type.js';
import { RegionEntity } from './region.entity.js';
import { Region, toRegion } from './region.type.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Every region, in DepEd order.' })
  async regions(@Ctx() { dataSource }: Context): Promise<Region[]> {
    const rows = await dataSource.getRepository(RegionEntity).find({ order: { id: 'ASC' } });
    return rows.map(toRegion);
  }

  @Query(() => Region, { nullable: true })
  async region(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<Region | null> {
    const row = isId('region', id) ? await loaders.regionById.load(Number(id)) : undefined;
    return row ? toRegion(row) : null;
  }

  @FieldResolver(() => [Division], { description: 'Its Schools Division Offices, by name.' })
  async divisions(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Division[]> {
    const rows = await loaders.divisionsByRegionId.load(Number(region.id));
    return rows.map(toDivision);
  }

  @FieldResolver(() => Int)
  async divisionCount(@Root() region: Region, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.divisionsByRegionId.load(Number(region.id))).length;
  }

  @FieldResolver(() => Int)
  schoolCount(@Root() region: Region, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.schoolCountByRegionId.load(Number(region.id));
  }
}
