import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource } from 'typeorm';
import {
  openTestDataSource,
  QueryCounter,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

const counter = new QueryCounter();
let dataSource: DataSource;
let server: TestServer;
beforeAll(async () => {
  dataSource = await openTestDataSource(counter);
  server = await startTestServer(dataSource);
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

// regions.csv: every region with divisions in SY 2023-24 (NIR has none yet).
const expectedRegions = [
  'Region I',
  'Region II',
  'Region III',
  'Region IV-A',
  'MIMAROPA',
  'Region V',
  'Region VI',
  'Region VII',
  'Region VIII',
  'Region IX',
  'Region X',
  'Region XI',
  'Region XII',
  'CARAGA',
  'BARMM',
  'CAR',
  'NCR',
  'PSO',
];

describe('regions', () => {
  it('lists the 18 regions of SY 2023-24 in DepEd order, PSO included', async () => {
    const { data } = await server.graphql<{ regions: { name: string }[] }>('{ regions { name } }');
    expect(data?.regions.map((r) => r.name)).toEqual(expectedRegions);
  });

  it('gives a region its divisions, with school counts that add up to the region', async () => {
    const { data } = await server.graphql<{
      region: {
        name: string;
        schoolCount: number;
        divisionCount: number;
        divisions: { name: string; schoolCount: number }[];
      };
    }>(
      'query ($id: ID!) { region(id: $id) { name schoolCount divisionCount divisions { name schoolCount } } }',
      { id: '17' },
    );
    expect(data?.region.name).toBe('NCR');
    expect(data?.region.divisionCount).toBe(16);
    expect(data?.region.divisions).toHaveLength(16);
    const sum = data!.region.divisions.reduce((total, d) => total + d.schoolCount, 0);
    expect(sum).toBe(data?.region.schoolCount);
  });

  it('answers null for a region that does not exist', async () => {
    const { data } = await server.graphql(
      '{ a: region(id: "999") { name } b: region(id: "x") { name } }',
    );
    expect(data).toEqual({ a: null, b: null });
  });

  it('batches nested lists: the whole tree costs a fixed number of queries, not one per parent', async () => {
    counter.count = 0;
    const { data, errors } = await server.graphql<{ regions: { divisions: unknown[] }[] }>(`{
      regions { schoolCount divisions { name schoolCount region { name }
        schools(first: 2) { totalCount nodes { name division { name } region { name } } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.regions.flatMap((r) => r.divisions)).toHaveLength(237);
    // regions, divisions, region/division school counts, one page, one match count, lookups.
    expect(counter.count).toBeLessThanOrEqual(8);
  });
});
