import DataLoader from 'dataloader';
import { type DataSource, type EntityTarget, type FindOptionsWhere, In } from 'typeorm';

/** Rows by primary key, one query per batch; `undefined` where no row has the key. */
export function byIdLoader<E extends { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
): DataLoader<number, E | undefined> {
  return new DataLoader<number, E | undefined>(async (ids) => {
    const where = { id: In([...ids]) } as FindOptionsWhere<E>;
    const rows = await dataSource.getRepository(entity).findBy(where);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

/** A parent that a foreign key guarantees: its absence is a bug, not a user error. */
export async function loadParent<E>(
  loader: DataLoader<number, E | undefined>,
  id: number,
  what: string,
): Promise<E> {
  const row = await loader.load(id);
  if (!row) throw new Error(`${what} ${id} is missing`);
  return row;
}
