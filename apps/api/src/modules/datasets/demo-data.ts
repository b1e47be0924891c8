import { type DataSource } from 'typeorm';
import { demoSchoolId } from '../auth/demo-accounts.js';
import { loadEarlyRegistrationSeason } from './early-registration-season.js';
import { loadEnrollmentCells, officialCells } from './enrollment-dataset.js';

/**
 * The early-registration season of the demo: SY 2024-2025, the year after the official data set,
 * so each school's registrations stand against its official SY 2023-24 enrollment.
 */
const SEASON = '2024-2025';

/**
 * The demo data of `npm start` (issue 6): the official SY 2023-24 data set for the demo school's
 * division (Abra), and an early-registration season for SY 2024-2025 in which each school has
 * registered a different share of last year's incoming grades, so the tracker has leaders and
 * laggards, with out-of-school children and youth and their circumstances. Loaded once.
 */
export async function ensureDemoData(dataSource: DataSource, log: (line: string) => void) {
  const [school] = await dataSource.query<{ division_id: number }[]>(
    'SELECT division_id FROM school WHERE id = $1',
    [demoSchoolId],
  );
  if (!school) return;
  // Every start checks; only the first reads and loads the data set (the loader would skip every
  // school anyway, but only after reading and parsing the whole file).
  const [{ loaded }] = (await dataSource.query<{ loaded: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM enrollment e JOIN school s ON s.id = e.school_id
                    WHERE e.school_year = '2023-2024' AND s.division_id = $1
                      AND e.data_source IS NOT NULL) AS loaded`,
    [school.division_id],
  )) as [{ loaded: boolean }];
  if (!loaded) {
    const cells = await officialCells(dataSource, null, 2023, [school.division_id]);
    const load = await loadEnrollmentCells(dataSource, cells, { schoolYear: '2023-2024' });
    log(
      `demo data: ${load.learners.toLocaleString('en-PH')} learners of SY 2023-2024 (official data set, Abra)`,
    );
  }
  const made = await loadEarlyRegistrationSeason(dataSource, {
    season: SEASON,
    divisionIds: [school.division_id],
    seed: 2026,
  });
  if (made > 0)
    log(`demo data: ${made.toLocaleString('en-PH')} early registrations for SY ${SEASON} (Abra)`);
}
