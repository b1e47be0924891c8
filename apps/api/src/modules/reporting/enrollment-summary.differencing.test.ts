// 200 random tables for an aggregate-only role (issue 18): the same cell always gets the same
// answer (asked twice, in another grouping, in another order, as another measure), so repeating a
// question and averaging gains nothing; and differencing two published cells recovers a true small
// count of a category (1-9) in at most half the attempts (cell-key method, @repo/domain/cell-key).
import { Role } from '@repo/domain/access';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ask,
  askCount,
  type Question,
  rekeyWorld,
  removeWorld,
  type SummaryRow,
  truth,
  type World,
  type WorldLearner,
  writeWorld,
  worldSchools,
} from '../../../test/cell-key-fixtures.js';
import {
  createTestAccount,
  openTestDataSource,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { mulberry32 } from '../datasets/synthetic-learners.js';

const SY = '2036-2037';
const TABLES = 200;
const GRADES = ['GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4'];
const CATEGORIES = ['IP', 'SPED', 'FOUR_PS', 'BALIK_ARAL', 'OSC'];
const SEXES = ['MALE', 'FEMALE'];
type Dim = 'SCHOOL' | 'GRADE_LEVEL' | 'SEX' | 'CATEGORY';
const DIMENSIONS: Dim[] = ['SCHOOL', 'GRADE_LEVEL', 'SEX', 'CATEGORY'];

const random = mulberry32(20270118);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], p: number): T[] => list.filter(() => random() < p);

let dataSource: DataSource;
let server: TestServer;
let world: World;
let analyst: string;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  server = await startTestServer(dataSource);
  const { schools } = await worldSchools(dataSource);
  const creator = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, {
    schoolId: schools[0],
  });
  // 240 learners over 3 schools and 4 grades: many small cells of every category.
  const learners: WorldLearner[] = Array.from({ length: 240 }, () => ({
    school: pick(schools),
    grade: pick(GRADES),
    sex: pick(SEXES) as 'MALE' | 'FEMALE',
    ip: random() < 0.25,
    sped: random() < 0.08,
    fourPs: random() < 0.3,
    categories: random() < 0.12 ? ['BALIK_ARAL'] : random() < 0.06 ? ['OSC'] : [],
  }));
  world = await writeWorld(dataSource, SY, creator.id, learners);
  await rekeyWorld(dataSource, world, 77);
  analyst = (await createTestAccount(dataSource, Role.NATIONAL_ANALYST)).token;
}, 60_000);
afterAll(async () => {
  await removeWorld(dataSource, SY);
  await server.close();
  await dataSource.destroy();
});

/** A random question involving at least one category, and its groupings. */
function randomTable(): { q: Question; groupBy: Dim[] } {
  const q: Question = { categories: some(CATEGORIES, 0.35) };
  if (random() < 0.4) q.schoolIds = some(world.schools, 0.6);
  if (random() < 0.4) q.gradeLevels = some(GRADES, 0.5);
  if (random() < 0.25) q.sexes = [pick(SEXES)];
  for (const key of ['categories', 'schoolIds', 'gradeLevels'] as const)
    if (!q[key]?.length) delete q[key];
  const groupBy = some(DIMENSIONS, 0.35).slice(0, 2);
  if (!q.categories && !groupBy.includes('CATEGORY')) groupBy.push('CATEGORY');
  return { q, groupBy };
}

const keyOf = (row: SummaryRow, groupBy: Dim[]) =>
  groupBy.map((d) => String(row[fieldOf[d]])).join('|');
const fieldOf: Record<Dim, string> = {
  SCHOOL: 'school',
  GRADE_LEVEL: 'gradeLevel',
  SEX: 'sex',
  CATEGORY: 'category',
};
const byCell = (rows: SummaryRow[], groupBy: Dim[]) =>
  new Map(rows.map((r) => [keyOf(r, groupBy), [r.learners, r.male, r.female]]));

/** The row's cell as a question of its own: the row's keys become filters (CATEGORY stays). */
function narrowed(q: Question, row: SummaryRow, groupBy: Dim[]): Question {
  const n: Question = { ...q };
  if (groupBy.includes('SCHOOL')) n.schoolIds = [Number(row.school)];
  if (groupBy.includes('GRADE_LEVEL')) n.gradeLevels = [String(row.gradeLevel)];
  if (groupBy.includes('SEX')) n.sexes = [String(row.sex)];
  return n;
}

