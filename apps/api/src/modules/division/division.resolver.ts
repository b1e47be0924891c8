import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../context.js';
import { loadParent } from '../../db/by-id-loader.js';
import { badUserInput } from '../../errors.js';
import { isId, numericId } from '../../ids.js';
import { Region, toRegion } from '../region/region.type.js';
import { SchoolConnection, toSchool } from '../school/school.type.js';
import { District, Division, toDistrict, toDivision } from './division.type.js';

const maxPageSize = 200;

@Resolver(() => Division)
export class DivisionResolver {
  @Query(() => Division, { nullable: true })
  async division(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<Division | null> {
    const row = isId('division', id) ? await loaders.divisionById.load(Number(id)) : undefined;
    return row ? toDivision(row) : null;
  }

  @FieldResolver(() => Region)
  async region(@Root() division: Division, @Ctx() { loaders }: Context): Promise<Region> {
    return toRegion(await loadParent(loaders.regionById, division.regionId, 'region'));
  }

  @FieldResolver(() => Int)
  schoolCount(@Root() division: Division, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.schoolCountByDivisionId.load(Number(division.id));
  }

  @FieldResolver(() => [District], {
    description:
      'Its districts by name, as DepEd listed them for SY 2023-24 (a school from the 2019 masterlist has none on record).',
  })
  async districts(@Root() division: Division, @Ctx() { loaders }: Context): Promise<District[]> {
    return (await loaders.districtsByDivisionId.load(Number(division.id))).map(toDistrict);
  }

  @FieldResolver(() => SchoolConnection, { description: 'Its schools by name, a page at a time.' })
  async schools(
    @Root() division: Division,
    @Ctx() { loaders }: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Part of the school name.' })
    search: string | null | undefined,
    @Arg('districtId', () => ID, { nullable: true, description: 'One of its districts.' })
    districtIdText?: string | null,
  ): Promise<SchoolConnection> {
    if (first < 1 || first > maxPageSize) {
      throw badUserInput('first', 'PAGE_SIZE_RANGE', `first must be from 1 to ${maxPageSize}`);
    }
    const term = search?.trim() ? search.trim() : null;
    if (term !== null && term.length > 100) {
      throw badUserInput('search', 'MAX_LENGTH', 'search must be at most 100 characters');
    }
    const divisionId = Number(division.id);
    const districtId = districtIdText ? numericId('district', districtIdText, 'districtId') : null;
    const cursor = after == null ? null : decodeCursor(after);
    // One row more than asked tells whether there is a next page.
    const rows = await loaders.schoolPage.load({
      divisionId,
      first: first + 1,
      after: cursor,
      search: term,
      districtId,
    });
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return Object.assign(new SchoolConnection(), {
      nodes: nodes.map(toSchool),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(last.name, last.id) : null,
      },
      totalCount: await loaders.schoolMatchCount.load({ divisionId, search: term, districtId }),
    });
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => Int, { description: 'Schools on record in the district.' })
  schoolCount(@Root() district: District, @Ctx() { loaders }: Context): Promise<number> {
    return loaders.schoolCountByDistrictId.load(Number(district.id));
  }
}

function encodeCursor(name: string, id: number): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: number } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof name === 'string' && Number.isInteger(id)) return { name, id: id as number };
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after', 'CURSOR_INVALID', 'after must be an endCursor from a previous page');
}
