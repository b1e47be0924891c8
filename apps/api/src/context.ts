import { type DataSource } from 'typeorm';
import {
  districtByIdLoader,
  divisionByIdLoader,
  divisionsByRegionIdLoader,
} from './modules/division/division.loaders.js';
import { regionByIdLoader } from './modules/region/region.loaders.js';
import {
  schoolCountLoader,
  schoolMatchCountLoader,
  schoolPageLoader,
} from './modules/school/school.loaders.js';

/** Request-scoped loaders: each request batches and caches on its own. */
export function createLoaders(dataSource: DataSource) {
  return {
    regionById: regionByIdLoader(dataSource),
    divisionById: divisionByIdLoader(dataSource),
    divisionsByRegionId: divisionsByRegionIdLoader(dataSource),
    districtById: districtByIdLoader(dataSource),
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
