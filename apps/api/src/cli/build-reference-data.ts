// Derives the repo's reference data from DepEd's lists in ../shared/data (read once, here only;
// the product never reads ../shared). Usage: npm run build-reference-data -w @repo/api [-- DIR]
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { referenceDataDir } from '../modules/reference-data/reference-files.js';
import { repoRoot } from '../paths.js';

type Row = Record<string, string>;
const sourceDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared', 'data'));
const read = async (file: string) =>
  parse<Row>(await readFile(path.join(sourceDir, file)), { columns: true });

const regionsIn = (await read('regions.csv')).filter((r) => r.in_datasets === 'yes');
const divisionsIn = await read('divisions.csv');
const districtsIn = await read('districts.csv');
const schoolsIn = await read('schools.csv');

const regions = regionsIn.map((r, i) => ({
  id: i + 1,
  name: r.region_name_deped_sy2023_24!,
  long_name: r.region_long_name_added!.replace(/\s*\(.*\)$/, ''),
  psgc_code: r.psgc_region_code_added || null,
  is_overseas: r.region_name_deped_sy2023_24 === 'PSO',
}));
const regionId = new Map(regions.map((r) => [r.name, r.id]));

const divisions = divisionsIn.map((d, i) => ({
  id: i + 1,
  region_id: must(regionId.get(d.region!), `region ${d.region}`),
  name: d.division!,
  is_overseas: d.is_pso === 'yes',
  province: provinceOf(d),
}));
const divisionId = new Map(divisionsIn.map((d, i) => [`${d.region}|${d.division}`, i + 1]));

const districts = districtsIn.map((d, i) => ({
  id: i + 1,
  division_id: must(divisionId.get(`${d.region}|${d.division}`), `division ${d.division}`),
  name: d.district!,
  province: d.province || null,
}));
const districtId = new Map(
  districtsIn.map((d, i) => [`${d.region}|${d.division}|${d.district}`, i + 1]),
);

/** Levels offered by the official SY 2023-24 curricular offering. */
const officialLevels: Record<string, [boolean, boolean, boolean, boolean]> = {
  'K-12': [true, true, true, true],
  'Elementary+JHS (K-10)': [true, true, true, false],
  'Secondary (JHS+SHS, G7-12)': [false, false, true, true],
  'JHS (G7-10)': [false, false, true, false],
  'SHS (G11-12)': [false, false, false, true],
};
const sectors: Record<string, string> = {
  Public: 'PUBLIC',
  Private: 'PRIVATE',
  SUCsLUCs: 'SUC_LUC',
};

/**
 * Schools in the SY 2023-24 list but absent from the enrollment file are the purely elementary
 * ones (data/README.md), except those with junior high rows that the upstream cleaning dropped
 * (`has_jhs_rows_sy2023_24`): a national high school among them is no elementary school.
 */
const isPurelyElementary = (row: Row) =>
  row.in_sy2023_24_enrollment_list === 'yes' && row.has_jhs_rows_sy2023_24 !== 'yes';

/**
 * Rows without official columns: the purely elementary schools; otherwise DepEd's School ID
 * convention (1/2 public elementary, 3 secondary with 34 for SHS, 5 integrated; 4 private, 6
 * SUC/LUC), and a junior high wherever the SY 2023-24 list saw junior high rows.
 */
function derivedLevels(row: Row): [boolean, boolean, boolean, boolean] {
  if (isPurelyElementary(row)) return [true, true, false, false];
  const levels = levelsOfSchoolId(row.school_id!);
  if (row.has_jhs_rows_sy2023_24 === 'yes') levels[2] = true;
  return levels;
}
function levelsOfSchoolId(id: string): [boolean, boolean, boolean, boolean] {
  if (id.startsWith('1') || id.startsWith('2')) return [true, true, false, false];
  if (id.startsWith('34')) return [false, false, false, true];
  if (id.startsWith('3')) return [false, false, true, false];
  if (id.startsWith('5')) return [true, true, true, true];
  return [false, false, false, false];
}
const derivedSector = (id: string) =>
  id.startsWith('4') ? 'PRIVATE' : id.startsWith('6') ? 'SUC_LUC' : 'PUBLIC';

let skippedNoDivision = 0;
const schools = schoolsIn.flatMap((s) => {
  // 964 IDs from SY 2023-24 come with no region or division: nothing to place them under.
  if (!s.region || !s.division) {
    skippedNoDivision++;
    return [];
  }
  const official = s.details_source!.startsWith('sy2023_24_enrollment');
  const levels = official ? must(officialLevels[s.level!], `level ${s.level}`) : derivedLevels(s);
  return [
    {
      id: Number(s.school_id),
      name: s.school_name!.trim(),
      region_id: must(regionId.get(s.region), `region ${s.region}`),
      division_id: must(divisionId.get(`${s.region}|${s.division}`), `division ${s.division}`),
      district_id: s.district
        ? must(districtId.get(`${s.region}|${s.division}|${s.district}`), s.district)
        : null,
      province: s.province || null,
      municipality: s.municipality || null,
      barangay: s.barangay || null,
      sector: official
        ? must(sectors[s.sector!], `sector ${s.sector}`)
        : derivedSector(s.school_id!),
      offers_kinder: levels[0],
      offers_elementary: levels[1],
      offers_junior_high: levels[2],
      offers_senior_high: levels[3],
      details_source: official ? 'OFFICIAL_SY2023_24' : 'MASTERLIST_2019',
    },
  ];
});

