import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { entities } from '../entities.js';
import { createDataSource } from './data-source.js';
import { maxPreparedTexts, preparedRows } from './prepared.js';

// One connection, so that the statements it has prepared can be counted.
let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource(inject('databaseUrl'), { entities, poolSize: 1 });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

const preparedHere = async () =>
  (
    await dataSource.query<{ statements: number }[]>(
      'SELECT count(*)::int AS statements FROM pg_prepared_statements',
    )
  )[0]!.statements;

describe('preparedRows', () => {
  it('answers rows as arrays in the order of the columns, with their parameters', async () => {
    const rows = await preparedRows<[number, string, null]>(
      dataSource,
      'SELECT n, $1::text || n AS label, NULL AS nothing FROM generate_series(1, $2::int) n',
      ['row ', 3],
    );
    expect(rows).toEqual([
      [1, 'row 1', null],
      [2, 'row 2', null],
      [3, 'row 3', null],
    ]);
  });

  it('prepares a text once per connection, and past the bound runs new texts unprepared', async () => {
    const before = await preparedHere();
    const text = 'SELECT $1::int + 1 AS next';
    expect(await preparedRows(dataSource, text, [1])).toEqual([[2]]);
    expect(await preparedRows(dataSource, text, [41])).toEqual([[42]]);
    expect(await preparedHere()).toBe(before + 1);

    // Texts a client could vary without end (a report's dimensions and filters): every one is
    // answered, and past the bound (counted over the process: other files' statements too) the
    // new ones are planned per call, not kept.
    const last = `SELECT $1::int + ${maxPreparedTexts} AS sum`;
    for (let i = 0; i <= maxPreparedTexts; i++)
      expect(await preparedRows(dataSource, `SELECT $1::int + ${i} AS sum`, [1])).toEqual([
        [1 + i],
      ]);
    const kept = await dataSource.query<{ statement: string }[]>(
      'SELECT statement FROM pg_prepared_statements',
    );
    expect(kept.length).toBeLessThanOrEqual(maxPreparedTexts);
    expect(kept.map((k) => k.statement)).not.toContain(last);
  });
});
