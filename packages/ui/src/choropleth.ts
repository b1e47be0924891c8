import { geoArea } from 'd3-geo';
import { sequentialColors } from './palette.js';

/** One class of a map's legend: the lowest and highest values it holds. */
export interface MapClass {
  lo: number;
  hi: number;
}

/**
 * Quantile classes over the values present (nulls, "no data", left out): the distinct values in
 * order, cut into at most `count` groups of about equal size, each group's range its own lowest
 * and highest value. Equal values always share a class, and no range lies outside the data, so
 * the legend never shows an empty class or a bound nobody has.
 */
export function classBreaks(
  values: readonly (number | null | undefined)[],
  count: number = sequentialColors.length,
): MapClass[] {
  const distinct = [...new Set(values.filter((v): v is number => Number.isFinite(v)))].sort(
    (a, b) => a - b,
  );
  const k = Math.min(count, distinct.length);
  const classes: MapClass[] = [];
  for (let i = 0; i < k; i++) {
    const group = distinct.slice(
      Math.floor((i * distinct.length) / k),
      Math.floor(((i + 1) * distinct.length) / k),
    );
    classes.push({ lo: group[0]!, hi: group.at(-1)! });
  }
  return classes;
}

/** The class a value falls in, or null (no data, or outside every class). */
export function classOf(value: number | null | undefined, classes: readonly MapClass[]) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const index = classes.findIndex((c) => value >= c.lo && value <= c.hi);
  return index < 0 ? null : index;
}

/**
 * The colour of class `index` of `count`: spread over the whole ramp, so two classes are the
 * lightest and the darkest rather than the two lightest.
 */
export function classColor(index: number, count: number): string {
  const last = sequentialColors.length - 1;
  const step = count <= 1 ? last : Math.round((index * last) / (count - 1));
  return sequentialColors[step]!;
}

type Ring = [number, number][];
type Geometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/**
 * GeoJSON (RFC 7946) winds outer rings anticlockwise; d3-geo reads polygons on the sphere and
 * takes an anticlockwise ring for everything outside it (the whole globe but the place, so
 * fitSize would zoom out to the world). Each polygon bigger than a hemisphere is turned round.
 */
export function rewindForD3<G extends { type: string; coordinates?: unknown }>(geometry: G): G {
  const turn = (rings: Ring[]) => {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  };
  const g = geometry as unknown as Geometry;
  if (g.type === 'Polygon') return { ...geometry, coordinates: turn(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...geometry, coordinates: g.coordinates.map(turn) };
  return geometry;
}
