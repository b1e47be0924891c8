import { shiftSchoolYear } from '@repo/domain/school-year';
import { useQuery } from '@apollo/client/react';
import { ChoroplethMap, type ChoroplethArea } from '@repo/ui/ChoroplethMap';
import { DataAsOf } from '@repo/ui/DataAsOf';
import { type Column, DataTable } from '@repo/ui/DataTable';
import { QueryState } from '@repo/ui/QueryState';
import { type RefObject, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type PlaceFlowsQuery, type PlaceMapQuery } from '../../gql/graphql.js';
import { routes } from '../../routes.js';
import { useReportFilters } from '../filters/useReportFilters.js';
import {
  type Join,
  joinProvinces,
  joinRegions,
  provinceFileOf,
  type RegionPlace,
} from './mapJoins.js';
import {
  areaValue,
  isFlowMeasure,
  type MapMeasure,
  mapMeasures,
  measureOf,
  type PlaceFigures,
} from './mapMeasures.js';
import { placeFlowsQuery, placeMapQuery } from './placeMap.query.js';
import { useGeo } from './useGeo.js';

export interface DivisionPlace {
  id: string;
  name: string;
  province: string | null;
}

export type PlaceMapProps =
  | { level: 'REGION'; regions: RegionPlace[] }
  | {
      level: 'PROVINCE';
      region: { id: string; name: string; psgcCode: string | null };
      divisions: DivisionPlace[];
    };

interface MapRow {
  id: string;
  name: string;
  value: number | null;
  places: { id: string; name: string }[];
}

const empty: PlaceFigures = {
  learners: 0,
  male: 0,
  female: 0,
  previousYearLearners: 0,
  flowCohort: 0,
  notEnrolled: 0,
  transitionCohort: 0,
  transitioned: 0,
};

function toFigures(
  data: PlaceMapQuery | undefined,
  flows: PlaceFlowsQuery | undefined,
): Map<string, PlaceFigures> {
  const figures = new Map<string, PlaceFigures>(
    (data?.enrollmentSummary ?? []).map((r) => [
      (r.division?.id ?? r.region?.id)!,
      {
        learners: r.learners ?? null,
        male: r.male ?? null,
        female: r.female ?? null,
        previousYearLearners: r.previousYearLearners ?? null,
      },
    ]),
  );
  // A place's flows summed over its grades; transition over Grades 6 and 10 only.
  for (const r of flows?.learnerFlows ?? []) {
    const id = (r.division?.id ?? r.region?.id)!;
    const place = figures.get(id) ?? { ...empty, learners: null, male: null, female: null };
    const transition = r.gradeLevel === 'GRADE_6' || r.gradeLevel === 'GRADE_10';
    figures.set(id, {
      ...place,
      flowCohort: (place.flowCohort ?? 0) + r.cohort,
      notEnrolled: (place.notEnrolled ?? 0) + r.notEnrolled,
      transitionCohort: (place.transitionCohort ?? 0) + (transition ? r.cohort : 0),
      transitioned: (place.transitioned ?? 0) + (transition ? r.promoted : 0),
    });
  }
  return figures;
}

/**
 * The flow measures' figures: last year's learners of the places (a region's divisions, or the
 * regions), followed into the map's year by grade; asked only when the measure is one of them.
 */
function usePlaceFlows(
  schoolYear: string | null | undefined,
  regionId: string | null,
  measure: MapMeasure,
) {
  return useQuery(placeFlowsQuery, {
    variables: {
      filter: {
        schoolYear: schoolYear ? shiftSchoolYear(schoolYear, -1) : '',
        ...(regionId ? { regionIds: [regionId] } : {}),
      },
      groupBy: [regionId ? 'DIVISION' : 'REGION', 'GRADE_LEVEL'],
    },
    skip: !schoolYear || !isFlowMeasure(measure),
    fetchPolicy: 'no-cache',
  });
}

/**
 * A choropleth map of the places of a level (issue 22): the 17 regions on the national page, a
 * region's provinces (NCR: districts) on its page, for the measure chosen, with the same values
 * in a table beside it. A click or Enter drills in: to the region; to a province's division, or
 * when the province has several, to the list of them.
 */
