import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type GeoCollection,
  type GeoFeature,
  joinProvinces,
  joinRegions,
  provinceFileOf,
  provinceKey,
  provinceNameOf,
  regionCodeOf,
} from './mapJoins.js';
import { areaValue, mapMeasures, measureOf } from './mapMeasures.js';

const geoDir = path.resolve(import.meta.dirname, '../../../public/geo');
const referenceDir = path.resolve(import.meta.dirname, '../../../../api/data/reference');
const geo = (file: string) =>
  JSON.parse(readFileSync(path.join(geoDir, file), 'utf8')) as GeoCollection;

/** The API's committed reference data (what the seed loads), read as the rows of a CSV. */
function reference(file: string): Record<string, string>[] {
  const [head, ...lines] = gunzipSync(readFileSync(path.join(referenceDir, file)))
    .toString('utf8')
    .trim()
    .split('\n');
  const cells = (line: string): string[] =>
    [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)]
      .slice(0, head!.split(',').length)
      .map((m) => m[2] ?? m[1]!);
  const names = cells(head!);
  return lines.map((line): Record<string, string> =>
    Object.fromEntries(cells(line).map((v, i) => [names[i]!, v] as const)),
  );
}

const feature = (props: Partial<GeoFeature['properties']>): GeoFeature => ({
  type: 'Feature',
  properties: { adm1_psgc: 1400000000, ...props },
  geometry: { type: 'Polygon', coordinates: [] },
});

describe('provinceKey', () => {
  it.each([
    ['Abra', 'ABRA'],
    ['ABRA', 'ABRA'],
    ['Mountain Province', 'MOUNTAIN PROVINCE'],
    ['City of Isabela (Not a Province)', 'CITY OF ISABELA'],
    ['NCR, City of Manila, First District (Not a Province)', 'NCR FIRST DISTRICT'],
    ['NCR FIRST DISTRICT', 'NCR FIRST DISTRICT'],
    ['NCR   SECOND DISTRICT', 'NCR SECOND DISTRICT'],
    ['Davao de Oro', 'DAVAO DE ORO'],
  ])('%s → %s', (name, key) => {
    expect(provinceKey(name)).toBe(key);
  });
});

describe('joins of the PSGC 2023 boundaries', () => {
  const regions = reference('regions.csv.gz').map((r) => ({
    id: r.id!,
    name: r.name!,
    psgcCode: r.psgc_code || null,
  }));
  const divisions = reference('divisions.csv.gz').map((d) => ({
    id: d.id!,
    name: d.name!,
    regionId: d.region_id!,
    province: d.province || null,
  }));

  it('every region of ours with a PSGC code has its shape; PSO (overseas) has none', () => {
    const join = joinRegions(geo('regions.geojson').features, regions);
    expect(join.areas).toHaveLength(17);
    expect(join.areas.every((a) => a.places.length === 1)).toBe(true);
    expect(join.unmatched.map((r) => r.name)).toEqual(['PSO']);
    expect(regionCodeOf(feature({ adm1_psgc: 1400000000 }))).toBe('14');
    expect(regionCodeOf(feature({ adm1_psgc: 100000000 }))).toBe('01');
  });

  it("every home division lies in a province (NCR: a district) of its own region's file, and every province has a division", () => {
    const files = new Set(readdirSync(geoDir));
    for (const region of regions.filter((r) => r.psgcCode)) {
      const file = provinceFileOf(region.psgcCode!);
      expect(files.has(file), file).toBe(true);
      const own = divisions.filter((d) => d.regionId === region.id);
      const join = joinProvinces(geo(file).features, own);
      expect(
        join.unmatched.map((d) => d.name),
        region.name,
      ).toEqual([]);
      const empty = join.areas.filter((a) => a.places.length === 0).map((a) => a.name);
      expect(empty, region.name).toEqual([]);
    }
  });

  it('names: "(Not a Province)" dropped, the unnamed Special Geographic Area named', () => {
    expect(provinceNameOf(feature({ adm2_en: 'City of Isabela (Not a Province)' }))).toBe(
      'City of Isabela',
    );
    expect(provinceNameOf(feature({ adm2_en: null, adm2_psgc: 1909900000 }))).toBe(
      'Special Geographic Area',
    );
  });
});

describe('map measures', () => {
  const baguio = { learners: 100, male: 40, female: 60, previousYearLearners: 90 };
  const benguet = { learners: 300, male: 160, female: 140, previousYearLearners: 310 };

  it.each([
    ['learners', [baguio, benguet], 400],
    ['change', [baguio, benguet], 0],
    // Females per male of the province (200 / 200), not the mean of 1.5 and 0.875.
    ['gpi', [baguio, benguet], 1],
    ['learners', [], null],
    ['gpi', [{ ...baguio, male: null }, benguet], null],
    ['change', [{ ...baguio, previousYearLearners: 0 }], null],
  ] as const)('%s of %j is %s', (key, places, value) => {
    expect(areaValue(measureOf(key), places)).toBe(value);
  });

  it('an unknown ?measure= opens on learners; keys are unique', () => {
    expect(measureOf('nonsense').key).toBe('learners');
    expect(new Set(mapMeasures.map((m) => m.key)).size).toBe(mapMeasures.length);
  });
});
