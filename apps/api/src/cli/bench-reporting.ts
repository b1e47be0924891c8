// The reporting benchmark (issue 6), run by `npm run bench` after the search benchmark: for each
// size, a database `bench_reporting_<size>` (`…_<years>y` for several years) filled once with a
// national-shape synthetic set of that many learners a year, over consecutive school years learner
// by learner up to SY (issue 22), then
// the dashboard's queries through HTTP GraphQL next to the same answers by GROUP BY over the base
// tables, enrollment throughput with the rollups maintained, freshness and the API's memory.
import { performance } from 'node:perf_hooks';
import { Role } from '@repo/domain/access';
import { formatSchoolId } from '@repo/domain/school';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { entities } from '../entities.js';
import { openDatabase } from '../db/database.js';
import { loadEarlyRegistrationSeason } from '../modules/datasets/early-registration-season.js';
import { syntheticCells } from '../modules/datasets/enrollment-dataset.js';
import { loadEnrollmentYears } from '../modules/datasets/enrollment-years.js';
import { mulberry32 } from '../modules/datasets/synthetic-learners.js';
import { loadReferenceData } from '../modules/reference-data/reference-data.seed.js';
import { graphqlClient, percentile, printTable, startApi } from './bench-support.js';
import {
  account,
  benchWriters,
  enroll,
  enrollInput,
  timeWrites,
  type Writer,
} from './bench-writes.js';

const SY = '2025-2026';
/** The early-registration season the bench loads for a few divisions, against SY's enrollment. */
const SEASON = '2026-2027';
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The dashboard's queries, each with the raw GROUP BY that answers it from the base tables. */
function dashboardQueries(regionId: number, divisionId: number) {
  const summary = (groupBy: string, filter: string) =>
    `enrollmentSummary(groupBy: [${groupBy}], filter: { schoolYear: "${SY}"${filter} }) { learners male female }`;
  const base = `FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN school s ON s.id = e.school_id
     WHERE e.school_year = '${SY}' AND e.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')`;
  // The counts the GraphQL side asks for: learners, male, female.
  const bySex = `count(*), count(*) FILTER (WHERE l.sex = 'MALE'), count(*) FILTER (WHERE l.sex = 'FEMALE')`;
  const categories = `CROSS JOIN LATERAL unnest(array_remove(ARRAY[
       CASE WHEN l.is_indigenous THEN 'IP' END, CASE WHEN cardinality(l.special_needs) > 0 THEN 'SPED' END,
       CASE WHEN l.is_four_ps THEN 'FOUR_PS' END]::text[] || e.categories::text[], NULL)) AS c(name)`;
  return [
    {
      name: 'national by region × sex',
      graphql: `{ ${summary('REGION, SEX', '')} }`,
      sql: `SELECT s.region_id, l.sex, count(*) ${base} GROUP BY 1, 2`,
    },
    {
      name: "one region's divisions × category",
      graphql: `{ ${summary('DIVISION, CATEGORY', `, regionIds: ["${regionId}"]`)} }`,
      sql: `SELECT s.division_id, c.name, ${bySex} FROM enrollment e JOIN learner l ON l.id = e.learner_id
            JOIN school s ON s.id = e.school_id ${categories}
            WHERE e.school_year = '${SY}' AND e.status IN ('TEMPORARILY_ENROLLED', 'OFFICIALLY_ENROLLED')
              AND s.region_id = ${regionId} GROUP BY 1, 2`,
    },
    {
      name: "one division's schools",
      graphql: `{ ${summary('SCHOOL', `, divisionIds: ["${divisionId}"]`)} }`,
      sql: `SELECT s.id, ${bySex} ${base} AND s.division_id = ${divisionId} GROUP BY 1`,
    },
    {
      name: 'early registration by day',
      graphql: `{ earlyRegistrationProgress(schoolYear: "${SEASON}", divisionId: "${divisionId}") {
        days { date registrations cumulative } schools { registrations previousYearEnrollment progress } } }`,
      sql: `SELECT e.registered_on, e.school_id, count(*) FROM enrollment e JOIN school s ON s.id = e.school_id
            WHERE e.school_year IN ('${SEASON}', '${SY}') AND s.division_id = ${divisionId}
              AND (e.registered_on IS NOT NULL OR e.grade_level IN ('KINDER', 'GRADE_1', 'GRADE_7', 'GRADE_11'))
            GROUP BY 1, 2`,
    },
    {
      name: 'overview page (one request)',
      graphql: `{
        total: ${summary('', '')}
        byRegion: ${summary('REGION, SEX', '')}
        byCategory: ${summary('CATEGORY', '')}
        byGrade: ${summary('GRADE_LEVEL, SEX', '')}
        bySector: ${summary('SECTOR', '')}
      }`,
      sql: `SELECT s.region_id, e.grade_level, s.sector, l.sex, count(*) ${base} GROUP BY 1, 2, 3, 4`,
    },
  ];
}

