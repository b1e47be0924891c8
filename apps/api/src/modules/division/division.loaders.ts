import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { DistrictEntity } from './district.entity.js';
import { DivisionEntity } from './division.entity.js';

export function divisionsByRegionIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DivisionEntity[]>(async (regionIds) => {
    const rows = await dataSource
      .getRepository(DivisionEntity)
      .find({ where: { regionId: In([...regionIds]) }, order: { name: 'ASC' } });
    return regionIds.map((id) => rows.filter((row) => row.regionId === id));
  });
}

/** Each division's districts by name (DepEd's SY 2023-24 list), one query for the request. */
export function districtsByDivisionIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DistrictEntity[]>(async (divisionIds) => {
    const rows = await dataSource
      .getRepository(DistrictEntity)
      .find({ where: { divisionId: In([...divisionIds]) }, order: { name: 'ASC' } });
    return divisionIds.map((id) => rows.filter((row) => row.divisionId === id));
  });
}
