import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  openTestDataSource,
  resolveTestPlaces,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';

// Every report read as the owner, outside row-level security, goes through place-scope.ts: a place
// asked for must be the viewer's own, inside it or above it (SPEC §1). Reads only: no rows written.
const SY = '2026-2027';
type Kind = 'school' | 'division' | 'region';

/** Each report, the field naming each kind of place it takes, and its query for one place. */
const reports: Record<
  string,
  {
    fields: Partial<Record<Kind, string>>;
    ask: (kind: Kind, id: string) => { query: string; variables: Record<string, unknown> };
  }
> = {
  enrollmentSummary: {
    fields: {
      school: 'filter.schoolIds',
      division: 'filter.divisionIds',
      region: 'filter.regionIds',
    },
    ask: (kind, id) => ({
      query: `query($f: EnrollmentSummaryFilter) { enrollmentSummary(filter: $f, groupBy: []) { learners } }`,
      variables: { f: { schoolYear: SY, [`${kind}Ids`]: [id] } },
    }),
  },
  earlyRegistrationProgress: {
    fields: { division: 'divisionId', region: 'regionId' },
    ask: (kind, id) => ({
      query: `query($divisionId: ID, $regionId: ID) {
        earlyRegistrationProgress(schoolYear: "${SY}", divisionId: $divisionId, regionId: $regionId) { registrations } }`,
      variables: { [`${kind}Id`]: id },
    }),
  },
  quickCount: {
    fields: { school: 'schoolId', division: 'divisionId' },
    ask: (kind, id) => ({
      query: `query($schoolId: String, $divisionId: ID) {
        quickCount(schoolYear: "${SY}", schoolId: $schoolId, divisionId: $divisionId) { enrolled } }`,
      variables: { [`${kind}Id`]: id },
    }),
  },
  preRegistrationsByDay: {
    fields: { school: 'schoolId', division: 'divisionId' },
    ask: (kind, id) => ({
      query: `query($schoolId: String, $divisionId: ID) {
        preRegistrationsByDay(schoolYear: "${SY}", schoolId: $schoolId, divisionId: $divisionId) { date } }`,
      variables: { [`${kind}Id`]: id },
    }),
  },
};

type Viewer = 'school' | 'division' | 'region' | 'nation';
/** The places of the table: the viewers' own (home…), and others around them. */
type PlaceName =
  | 'homeSchool'
  | 'homeDivision'
  | 'homeRegion'
  | 'schoolOfHomeDivision'
  | 'divisionOfHomeRegion'
  | 'schoolOfThatDivision'
  | 'otherRegion'
  | 'divisionOfOtherRegion'
  | 'schoolOfOtherRegion';

/** Who asks for which place, and whether it is outside the asker's own. */
const table: [Viewer, Kind, PlaceName, 'refused' | 'read'][] = [
  ['school', 'school', 'schoolOfHomeDivision', 'refused'],
  ['school', 'division', 'divisionOfHomeRegion', 'refused'],
  ['school', 'region', 'otherRegion', 'refused'],
  ['division', 'school', 'schoolOfThatDivision', 'refused'],
  ['division', 'division', 'divisionOfHomeRegion', 'refused'],
  ['division', 'region', 'otherRegion', 'refused'],
  ['region', 'school', 'schoolOfOtherRegion', 'refused'],
  ['region', 'division', 'divisionOfOtherRegion', 'refused'],
  ['region', 'region', 'otherRegion', 'refused'],
  ['school', 'school', 'homeSchool', 'read'],
  ['school', 'division', 'homeDivision', 'read'],
  ['school', 'region', 'homeRegion', 'read'],
  ['division', 'school', 'homeSchool', 'read'],
  ['division', 'division', 'homeDivision', 'read'],
  ['division', 'region', 'homeRegion', 'read'],
  ['region', 'school', 'homeSchool', 'read'],
  ['region', 'division', 'homeDivision', 'read'],
  ['region', 'region', 'homeRegion', 'read'],
  ['nation', 'school', 'schoolOfOtherRegion', 'read'],
  ['nation', 'division', 'divisionOfOtherRegion', 'read'],
  ['nation', 'region', 'otherRegion', 'read'],
];

let dataSource: DataSource;
let server: TestServer;
const tokens = {} as Record<Viewer, string>;
const places = {} as Record<PlaceName, string>;

/** The places of the table around the test places (harness.ts). */
async function findPlaces() {
  const home = await resolveTestPlaces(dataSource);
  const one = async (sql: string, params: unknown[]) =>
    String((await dataSource.query<{ id: number }[]>(`${sql} ORDER BY id LIMIT 1`, params))[0]!.id);
  places.homeSchool = String(home.schoolId);
  places.homeDivision = String(home.divisionId);
  places.homeRegion = String(home.regionId);
  places.schoolOfHomeDivision = await one(
    'SELECT id FROM school WHERE division_id = $1 AND id <> $2',
    [home.divisionId, home.schoolId],
  );
  places.divisionOfHomeRegion = await one(
    'SELECT id FROM division WHERE region_id = $1 AND id <> $2 AND id IN (SELECT division_id FROM school)',
    [home.regionId, home.divisionId],
  );
  places.schoolOfThatDivision = await one('SELECT id FROM school WHERE division_id = $1', [
    Number(places.divisionOfHomeRegion),
  ]);
  places.otherRegion = await one('SELECT id FROM region WHERE id <> $1', [home.regionId]);
  places.divisionOfOtherRegion = await one('SELECT id FROM division WHERE region_id = $1', [
    Number(places.otherRegion),
  ]);
  places.schoolOfOtherRegion = await one('SELECT id FROM school WHERE division_id = $1', [
    Number(places.divisionOfOtherRegion),
  ]);
  return home;
}

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const home = await findPlaces();
  const account = async (role: Role, place: Parameters<typeof createTestAccount>[2]) =>
    (await createTestAccount(dataSource, role, place)).token;
  tokens.school = await account(Role.SCHOOL_REGISTRAR, { schoolId: home.schoolId });
  tokens.division = await account(Role.DIVISION_MONITOR, { divisionId: home.divisionId });
  tokens.region = await account(Role.REGIONAL_PLANNER, { regionId: home.regionId });
  tokens.nation = await account(Role.NATIONAL_ANALYST, {});
});
afterAll(async () => {
  await server.close();
  await dataSource.destroy();
});

const cases = Object.entries(reports).flatMap(([report, { fields }]) =>
  table
    .filter(([, kind]) => fields[kind])
    .map(([viewer, kind, place, outcome]) => [report, viewer, kind, place, outcome] as const),
);

describe('each report read outside row-level security holds a viewer to its place (place-scope.ts)', () => {
  it.each(cases)(
    '%s: a %s account asking for the %s %s is %s',
    async (report, viewer, kind, place, outcome) => {
      const id = kind === 'school' ? places[place].padStart(6, '0') : places[place];
      const { query, variables } = reports[report]!.ask(kind, id);
      const { data, errors } = await server.graphql<Record<string, unknown>>(
        query,
        variables,
        tokens[viewer],
      );
      if (outcome === 'refused') {
        expect(data?.[report] ?? null).toBeNull();
        expect(errors?.[0]?.message).toBe('This place is outside your scope');
        expect(errors?.[0]?.extensions).toMatchObject({
          code: 'OUTSIDE_SCOPE',
          field: reports[report]!.fields[kind],
        });
      } else {
        expect(errors).toBeUndefined();
        expect(data?.[report]).toBeDefined();
      }
    },
  );
});
