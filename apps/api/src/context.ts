import { type DataSource } from 'typeorm';
import { byIdLoader } from './db/by-id-loader.js';
import { DistrictEntity } from './modules/division/district.entity.js';
import { divisionsByRegionIdLoader } from './modules/division/division.loaders.js';
import { DivisionEntity } from './modules/division/division.entity.js';
import { RegionEntity } from './modules/region/region.entity.js';
import {
  schoolCountLoader,
  schoolMatchCountLoader,
  schoolPageLoader,
} from './modules/school/school.loaders.js';

/** Request-scoped loaders: each request batches and caches on its own. */
export function createLoaders(dataSource: DataSource) {
  return {
    regionById: byIdLoader(dataSource, RegionEntity),
    divisionById: byIdLoader(dataSource, DivisionEntity),
    divisionsByRegionId: divisionsByRegionIdLoader(dataSource),
    districtById: byIdLoader(dataSource, DistrictEntity),
    schoolCountByRegionId: schoolCountLoader(dataSource, 'region'),
    schoolCountByDivisionId: schoolCountLoader(dataSource, 'division'),
    schoolMatchCount: schoolMatchCountLoader(dataSource),
    schoolPage: schoolPageLoader(dataSource),
  };
}

export interface Context {
  dataSource: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}

export function createContext(dataSource: DataSource): Context {
  return { dataSource, loaders: createLoaders(dataSource) };
}
