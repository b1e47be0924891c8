import { useQuery } from '@apollo/client/react';
import { DocumentType } from '@repo/domain/enums';
import { documentLabel } from '../enrollment/enrollment-labels.js';
import { FilterChoice, SchoolYearChoice } from '../filters/FilterChoice.js';
import { divisionDistrictsQuery } from '../tracker/tracker.query.js';

const dueOptions = [
  { value: '', label: 'Overdue or due within 14 days' },
  { value: 'OVERDUE', label: 'Overdue' },
  { value: 'DUE_SOON', label: 'Due within 14 days' },
];

/**
 * A division's school and district choices: the schools with a learner in the list, the districts
 * with a school on record.
 */
function PlaceChoices({
  params,
  divisionId,
  schools,
  onSet,
}: {
  params: URLSearchParams;
  divisionId: string;
  schools: { schoolId: string; name: string }[];
  onSet: (name: string, value: string) => void;
}) {
  const districts = useQuery(divisionDistrictsQuery, { variables: { divisionId } });
  const chosenSchool = params.get('school') ?? '';
  const schoolOptions = [...schools].sort((a, b) => a.name.localeCompare(b.name, 'en-PH'));
  return (
    <>
      <FilterChoice
        id="due-school"
        label="School"
        value={chosenSchool}
        options={[
          { value: '', label: 'All schools' },
          // The school chosen stays a choice even when the other filters leave it no row.
          ...(chosenSchool && !schools.some((s) => s.schoolId === chosenSchool)
            ? [{ value: chosenSchool, label: `School ${chosenSchool}` }]
            : []),
          ...schoolOptions.map((s) => ({ value: s.schoolId, label: s.name })),
        ]}
        onChange={(value) => onSet('school', value)}
      />
      <FilterChoice
        id="due-district"
        label="District"
        value={params.get('district') ?? ''}
        options={[
          { value: '', label: 'All districts' },
          ...(districts.data?.division?.districts ?? [])
            .filter((d) => d.schoolCount > 0)
            .map((d) => ({ value: d.id, label: d.name })),
        ]}
        onChange={(value) => onSet('district', value)}
      />
    </>
  );
}

/** The year, school, district, document and due state, each in the URL. */
export function DocumentsDueFilters({
  params,
  years,
  schoolYear,
  divisionId,
  schools,
  onSet,
}: {
  params: URLSearchParams;
  years: string[];
  schoolYear: string | null;
  divisionId: string | null;
  schools: { schoolId: string; name: string }[];
  onSet: (name: string, value: string) => void;
}) {
  return (
    <form
      className="filter-bar"
      aria-label="Documents due filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <SchoolYearChoice
        id="due-year"
        years={years}
        schoolYear={schoolYear}
        onChange={(value) => onSet('sy', value)}
      />
      {divisionId ? (
        <PlaceChoices params={params} divisionId={divisionId} schools={schools} onSet={onSet} />
      ) : null}
      <FilterChoice
        id="due-document"
        label="Document"
        value={params.get('doc') ?? ''}
        options={[
          { value: '', label: 'All documents' },
          ...Object.values(DocumentType).map((d) => ({ value: d, label: documentLabel[d] })),
        ]}
        onChange={(value) => onSet('doc', value)}
      />
      <FilterChoice
        id="due-state"
        label="Due"
        value={params.get('due') ?? ''}
        options={dueOptions}
        onChange={(value) => onSet('due', value)}
      />
    </form>
  );
}
