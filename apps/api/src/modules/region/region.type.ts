import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type RegionEntity } from './region.entity.js';

@ObjectType({
  description: 'A DepEd region, as DepEd names it (Region I, NCR, CAR, BARMM, PSO, …).',
})
export class Region {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  longName: string;

  @Field(() => String, { nullable: true, description: 'PSGC region code; none for PSO.' })
  psgcCode: string | null;

  @Field({ description: 'Philippine Schools Overseas.' })
  isOverseas: boolean;

  @Field(() => Int)
  sortOrder: number;
}

export function toRegion(entity: RegionEntity): Region {
  return Object.assign(new Region(), {
    id: String(entity.id),
    name: entity.name,
    longName: entity.longName,
    psgcCode: entity.psgcCode,
    isOverseas: entity.isOverseas,
    sortOrder: entity.id,
  });
}
