// The flows benchmark (issue 22), run by `npm run bench` after the reporting benchmark, on the
// same database (`bench_reporting_<size>_<years>y`, filled by it with several school years learner by
// learner): `learnerFlows` through HTTP GraphQL for a national, a regional and a division question,
// next to the same counts by SQL over the base tables (learner-flows.base-sql.ts).
import { performance } from 'node:perf_hooks';
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/database.js';
import { entities } from '../entities.js';
import { mulberry32 } from '../modules/datasets/synthetic-learners.js';
import {
  type BaseQuestion,
  flowsFromBaseTables,
} from '../modules/reporting/learner-flows.base-sql.js';
import { reportingDatabase } from './bench-reporting.js';
import { graphqlClient, percentile, printTable, startApi } from './bench-support.js';
import { account } from './bench-writes.js';

const log = (line: string) => process.stderr.write(`${line}\n`);
const fields = `cohort promoted repeated completed transferredToAls notEnrolled otherSchool
  promotionRate repetitionRate dropoutRate transitionRate completionRate
  genderParity { promotionRate dropoutRate transitionRate }`;

interface Place {
  region_id: number;
  division_id: number;
}

/** The three questions at a place: GraphQL and the same counts over the base tables. */
function flowQuestions(year: string, place: Place) {
  const flows = (groupBy: string, filter: string) =>
    `{ learnerFlows(groupBy: [${groupBy}], filter: { schoolYear: "${year}"${filter} }) { ${fields} } }`;
  const question = (q: Omit<BaseQuestion, 'schoolYear'>): BaseQuestion => ({
    schoolYear: year,
    ...q,
  });
  return [
    {
      name: 'national: regions × grade',
      graphql: flows('REGION, GRADE_LEVEL', ''),
      sql: question({ place: null, groupBy: ['REGION', 'GRADE_LEVEL'] }),
    },
    {
      name: "a region's divisions × grade × sex",
      graphql: flows('DIVISION, GRADE_LEVEL, SEX', `, regionIds: ["${place.region_id}"]`),
      sql: question({
        place: { kind: 'region', id: place.region_id },
        groupBy: ['DIVISION', 'GRADE_LEVEL', 'SEX'],
      }),
    },
    {
      name: "a division's schools × grade",
      graphql: flows('SCHOOL, GRADE_LEVEL', `, divisionIds: ["${place.division_id}"]`),
      sql: question({
        place: { kind: 'division', id: place.division_id },
        groupBy: ['SCHOOL', 'GRADE_LEVEL'],
      }),
    },
  ];
}

/**
 * The latest cohort year whose next year holds most of its learners again (the writes bench enrols
 * a few learners in the year after the data set's last: not a year to follow a cohort into), and
 * the divisions of that year.
 */
async function cohortAndPlaces(dataSource: DataSource) {
  const sizes = await dataSource.query<{ school_year: string; learners: number }[]>(
    `SELECT school_year, sum(learners)::int AS learners FROM enrollment_rollup_region
     GROUP BY 1 ORDER BY 1`,
  );
  const years = sizes.map((r) => r.school_year);
  const cohort = sizes
    .filter((r, i) => i + 1 < sizes.length && sizes[i + 1]!.learners * 2 > r.learners)
    .at(-1)?.school_year;
  const places = await dataSource.query<Place[]>(
    `SELECT DISTINCT region_id, division_id FROM learner_flow_rollup_division_brief
     WHERE school_year = $1 ORDER BY 1, 2`,
    [cohort],
  );
  return { years, cohort, places };
}

export async function flowsBench(size: number, queries: number, years: number) {
  const database = await openDatabase(reportingDatabase(size, years), log);
  const dataSource = createDataSource(database.url, { entities, poolSize: 4 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const { years: held, cohort, places } = await cohortAndPlaces(dataSource);
    if (!cohort || places.length === 0) {
      log(
        `flows: ${reportingDatabase(size, years)} holds ${held.length} school year(s); run the reporting bench first`,
      );
      return;
    }
    const [{ learners, rows }] = await dataSource.query<[{ learners: number; rows: number }]>(
      `SELECT count(DISTINCT learner_id)::int AS learners, count(*)::int AS rows FROM learner_flow`,
    );
    const analyst = await account(dataSource, 'bench-analyst', Role.NATIONAL_ANALYST);
    const api = await startApi(database.url);
    const client = graphqlClient(api.port);
    const random = mulberry32(22);
    // Each question at random places: 20 to warm up, then the ones timed.
    const asked = [0, 1, 2].map((q) =>
      Array.from(
        { length: queries + 20 },
        () => flowQuestions(cohort, places[Math.floor(random() * places.length)]!)[q]!,
      ),
    );
    const graphqlTimes: number[][] = [];
    for (const questions of asked) {
      const times: number[] = [];
      for (const [i, question] of questions.entries()) {
        const { ms } = await client.run(analyst, question.graphql);
        if (i >= 20) times.push(ms);
      }
      graphqlTimes.push(times);
    }
    // The SQL over the base tables once every request is timed, not between the timed requests:
    // each of its statements is tens of seconds of full CPU, and the request right after one was
    // slower (34 ms against about 20, measured), a cost of the comparison, not of learnerFlows.
    const table: string[][] = [];
    for (const [q, questions] of asked.entries()) {
      const sqlTimes: number[] = [];
      for (const question of questions.slice(20, 23)) {
        const started = performance.now();
        await flowsFromBaseTables(dataSource, question.sql);
        sqlTimes.push(performance.now() - started);
      }
      const sqlP50 = percentile(sqlTimes, 50);
      const p95 = percentile(graphqlTimes[q]!, 95);
      table.push([
        questions[0]!.name,
        percentile(graphqlTimes[q]!, 50).toFixed(1),
        p95.toFixed(1),
        sqlP50.toFixed(0),
        `${(sqlP50 / p95).toFixed(0)}×`,
      ]);
    }
    client.close();
    await api.stop();
    console.log(
      `\nlearnerFlows over ${learners.toLocaleString('en-PH')} learners' ${rows.toLocaleString('en-PH')} learner-years (${held[0]} to ${held.at(-1)}), cohort ${cohort} (HTTP GraphQL, one client, ms; SQL = the same counts over the base tables, median of 3)`,
    );
    printTable(['question', 'p50', 'p95', 'SQL p50', 'SQL ÷ p95'], table);
  } finally {
    await dataSource.destroy();
    await database.release();
  }
}
