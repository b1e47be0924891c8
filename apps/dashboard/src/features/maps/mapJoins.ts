/**
 * Joins of the PSGC 2023 boundaries (public/geo, from ../shared/data/geo) to our places
 * (issue 22). Regions by PSGC code; provinces by `Division.province`, which the reference data
 * sets to each division's PSGC province (NCR: district) name. A province's figures are the sum
 * of its divisions' (a city division is summed into the province it lies in).
 */

export interface GeoFeature {
  type: 'Feature';
  properties: {
    adm1_psgc: number;
    adm1_en?: string | null;
    adm2_psgc?: number | null;
    adm2_en?: string | null;
  };
  geometry: { type: string; coordinates?: unknown };
}

export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** The two-digit PSGC region code of a feature (1400000000 → "14"), as `Region.psgcCode`. */
export function regionCodeOf(feature: GeoFeature): string {
  return String(Math.round(feature.properties.adm1_psgc / 1e8)).padStart(2, '0');
}

/** The file of a region's provinces (NCR: districts), by its two-digit PSGC code. */
export function provinceFileOf(psgcCode: string): string {
  return `provinces-region-${Number(psgcCode) * 1e8}.geojson`;
}

// The Special Geographic Area of BARMM (North Cotabato's barangays that joined it in 2019) has
// no name in the 2023 file; its code is its name.
const unnamed: Record<number, string> = { 1909900000: 'Special Geographic Area' };

/** A province's name for people: "City of Isabela", "NCR, Second District". */
export function provinceNameOf(feature: GeoFeature): string {
  const p = feature.properties;
  const name = p.adm2_en ?? unnamed[p.adm2_psgc ?? 0] ?? String(p.adm2_psgc);
  return name.replace(/\s*\(Not a Province\)\s*$/, '');
}

/**
 * The key provinces are matched by: upper case, punctuation and "(Not a Province)" dropped; an
 * NCR district is "NCR <ORDINAL> DISTRICT" whichever way it is written ("NCR, City of Manila,
 * First District" in PSGC, "NCR FIRST DISTRICT" in ours).
 */
export function provinceKey(name: string): string {
  const upper = name.toUpperCase().replace(/\(.*?\)/g, ' ');
  const ncr = /NCR.*\b(FIRST|SECOND|THIRD|FOURTH) DISTRICT/.exec(upper.replace(/[^A-Z]+/g, ' '));
  if (ncr) return `NCR ${ncr[1]} DISTRICT`;
  return upper
    .replace(/[^A-Z0-9Ñ]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export interface RegionPlace {
  id: string;
  name: string;
  psgcCode: string | null;
}

export interface JoinedArea<Place> {
  id: string;
  name: string;
  feature: GeoFeature;
  /** Our places drawn as this area (a region: itself; a province: its divisions). */
  places: Place[];
}

export interface Join<Place> {
  areas: JoinedArea<Place>[];
  /** Our places no area matched (shown in the table, not on the map). */
  unmatched: Place[];
}

/** Each region's shape with our region of the same PSGC code. */
export function joinRegions<Place extends RegionPlace>(
  features: GeoFeature[],
  regions: Place[],
): Join<Place> {
  const byCode = new Map(regions.filter((r) => r.psgcCode).map((r) => [r.psgcCode!, r]));
  const areas = features.map((feature) => {
    const region = byCode.get(regionCodeOf(feature));
    return {
      id: region?.id ?? `psgc-${feature.properties.adm1_psgc}`,
      name: region?.name ?? feature.properties.adm1_en ?? regionCodeOf(feature),
      feature,
      places: region ? [region] : [],
    };
  });
  const drawn = new Set(features.map(regionCodeOf));
  return { areas, unmatched: regions.filter((r) => !r.psgcCode || !drawn.has(r.psgcCode)) };
}

/** Each province's shape with the divisions whose `province` names it. */
export function joinProvinces<Place extends { province?: string | null }>(
  features: GeoFeature[],
  divisions: Place[],
): Join<Place> {
  const byKey = new Map<string, Place[]>();
  for (const d of divisions) {
    if (!d.province) continue;
    const key = provinceKey(d.province);
    byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  const areas = features.map((feature) => {
    const name = provinceNameOf(feature);
    return {
      id: String(feature.properties.adm2_psgc ?? name),
      name,
      feature,
      places: byKey.get(provinceKey(name)) ?? [],
    };
  });
  const drawn = new Set(areas.map((a) => provinceKey(a.name)));
  return {
    areas,
    unmatched: divisions.filter((d) => !d.province || !drawn.has(provinceKey(d.province))),
  };
}