/** The `years` school years up to SY. */
const yearsUpTo = (years: number) =>
  Array.from({ length: years }, (_, i) => {
    const start = Number(SY.slice(0, 4)) - years + 1 + i;
    return `${start}-${start + 1}`;
  });

/** The reporting bench's database of `size` learners a year over `years` school years. */
export const reportingDatabase = (size: number, years: number) =>
  years === 1 ? `bench_reporting_${size}` : `bench_reporting_${size}_${years}y`;

export async function reportingBench(size: number, queries: number, years = 1) {
  const name = reportingDatabase(size, years);
  const database = await openDatabase(name, log);
  const dataSource = createDataSource(database.url, { entities, poolSize: 8 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await loadReferenceData(dataSource);
    const loadSeconds = await fillEnrollments(dataSource, size, years);
    const [{ total }] = (await dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM enrollment
       WHERE data_source = 'SYNTHETIC' AND school_year = $1
         AND status IN ('OFFICIALLY_ENROLLED', 'TEMPORARILY_ENROLLED')`,
      [SY],
    )) as [{ total: number }];

    const analyst = await account(dataSource, 'bench-analyst', Role.NATIONAL_ANALYST);
    const { places, seasonPlaces } = await placesWithSeason(dataSource);
    const api = await startApi(database.url);
    const client = graphqlClient(api.port);
    const rows = await timeDashboardQueries(dataSource, client, analyst, {
      places,
      seasonPlaces,
      queries,
    });
    const writers = await benchWriters(dataSource);
    const writeClient = graphqlClient(api.port, writers.length);
    const writes = await timeWrites(writeClient, writers);
    const freshnessMs = await freshness(client, writeClient, analyst, writers[0]!);
    const memory = api.residentMb();
    client.close();
    writeClient.close();
    await api.stop();

    console.log(
      `\nDashboard queries over ${total.toLocaleString('en-PH')} enrolled learners in SY ${SY}, of ${years} school year(s) (HTTP GraphQL, one client, ms; SQL = GROUP BY over the base tables)`,
    );
    printTable(['query', 'p50', 'p95', 'SQL p50', 'SQL ÷ GraphQL'], rows);
    console.log(
      [
        loadSeconds === null ? 'load: done in an earlier run' : `load: ${loadSeconds.toFixed(0)} s`,
        `enrollLearner: ${writes.perSecond.toFixed(0)}/s by ${writers.length} schools at once, p95 ${percentile(writes.times, 95).toFixed(1)} ms`,
        `freshness: ${freshnessMs.toFixed(1)} ms from commit to counted`,
        `API resident memory: ${memory.toFixed(0)} MB`,
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
    await database.release();
  }
}

/**
 * Loads the national-shape set of about `size` learners a year over `years` school years up to SY,
 * once (a year already loaded is skipped); the seconds it took, or null.
 */
async function fillEnrollments(
  dataSource: DataSource,
  size: number,
  years: number,
): Promise<number | null> {
  const schoolYears = yearsUpTo(years);
  const [{ n }] = (await dataSource.query<{ n: number }[]>(
    `SELECT count(DISTINCT school_year)::int AS n FROM enrollment
     WHERE data_source = 'SYNTHETIC' AND school_year = ANY ($1)`,
    [schoolYears],
  )) as [{ n: number }];
  if (n === years) return null;
  log(
    `Loading about ${size.toLocaleString('en-PH')} synthetic learners a year, ${schoolYears.join(', ')}…`,
  );
  const load = await loadEnrollmentYears(dataSource, {
    cells: await syntheticCells(dataSource, size),
    years: schoolYears,
    seed: 7,
    onStep: (step, seconds) => log(`  ${seconds.toFixed(0)} s: ${step}`),
  });
  return load.seconds;
}

interface Place {
  region_id: number;
  division_id: number;
}

/** The divisions with enrollment in SY, and an early-registration season in some of them. */
async function placesWithSeason(dataSource: DataSource) {
  const places = await dataSource.query<Place[]>(
    `SELECT DISTINCT s.region_id, s.division_id FROM enrollment_rollup_division s
     WHERE school_year = $1 ORDER BY 1, 2`,
    [SY],
  );
  // An early-registration season in one division of every twenty-four, for the tracker's query.
  const seasonPlaces = places.filter((_, i) => i % 24 === 0);
  const registrations = await loadEarlyRegistrationSeason(dataSource, {
    season: SEASON,
    divisionIds: seasonPlaces.map((p) => p.division_id),
  });
  if (registrations > 0)
    log(
      `Early registration for ${SEASON}: ${registrations.toLocaleString('en-PH')} in ${seasonPlaces.length} divisions`,
    );
  return { places, seasonPlaces };
}

/** Each dashboard query at random places, through GraphQL and as a GROUP BY: one row each. */
async function timeDashboardQueries(
  dataSource: DataSource,
  client: ReturnType<typeof graphqlClient>,
  analyst: string,
  at: { places: Place[]; seasonPlaces: Place[]; queries: number },
): Promise<string[][]> {
  const random = mulberry32(11);
  const rows: string[][] = [];
  for (let q = 0; q < 5; q++) {
    const graphqlTimes: number[] = [];
    const sqlTimes: number[] = [];
    let name = '';
    for (let i = 0; i < at.queries + 20; i++) {
      const from = q === 3 ? at.seasonPlaces : at.places;
      const place = from[Math.floor(random() * from.length)]!;
      const query = dashboardQueries(place.region_id, place.division_id)[q]!;
      name = query.name;
      const { ms } = await client.run(analyst, query.graphql);
      if (i >= 20) graphqlTimes.push(ms); // the first 20 warm up
      // The raw GROUP BY is slow by nature (tens of seconds at 27M): three runs give its median.
      if (i >= 20 && i < 23) {
        const started = performance.now();
        await dataSource.query(query.sql);
        sqlTimes.push(performance.now() - started);
      }
    }
    const graphqlP50 = percentile(graphqlTimes, 50);
    const sqlP50 = percentile(sqlTimes, 50);
    rows.push([
      name,
      graphqlP50.toFixed(1),
      percentile(graphqlTimes, 95).toFixed(1),
      sqlP50.toFixed(1),
      `${(sqlP50 / graphqlP50).toFixed(0)}×`,
    ]);
  }
  return rows;
}

/** Freshness: from an enrollment's answer to the summary counting it, in ms (at most 5 s). */
async function freshness(
  client: ReturnType<typeof graphqlClient>,
  writeClient: ReturnType<typeof graphqlClient>,
  analyst: string,
  writer: Writer,
): Promise<number> {
  const count = async () =>
    (
      await client.run<{ enrollmentSummary: { learners: number }[] }>(
        analyst,
        `{ enrollmentSummary(groupBy: [], filter: { schoolYear: "2026-2027", schoolIds: ["${formatSchoolId(writer.schoolId)}"] }) { learners } }`,
      )
    ).data.enrollmentSummary[0]?.learners ?? 0;
  const before = await count();
  await writeClient.run(writer.token, enroll, enrollInput(writer.learners.pop()));
  const committed = performance.now();
  while ((await count()) === before && performance.now() - committed < 5000);
  return performance.now() - committed;
}
