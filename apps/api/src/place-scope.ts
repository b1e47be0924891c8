// The place a report may read, for every read that runs as the owner, outside row-level security
// (db/scoped.ts covers the others): the ids asked for are checked once (ids.ts), a place outside
// the viewer's is refused, and what is left is the place the read is held to. SPEC §1: each
// account reads its own place; regional and national users read aggregates only.
import { type DataSource, type EntityManager } from 'typeorm';
import { badUserInput, refused } from './errors.js';
import { numericIds } from './ids.js';
import { type Viewer } from './modules/auth/viewer.js';

export type PlaceKind = 'region' | 'division' | 'school';

/** Narrowest first: the order a place's line runs from the viewer's own place outwards. */
const levels = ['school', 'division', 'region'] as const;
const depth: Record<PlaceKind | 'nation', number> = {
  nation: 0,
  region: 1,
  division: 2,
  school: 3,
};

/** The ids a client named for each kind of place, and the field that named them. */
export type AskedPlaces = Partial<
  Record<PlaceKind, { ids: readonly string[] | null | undefined; field: string }>
>;

/** Each kind's ids as numbers, with the field that named them; null where none was asked. */
export type CheckedPlaces = Record<PlaceKind, { ids: number[]; field: string } | null>;

/**
 * The place a read is held to: per kind, the ids it must be among (those asked, and the viewer's
 * own); null where that kind does not narrow it.
 */
export type ReadPlace = Record<PlaceKind, number[] | null>;

/** One school, division or region: what a report covering one place reads. */
export type OnePlace =
  | { kind: 'SCHOOL'; schoolId: number }
  | { kind: 'DIVISION'; divisionId: number }
  | { kind: 'REGION'; regionId: number };

/** A place and the places above it. */
type Line = Partial<Record<PlaceKind, number>>;

const outsideScope = (field: string) =>
  refused('OUTSIDE_SCOPE', 'This place is outside your scope', { field });

/** The ids asked for, each checked by its kind's rule (ids.ts) in the order given, before any read. */
export function checkPlaces(asked: AskedPlaces): CheckedPlaces {
  const checked: CheckedPlaces = { region: null, division: null, school: null };
  for (const kind of Object.keys(asked) as PlaceKind[]) {
    const one = asked[kind]!;
    const ids = numericIds(kind, one.ids, one.field);
    if (ids) checked[kind] = { ids, field: one.field };
  }
  return checked;
}

/**
 * The place to read: the places asked for, each of which must be the viewer's own, inside it or
 * above it (a school may name its division; a region one of its divisions), else OUTSIDE_SCOPE
 * naming the field; and the viewer's own place, so nothing outside it is read.
 */
export async function placeToRead(
  db: DataSource | EntityManager,
  viewer: Viewer,
  asked: CheckedPlaces,
): Promise<ReadPlace> {
  const { scope } = viewer;
  const place: ReadPlace = {
    region: asked.region?.ids ?? null,
    division: asked.division?.ids ?? null,
    school: asked.school?.ids ?? null,
  };
  if (levels.every((kind) => !asked[kind])) return withOwn(place, viewer);
  const lines = await linesOf(db, viewer, asked);
  // A place that does not exist is a mistake in the request, named as one (issue 19:
  // `divisionIds: ["99999"]`); places are public reference data, so saying so reveals nothing.
  for (const kind of levels)
    for (const id of asked[kind]?.ids ?? [])
      if (!lines[kind].has(id))
        throw badUserInput(asked[kind]!.field, 'PLACE_UNKNOWN', `There is no ${kind} ${id}`);
  if (scope.kind === 'NATION') return withOwn(place, viewer);
  const own = ownLine(viewer, lines);
  for (const kind of nearestFirst(viewer)) {
    const one = asked[kind];
    if (!one) continue;
    for (const id of one.ids) {
      const line = lines[kind].get(id);
      if (!own || !line || !onOneLine(line, own)) throw outsideScope(one.field);
    }
  }
  return withOwn(place, viewer);
}