describe('200 random tables for an aggregate-only role', () => {
  it('give the same answer for the same cell however asked, and differences recover few small counts', async () => {
    let cells = 0;
    let attempts = 0;
    let recovered = 0;
    for (let t = 0; t < TABLES; t++) {
      const { q, groupBy } = randomTable();
      const first = await ask(server, analyst, world, q, groupBy);
      const again = await ask(server, analyst, world, q, groupBy);
      const reversed = await ask(server, analyst, world, q, [...groupBy].reverse());
      expect(byCell(again, groupBy), JSON.stringify({ q, groupBy })).toEqual(
        byCell(first, groupBy),
      );
      expect(byCell(reversed, groupBy)).toEqual(byCell(first, groupBy));
      // Two rows of each table asked again in another grouping: only CATEGORY kept as a grouping.
      for (const row of first.slice(0, 2)) {
        const n = narrowed(q, row, groupBy);
        const other = groupBy.includes('CATEGORY')
          ? (await ask(server, analyst, world, n, ['CATEGORY'])).find(
              (r) => r.category === row.category,
            )
          : (await ask(server, analyst, world, n))[0];
        expect(other?.learners ?? 0, JSON.stringify({ q, groupBy, row })).toBe(row.learners);
        // The row's male count is the same cell as its learners filtered to boys.
        if (!n.sexes) {
          const boys = groupBy.includes('CATEGORY')
            ? (await ask(server, analyst, world, { ...n, sexes: ['MALE'] }, ['CATEGORY'])).find(
                (r) => r.category === row.category,
              )?.learners
            : await askCount(server, analyst, world, { ...n, sexes: ['MALE'] });
          expect(boys ?? 0).toBe(row.male);
        }
        cells++;
      }
      // Up to two differences aimed at a small count per table (up to six tries to find them).
      for (let tries = 0, made = 0; tries < 6 && made < 2; tries++) {
        const attack = await difference(q);
        if (!attack) continue;
        made++;
        attempts++;
        if (attack.recovered) recovered++;
      }
    }
    const rate = recovered / attempts;
    console.log(
      `200 random tables: ${cells} cells asked again in another grouping, all the same; ` +
        `${attempts} differences aimed at a true small count (1-9), ${recovered} recovered it: ${(rate * 100).toFixed(1)} %`,
    );
    expect(cells).toBeGreaterThan(200);
    expect(attempts).toBeGreaterThan(150);
    expect(rate).toBeLessThanOrEqual(0.5);
  }, 60_000);
});

/**
 * One differencing attempt on the table's question: a wider cell minus a narrower one (two grades,
 * schools or sexes minus one of them; or two categories minus one), when what it aims at is a true
 * count from 1 to 9. Null when it aims at nothing small.
 */
async function difference(q: Question): Promise<{ recovered: boolean } | null> {
  const how = pick(['gradeLevels', 'schoolIds', 'sexes', 'categories'] as const);
  let wide: Question;
  let narrow: Question;
  let target: { q: Question; butNot: string[] };
  if (how === 'categories') {
    const [a, b] = [pick(CATEGORIES), pick(CATEGORIES)];
    if (a === b) return null;
    wide = { ...q, categories: [a, b] };
    narrow = { ...q, categories: [b] };
    target = { q: { ...q, categories: [a] }, butNot: [b] };
  } else {
    const values: (string | number)[] =
      how === 'gradeLevels' ? GRADES : how === 'schoolIds' ? world.schools : SEXES;
    const [a, b] = [pick(values), pick(values)];
    if (a === b) return null;
    const base = { ...q, categories: q.categories ?? [pick(CATEGORIES)] };
    wide = { ...base, [how]: [a, b] };
    narrow = { ...base, [how]: [b] };
    target = { q: { ...base, [how]: [a] }, butNot: [] };
  }
  const { count } = await truth(dataSource, world, target.q, target.butNot);
  if (count < 1 || count > 9) return null;
  const published =
    (await askCount(server, analyst, world, wide)) -
    (await askCount(server, analyst, world, narrow));
  return { recovered: published === count };
}
