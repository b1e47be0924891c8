import { createHash } from 'node:crypto';
import { type PoolClient } from 'pg';
import { type EntityManager } from 'typeorm';

/**
 * A parameterised statement that each connection parses once, as a named prepared statement:
 * PostgreSQL then keeps its plan (a generic one once it costs no more than the custom plans), so
 * a write path's statements stop paying for planning on every call. Planning was half of
 * PostgreSQL's time in an enrolment: row-level-security policies make even one-row statements
 * costly to plan. For fixed statement texts only: every text is a prepared statement on every
 * connection that runs it.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) return manager.query<T[]>(text, values);
  const client = (await runner.connect()) as PoolClient;
  const name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
