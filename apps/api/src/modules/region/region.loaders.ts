import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { RegionEntity } from './region.entity.js';

export function regionByIdLoader(dataSource: DataSource) {
  return new DataLoader<number, RegionEntity | undefined>(async (ids) => {
    const rows = await dataSource.getRepository(RegionEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}
