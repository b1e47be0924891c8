import { type DataSource, type EntityManager } from 'typeorm';
import { badUserInput } from '../../errors.js';
import { numericId } from '../../ids.js';

/**
 * A district a client named, with the division it belongs to: a district narrows its division, so
 * a read is held to the viewer's place as that division is (place-scope.ts). Bad input naming
 * `field` when the id is malformed or names no district.
 */
export async function askedDistrict(
  db: DataSource | EntityManager,
  text: string,
  field: string,
): Promise<{ id: number; divisionId: number }> {
  const id = numericId('district', text, field);
  const [row] = await db.query<{ division_id: number }[]>(
    'SELECT division_id FROM district WHERE id = $1::int',
    [id],
  );
  if (!row) throw badUserInput(field, 'DISTRICT_NOT_FOUND', `There is no district ${id}`);
  return { id, divisionId: row.division_id };
}