/** The narrowest single place of a read, for a report that covers one; null if none narrows it. */
export function onePlace(place: ReadPlace): OnePlace | null {
  if (place.school?.length === 1) return { kind: 'SCHOOL', schoolId: place.school[0]! };
  if (place.division?.length === 1) return { kind: 'DIVISION', divisionId: place.division[0]! };
  if (place.region?.length === 1) return { kind: 'REGION', regionId: place.region[0]! };
  return null;
}

/**
 * The place as SQL conditions on the given columns, each value a parameter from `param`. Ids are
 * compared as integers: an id past the smallint keys names no place, it is no error.
 */
export function placeConditions(
  place: ReadPlace,
  columns: Partial<Record<PlaceKind, string>>,
  param: (value: unknown) => string,
): string[] {
  const conditions: string[] = [];
  for (const kind of [...levels].reverse()) {
    const ids = place[kind];
    const column = columns[kind];
    if (!ids || !column) continue;
    conditions.push(
      ids.length === 1
        ? `${column} = ${param(ids[0])}::int`
        : `${column} = ANY (${param(ids)}::int[])`,
    );
  }
  return conditions;
}

/** The viewer's own place added to what was asked (at its level, the asked ids are its own). */
function withOwn(place: ReadPlace, { scope }: Viewer): ReadPlace {
  if (scope.kind === 'SCHOOL') return { ...place, school: [scope.schoolId] };
  if (scope.kind === 'DIVISION') return { ...place, division: [scope.divisionId] };
  if (scope.kind === 'REGION') return { ...place, region: [scope.regionId] };
  return place;
}

/**
 * The kinds to check, the viewer's own level first, then by distance from it, narrower first on a
 * tie: the field a refusal names when more than one is outside.
 */
function nearestFirst({ scope }: Viewer): PlaceKind[] {
  const own = depth[scope.kind.toLowerCase() as PlaceKind | 'nation'];
  return [...levels].sort(
    (a, b) => Math.abs(depth[a] - own) - Math.abs(depth[b] - own) || depth[b] - depth[a],
  );
}

/** Whether two places are one inside the other (or the same): equal wherever both have a level. */
function onOneLine(a: Line, b: Line): boolean {
  return levels.every(
    (kind) => a[kind] === undefined || b[kind] === undefined || a[kind] === b[kind],
  );
}

/** The lines of the schools and divisions asked for, and of the viewer's own, in one query. */
async function linesOf(db: DataSource | EntityManager, { scope }: Viewer, asked: CheckedPlaces) {
  const schools = [
    ...(asked.school?.ids ?? []),
    ...(scope.kind === 'SCHOOL' ? [scope.schoolId] : []),
  ];
  const divisions = [
    ...(asked.division?.ids ?? []),
    ...(scope.kind === 'DIVISION' ? [scope.divisionId] : []),
  ];
  const rows = await db.query<
    { kind: PlaceKind; id: number; division_id: number | null; region_id: number }[]
  >(
    `SELECT 'school' AS kind, id, division_id, region_id FROM school WHERE id = ANY ($1::int[])
     UNION ALL
     SELECT 'division', id, id, region_id FROM division WHERE id = ANY ($2::int[])
     UNION ALL
     SELECT 'region', id, NULL, id FROM region WHERE id = ANY ($3::int[])`,
    [schools, divisions, asked.region?.ids ?? []],
  );
  const lines = {
    school: new Map<number, Line>(),
    division: new Map<number, Line>(),
    region: new Map<number, Line>(),
  };
  for (const row of rows) {
    const line: Line = { region: row.region_id };
    if (row.division_id !== null) line.division = row.division_id;
    if (row.kind === 'school') line.school = row.id;
    lines[row.kind].set(row.id, line);
  }
  return lines;
}

/** The viewer's own line; null when its place is not found (nothing is then inside it). */
function ownLine({ scope }: Viewer, lines: Awaited<ReturnType<typeof linesOf>>): Line | null {
  if (scope.kind === 'SCHOOL') return lines.school.get(scope.schoolId) ?? null;
  if (scope.kind === 'DIVISION') return lines.division.get(scope.divisionId) ?? null;
  if (scope.kind === 'REGION') return { region: scope.regionId };
  return {};
}