export function PlaceMap(props: PlaceMapProps) {
  const report = useReportFilters();
  const [params, setParams] = useSearchParams();
  const measure = measureOf(params.get('measure'));
  const isRegions = props.level === 'REGION';
  const psgc = isRegions ? null : props.region.psgcCode;
  const geo = useGeo(isRegions ? 'regions.geojson' : psgc ? provinceFileOf(psgc) : null);
  const { data, previousData, loading, error, refetch } = useQuery(placeMapQuery, {
    variables: {
      filter: report.summaryFilter(isRegions ? {} : { regionIds: [props.region.id] }),
      groupBy: [isRegions ? 'REGION' : 'DIVISION'],
    },
    skip: !report.filters.schoolYear,
    // Not through the cache: the overview asks the same enrollmentSummary with other fields, and
    // rows without ids would replace each other's and refetch (the walk saw it).
    fetchPolicy: 'no-cache',
  });
  const answer = data ?? previousData;
  const flows = usePlaceFlows(
    report.filters.schoolYear,
    isRegions ? null : props.region.id,
    measure,
  );
  const flowAnswer = flows.data ?? flows.previousData;
  const join: Join<RegionPlace | DivisionPlace> | null = useMemo(() => {
    if (!geo.data) return null;
    return props.level === 'REGION'
      ? joinRegions(geo.data.features, props.regions)
      : joinProvinces(geo.data.features, props.divisions);
  }, [geo.data, props]);
  const figures = useMemo(() => toFigures(answer, flowAnswer), [answer, flowAnswer]);
  const rows: MapRow[] = (join?.areas ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    value: areaValue(
      measure,
      a.places.map((p) => figures.get(p.id) ?? empty),
    ),
    places: a.places,
  }));
  if (!isRegions && !psgc) return null;
  const noun = isRegions ? 'region' : 'province';
  const title = isRegions
    ? `${measure.label} by region`
    : `${measure.label} by province, ${props.region.name}`;
  return (
    <section className="place-map" aria-labelledby="place-map-heading">
      <h2 id="place-map-heading">
        {isRegions ? 'Map of the regions' : `Map of ${props.region.name}'s provinces`}
      </h2>
      <DataAsOf asOf={answer?.enrollmentSummary[0]?.asOf} />
      <MeasureSelect
        measure={measure}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('measure', key);
          setParams(next, { replace: true });
        }}
      />
      <QueryState
        loading={(loading && !answer) || geo.loading || (flows.loading && !flowAnswer)}
        error={error ?? flows.error ?? (geo.error ? new Error(geo.error) : undefined)}
        onRetry={() => void refetch()}
        what="the map"
      />
      {join && answer ? (
        <MapAndTable
          rows={rows}
          join={join}
          measure={measure}
          noun={noun}
          title={title}
          isRegions={isRegions}
          search={report.search}
        />
      ) : null}
    </section>
  );
}

function MeasureSelect({
  measure,
  onChange,
}: {
  measure: MapMeasure;
  onChange: (key: string) => void;
}) {
  const id = useId();
  return (
    <div className="place-map__measure">
      <label htmlFor={id}>Map measure</label>{' '}
      <select id={id} value={measure.key} onChange={(e) => onChange(e.target.value)}>
        {mapMeasures.map((m) => (
          <option key={m.key} value={m.key}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function MapAndTable({
  rows,
  join,
  measure,
  noun,
  title,
  isRegions,
  search,
}: {
  rows: MapRow[];
  join: Join<RegionPlace | DivisionPlace>;
  measure: MapMeasure;
  noun: string;
  title: string;
  isRegions: boolean;
  search: string;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState<MapRow | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const hrefOf = (id: string) => `${isRegions ? routes.region(id) : routes.division(id)}${search}`;
  const select = (area: ChoroplethArea) => {
    const row = rows.find((r) => r.id === area.id);
    if (!row || row.places.length === 0) return;
    if (row.places.length === 1) return void navigate(hrefOf(row.places[0]!.id));
    setOpen(row);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const areas = join.areas.map((a, i) => ({
    id: a.id,
    name: a.name,
    value: rows[i]!.value,
    geometry: a.feature.geometry,
  }));
  return (
    <div className="table-pair">
      <ChoroplethMap
        title={title}
        description={`Map of ${rows.length} ${noun}s shaded by ${measure.label.toLowerCase()}, darker for higher; the values are in the table beside.`}
        measureLabel={measure.label}
        areas={areas}
        format={measure.format}
        onSelect={select}
      />
      <div>
        {open ? (
          <OpenProvince
            row={open}
            heading={heading}
            hrefOf={hrefOf}
            onClose={() => setOpen(null)}
          />
        ) : (
          <DataTable
            caption={`${title} (the map's values)`}
            rows={rows}
            rowKey={(r) => r.id}
            pageSize={false}
            columns={mapColumns(measure, noun, hrefOf, isRegions)}
          />
        )}
        {join.unmatched.length > 0 ? (
          <p className="place-map__note">
            {`Not on the map (no ${noun} shape): ${join.unmatched.map((p) => p.name).join(', ')}.`}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function mapColumns(
  measure: MapMeasure,
  noun: string,
  hrefOf: (id: string) => string,
  isRegions: boolean,
): Column<MapRow>[] {
  const name: Column<MapRow> = {
    key: 'name',
    header: noun === 'region' ? 'Region' : 'Province',
    value: (r) => r.name,
    render: (r, text) =>
      isRegions && r.places[0] ? <Link to={hrefOf(r.places[0].id)}>{text}</Link> : text,
  };
  const value: Column<MapRow> = {
    key: 'value',
    header: measure.label,
    numeric: true,
    value: (r) => r.value,
    format: measure.format,
  };
  if (isRegions) return [name, value];
  return [
    name,
    value,
    {
      key: 'divisions',
      header: 'Divisions',
      sortable: false,
      value: (r) => r.places.map((p) => p.name).join(', '),
      render: (r) =>
        r.places.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? ', ' : null}
            <Link to={hrefOf(p.id)}>{p.name}</Link>
          </span>
        )),
    },
  ];
}

/** A province of several divisions, drilled into: its divisions, each a link. */
function OpenProvince({
  row,
  heading,
  hrefOf,
  onClose,
}: {
  row: MapRow;
  heading: RefObject<HTMLHeadingElement | null>;
  hrefOf: (id: string) => string;
  onClose: () => void;
}) {
  return (
    <div className="place-map__open">
      <h3 ref={heading} tabIndex={-1}>{`Divisions of ${row.name}`}</h3>
      <ul>
        {row.places.map((p) => (
          <li key={p.id}>
            <Link to={hrefOf(p.id)}>{p.name}</Link>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        All provinces
      </button>
    </div>
  );
}
