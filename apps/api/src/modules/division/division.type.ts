import { Field, ID, ObjectType } from 'type-graphql';
import { type DistrictEntity } from './district.entity.js';
import { type DivisionEntity } from './division.entity.js';

@ObjectType({ description: 'A Schools Division Office (SDO).' })
export class Division {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'A host-country grouping of Philippine schools overseas.' })
  isOverseas: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The province it lies in, as PSGC 2023 names it in upper case ("ABRA"); NCR divisions their district ("NCR SECOND DISTRICT"); null overseas. Maps join divisions to provinces by it.',
  })
  province: string | null;

  regionId: number;
}

@ObjectType({ description: 'A school district within a division.' })
export class District {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  province: string | null;
}

export function toDivision(entity: DivisionEntity): Division {
  return Object.assign(new Division(), {
    id: String(entity.id),
    name: entity.name,
    isOverseas: entity.isOverseas,
    province: entity.province,
    regionId: entity.regionId,
  });
}

export function toDistrict(entity: DistrictEntity): District {
  return Object.assign(new District(), {
    id: String(entity.id),
    name: entity.name,
    province: entity.province,
  });
}
