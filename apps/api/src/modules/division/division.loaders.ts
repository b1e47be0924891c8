import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { DistrictEntity } from './district.entity.js';
import { DivisionEntity } from './division.entity.js';

export function divisionByIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DivisionEntity | undefined>(async (ids) => {
    const rows = await dataSource.getRepository(DivisionEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

export function divisionsByRegionIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DivisionEntity[]>(async (regionIds) => {
    const rows = await dataSource
      .getRepository(DivisionEntity)
      .find({ where: { regionId: In([...regionIds]) }, order: { name: 'ASC' } });
    return regionIds.map((id) => rows.filter((row) => row.regionId === id));
  });
}

export function districtByIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DistrictEntity | undefined>(async (ids) => {
    const rows = await dataSource.getRepository(DistrictEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}
