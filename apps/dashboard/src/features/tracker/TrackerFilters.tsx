import { FilterChoice, SchoolYearChoice } from '../filters/FilterChoice.js';
import { type Tracker } from './useTracker.js';

type Region = NonNullable<Tracker['places']['data']>['regions'][number];

/**
 * The school year; for the nation the region; for the nation and regions the division; within a
 * division, its district (DepEd's SY 2023-24 list).
 */
export function TrackerFilters({
  tracker,
  regionOptions,
  chosenRegion,
  onSet,
}: {
  tracker: Tracker;
  regionOptions: Region[];
  chosenRegion: Region | undefined;
  onSet: (name: string, value: string) => void;
}) {
  const { schoolYear, years, isNational, isRegional, regionId, divisionId } = tracker;
  return (
    <form
      className="filter-bar"
      aria-label="Tracker place and year"
      onSubmit={(e) => e.preventDefault()}
    >
      <SchoolYearChoice
        id="tracker-year"
        years={years.registered}
        schoolYear={schoolYear}
        onChange={(value) => onSet('sy', value)}
      />
      {isNational ? (
        <FilterChoice
          id="tracker-region"
          label="Region"
          value={regionId ?? ''}
          options={[
            { value: '', label: 'All regions' },
            ...regionOptions.map((r) => ({ value: r.id, label: r.name })),
          ]}
          onChange={(value) => onSet('region', value)}
        />
      ) : null}
      {(isNational || isRegional) && chosenRegion ? (
        <FilterChoice
          id="tracker-division"
          label="Division"
          value={divisionId ?? ''}
          options={[
            { value: '', label: `All divisions of ${chosenRegion.name}` },
            ...chosenRegion.divisions.map((d) => ({ value: d.id, label: d.name })),
          ]}
          onChange={(value) => onSet('division', value)}
        />
      ) : null}
      {divisionId && tracker.districts.length > 0 ? (
        <FilterChoice
          id="tracker-district"
          label="District"
          value={tracker.districtId ?? ''}
          options={[
            { value: '', label: 'All districts' },
            // A district with no school on record would always list none.
            ...tracker.districts
              .filter((d) => d.schoolCount > 0)
              .map((d) => ({ value: d.id, label: d.name })),
          ]}
          onChange={(value) => onSet('district', value)}
        />
      ) : null}
    </form>
  );
}
