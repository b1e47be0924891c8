import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { DivisionEntity } from './division.entity.js';

export function divisionsByRegionIdLoader(dataSource: DataSource) {
  return new DataLoader<number, DivisionEntity[]>(async (regionIds) => {
    const rows = await dataSource
      .getRepository(DivisionEntity)
      .find({ where: { regionId: In([...regionIds]) }, order: { name: 'ASC' } });
    return regionIds.map((id) => rows.filter((row) => row.regionId === id));
  });
}
