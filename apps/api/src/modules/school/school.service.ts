import { type DataSource } from 'typeorm';
import { SchoolEntity } from './school.entity.js';
import { type School, toSchool } from './school.type.js';

/** A school by its School ID, as the API shows it; null when there is none. */
export async function findSchool(dataSource: DataSource, id: number): Promise<School | null> {
  const row = await dataSource.getRepository(SchoolEntity).findOneBy({ id });
  return row ? toSchool(row) : null;
}
