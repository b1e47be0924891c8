import { SchoolLevel, Sector, formatSchoolId } from '@repo/domain/school';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { type SchoolEntity } from './school.entity.js';

@ObjectType({ description: 'A school, keyed by its DepEd School ID.' })
export class School {
  @Field(() => ID)
  id: string;

  @Field({ description: "DepEd's 6-digit School ID." })
  schoolId: string;

  @Field()
  name: string;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => [SchoolLevel])
  levelsOffered: SchoolLevel[];

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => String, { nullable: true })
  barangay: string | null;

  @Field({
    description:
      'False when the row comes from the 2019 masterlist, with sector and levels derived from the School ID convention.',
  })
  hasOfficialDetails: boolean;

  regionId: number;
  divisionId: number;
  districtId: number | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor: string | null;
}

@ObjectType({ description: 'One page of schools, ordered by name.' })
export class SchoolConnection {
  @Field(() => [School])
  nodes: School[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Schools matching the filter, across all pages.' })
  totalCount: number;

  divisionId: number;
  search: string | null;
}

export function toSchool(entity: SchoolEntity): School {
  const levels: SchoolLevel[] = [];
  if (entity.offersKinder) levels.push(SchoolLevel.KINDERGARTEN);
  if (entity.offersElementary) levels.push(SchoolLevel.ELEMENTARY);
  if (entity.offersJuniorHigh) levels.push(SchoolLevel.JUNIOR_HIGH);
  if (entity.offersSeniorHigh) levels.push(SchoolLevel.SENIOR_HIGH);
  return Object.assign(new School(), {
    id: String(entity.id),
    schoolId: formatSchoolId(entity.id),
    name: entity.name,
    sector: entity.sector as Sector,
    levelsOffered: levels,
    province: entity.province,
    municipality: entity.municipality,
    barangay: entity.barangay,
    hasOfficialDetails: entity.detailsSource === 'OFFICIAL_SY2023_24',
    regionId: entity.regionId,
    divisionId: entity.divisionId,
    districtId: entity.districtId,
  });
}