await mkdir(referenceDataDir, { recursive: true });
for (const [name, rows] of Object.entries({ regions, divisions, districts, schools })) {
  const csv = stringify(rows, {
    header: true,
    cast: { boolean: (b) => (b ? 't' : 'f') },
  });
  // mtime 0 keeps the gzip bytes stable, so rebuilding changes nothing in git.
  const gz = gzipSync(csv, { level: 9 });
  gz.writeUInt32LE(0, 4);
  await writeFile(path.join(referenceDataDir, `${name}.csv.gz`), gz);
  const sha = createHash('sha256').update(gz).digest('hex').slice(0, 12);
  console.log(`${name}: ${rows.length} rows, ${gz.length} bytes gzipped (${sha})`);
}
console.log(`schools skipped for want of a region and division: ${skippedNoDivision}`);

// The official SY 2023-24 enrollment, cell by cell (school, grade, strand, sex, learners), for
// `npm run seed -- --dataset official-2023`; and the schools of the SY 2023-24 list absent from
// it, the purely elementary ones, whose enrollment the data set synthesises (data/README.md).
const gradeOfColumn = (column: string): [string, string | null] | null => {
  const grades: Record<string, string> = {
    K: 'KINDER',
    'Elem NG': 'ELEMENTARY_NON_GRADED',
    'JHS NG': 'JHS_NON_GRADED',
  };
  const simple = /^(K|G\d{1,2}|Elem NG|JHS NG)$/.exec(column);
  if (simple) return [grades[column] ?? `GRADE_${column.slice(1)}`, null];
  const senior = /^G(11|12) (?:ACAD -? ?)?(ABM|HUMSS|STEM|GAS|PBM|TVL|SPORTS|ARTS)$/.exec(column);
  return senior ? [`GRADE_${senior[1]}`, senior[2]!] : null;
};
const placed = new Set(schools.map((s) => s.id));
const cells: {
  school_id: number;
  grade_level: string;
  strand: string;
  sex: string;
  learners: number;
}[] = [];
const inFile = new Set<number>();
for (const row of await read('enrollment-sy2023-2024-by-school.csv')) {
  const schoolId = Number(row['BEIS School ID']);
  if (!placed.has(schoolId)) continue;
  inFile.add(schoolId);
  for (const [column, value] of Object.entries(row)) {
    const match = /^(.*) (Male|Female)$/.exec(column);
    if (!match || !value) continue;
    const grade = must(gradeOfColumn(match[1]!) ?? undefined, `grade column ${column}`);
    const learners = Number(value);
    if (learners > 0) {
      cells.push({
        school_id: schoolId,
        grade_level: grade[0],
        strand: grade[1] ?? '',
        sex: match[2] === 'Male' ? 'MALE' : 'FEMALE',
        learners,
      });
    }
  }
}
const elementaryOnly = schoolsIn
  .filter((s) => isPurelyElementary(s) && placed.has(Number(s.school_id)))
  .map((s) => Number(s.school_id))
  .filter((id) => !inFile.has(id))
  .map((school_id) => ({ school_id }));
const datasetDir = path.join(referenceDataDir, '..', 'datasets');
await mkdir(datasetDir, { recursive: true });
for (const [name, rows] of Object.entries({
  'enrollment-sy2023-24': cells,
  'elementary-only-sy2023-24': elementaryOnly,
})) {
  const gz = gzipSync(stringify(rows, { header: true }), { level: 9 });
  gz.writeUInt32LE(0, 4);
  await writeFile(path.join(datasetDir, `${name}.csv.gz`), gz);
  console.log(`${name}: ${rows.length} rows, ${gz.length} bytes gzipped`);
}

/**
 * The province a division is drawn in on the map: the PSGC 2023 name of its province, upper
 * case (the boundaries of ../shared/data/geo). A city division gets the province it lies in; an
 * NCR division its district; an overseas one none. DepEd's names that PSGC changed are renamed.
 */
function provinceOf(d: Row): string | null {
  if (d.is_pso === 'yes') return null;
  const byDivision: Record<string, string> = {
    // Maguindanao was split in 2022 (RA 11550); the two divisions sit one in each half.
    'BARMM|Maguindanao I': 'MAGUINDANAO DEL NORTE',
    'BARMM|Maguindanao II': 'MAGUINDANAO DEL SUR',
    // The 63 barangays of North Cotabato that joined BARMM (PSGC 1909900000, unnamed there).
    'BARMM|Special Geographic Area Division': 'SPECIAL GEOGRAPHIC AREA',
  };
  const renamed: Record<string, string> = {
    'WESTERN SAMAR': 'SAMAR',
    'COMPOSTELA VALLEY': 'DAVAO DE ORO',
    'NORTH COTABATO': 'COTABATO',
    // An independent city inside Maguindanao del Norte.
    'CITY OF COTABATO': 'MAGUINDANAO DEL NORTE',
  };
  const own = byDivision[`${d.region}|${d.division}`];
  if (own) return own;
  const name = d.provinces_in_data!.replace(/\s+/g, ' ').trim();
  if (!name) return null;
  const ncr = /NCR.*\b(FIRST|SECOND|THIRD|FOURTH) DISTRICT/.exec(name);
  if (ncr) return `NCR ${ncr[1]} DISTRICT`;
  return renamed[name] ?? name;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`unknown ${what}`);
  return value;
}
