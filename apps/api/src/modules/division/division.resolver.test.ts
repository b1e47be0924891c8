import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataSource } from 'typeorm';
import { openTestDataSource, startTestServer, type TestServer } from '../../../test/harness.js';

let dataSource: DataSource;
let server: TestServer;
let divisionId: string;
beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const [row] = await dataSource.query<{ id: number }[]>(
    `SELECT d.id FROM division d JOIN region r ON r.id = d.region_id
     WHERE r.name = 'Region I' AND d.name = 'Batac City'`,
  );
  divisionId = String(row!.id);
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

type Page = {
  division: {
    name: string;
    schoolCount: number;
    region: { name: string };
    schools: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { schoolId: string; name: string }[];
    };
  };
};
const pageQuery = `query ($id: ID!, $first: Int!, $after: String, $search: String) {
  division(id: $id) { name schoolCount region { name }
    schools(first: $first, after: $after, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } nodes { schoolId name } } } }`;

describe('division', () => {
  it('pages through all its schools by name, each exactly once', async () => {
    const seen: { schoolId: string; name: string }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const response = await server.graphql<Page>(pageQuery, { id: divisionId, first: 7, after });
      expect(response.errors).toBeUndefined();
      const division: Page['division'] = response.data!.division;
      const schools = division.schools;
      total = division.schoolCount;
      seen.push(...schools.nodes);
      if (!schools.pageInfo.hasNextPage) break;
      after = schools.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((s) => s.schoolId)).size).toBe(total);
    const names = seen.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters by part of the name, case-insensitively, and counts the matches', async () => {
    const { data } = await server.graphql<Page>(pageQuery, {
      id: divisionId,
      first: 50,
      search: 'ELEMENTARY',
    });
    const schools = data!.division.schools;
    expect(schools.totalCount).toBe(schools.nodes.length);
    expect(schools.nodes.length).toBeGreaterThan(0);
    expect(schools.nodes.every((s) => /elementary/i.test(s.name))).toBe(true);
  });

  it('treats % and _ in a search as letters, not wildcards', async () => {
    const { data } = await server.graphql<Page>(pageQuery, {
      id: divisionId,
      first: 50,
      search: '%',
    });
    expect(data!.division.schools.totalCount).toBe(0);
  });

  it.each([
    [{ first: 0 }, 'first', 'PAGE_SIZE_RANGE'],
    [{ first: 201 }, 'first', 'PAGE_SIZE_RANGE'],
    [{ first: 5, after: 'not-a-cursor' }, 'after', 'CURSOR_INVALID'],
    [{ first: 5, search: 'x'.repeat(101) }, 'search', 'MAX_LENGTH'],
  ])('refuses %j naming the field and the rule', async (args, field, rule) => {
    const { errors } = await server.graphql(pageQuery, { id: divisionId, ...args });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});

describe('school', () => {
  it('finds a school by School ID, with its place in the hierarchy', async () => {
    const { data } = await server.graphql<{
      school: {
        name: string;
        sector: string;
        levelsOffered: string[];
        division: { name: string };
        region: { name: string };
      };
    }>(
      '{ school(schoolId: "300001") { name sector levelsOffered division { name } region { name } } }',
    );
    expect(data?.school).toEqual({
      name: 'Adams National High School',
      sector: 'PUBLIC',
      levelsOffered: ['JUNIOR_HIGH', 'SENIOR_HIGH'],
      division: { name: 'Ilocos Norte' },
      region: { name: 'Region I' },
    });
  });

  it('answers null for an unknown School ID and refuses a malformed one', async () => {
    const { data } = await server.graphql('{ school(schoolId: "999999") { name } }');
    expect(data).toEqual({ school: null });
    const { errors } = await server.graphql('{ school(schoolId: "12AB") { name } }');
    expect(errors?.[0]?.extensions).toMatchObject({ field: 'schoolId', rule: 'SCHOOL_ID_FORMAT' });
  });
});

describe('Division.province (issue 22: the maps join divisions to PSGC provinces by it)', () => {
  it.each([
    ['CAR', 'Abra', 'ABRA'],
    ['CAR', 'Baguio City', 'BENGUET'],
    ['NCR', 'Manila', 'NCR FIRST DISTRICT'],
    ['NCR', 'Quezon City', 'NCR SECOND DISTRICT'],
    ['Region VIII', 'Calbayog City', 'SAMAR'],
    ['Region XI', 'Davao De Oro', 'DAVAO DE ORO'],
    ['BARMM', 'Maguindanao II', 'MAGUINDANAO DEL SUR'],
    ['BARMM', 'Cotabato City', 'MAGUINDANAO DEL NORTE'],
    ['PSO', 'Qatar', null],
  ])('%s, %s: %s', async (region, name, province) => {
    const [row] = await dataSource.query<{ id: number }[]>(
      `SELECT d.id FROM division d JOIN region r ON r.id = d.region_id
       WHERE r.name = $1 AND d.name = $2`,
      [region, name],
    );
    const response = await server.graphql<{ division: { province: string | null } }>(
      'query ($id: ID!) { division(id: $id) { province } }',
      { id: String(row!.id) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.division.province).toBe(province);
  });
});
