import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { classBreaks, classColor, classOf, type MapClass, rewindForD3 } from './choropleth.js';

/** A place drawn on the map: its shape (a GeoJSON geometry), name and value (null: no data). */
export interface ChoroplethArea {
  id: string;
  name: string;
  value: number | null;
  geometry: { type: string; coordinates?: unknown };
}

export interface ChoroplethMapProps {
  title: string;
  /** What the map shows, for screen readers (the values are also in a table beside it). */
  description: string;
  /** The measure's name, e.g. "Learners". */
  measureLabel: string;
  areas: ChoroplethArea[];
  format: (value: number) => string;
  /** Enter or a click on an area: drill into the place. */
  onSelect?: (area: ChoroplethArea) => void;
  /** The viewBox; the map scales to its container's width. */
  width?: number;
  height?: number;
}

/** "Abra: 12,345" or "Abra: no data". */
export function areaText(area: ChoroplethArea, format: (value: number) => string): string {
  return `${area.name}: ${area.value === null ? 'no data' : format(area.value)}`;
}

/**
 * A choropleth map drawn as SVG (d3-geo, Mercator fitted to the box; no tiles, works offline):
 * a sequential colour per class of value, a legend of the classes' ranges and "no data", each
 * area focusable and named with its value, the value shown on hover and focus, Enter or a click
 * selecting it.
 */
export function ChoroplethMap({
  title,
  description,
  measureLabel,
  areas,
  format,
  onSelect,
  width = 480,
  height = 520,
}: ChoroplethMapProps) {
  const hatch = `no-data-${useId().replace(/:/g, '')}`;
  const [active, setActive] = useState<ChoroplethArea | null>(null);
  const shapes = useMemo(() => toShapes(areas, width, height), [areas, width, height]);
  const classes = useMemo(() => classBreaks(areas.map((a) => a.value)), [areas]);
  const fillOf = (area: ChoroplethArea) => {
    const index = classOf(area.value, classes);
    return index === null ? `url(#${hatch})` : classColor(index, classes.length);
  };
  const onKey = (area: ChoroplethArea) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && onSelect) {
      event.preventDefault();
      onSelect(area);
    }
  };
  return (
    <figure className="chart choropleth">
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        className="choropleth__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={description}
      >
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffffff" />
            <path d="M0,6 L6,0" stroke="#8a8f98" strokeWidth="1" />
          </pattern>
        </defs>
        {shapes.map(({ area, d }) => (
          <path
            key={area.id}
            d={d}
            className={`choropleth__area${active?.id === area.id ? ' choropleth__area--active' : ''}`}
            fill={fillOf(area)}
            tabIndex={0}
            role={onSelect ? 'link' : 'img'}
            aria-label={`${area.name}, ${measureLabel}: ${area.value === null ? 'no data' : format(area.value)}`}
            data-area={area.id}
            onMouseEnter={() => setActive(area)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(area)}
            onBlur={() => setActive(null)}
            onClick={onSelect ? () => onSelect(area) : undefined}
            onKeyDown={onKey(area)}
          />
        ))}
      </svg>
      <p className="choropleth__readout" data-map-readout="">
        {active
          ? `${measureLabel}, ${areaText(active, format)}`
          : 'Point at a place, or Tab to it, to read its value.'}
      </p>
      <MapLegend classes={classes} measureLabel={measureLabel} format={format} hatch={hatch} />
    </figure>
  );
}

function toShapes(areas: ChoroplethArea[], width: number, height: number) {
  const geometries = areas.map((a) => rewindForD3(a.geometry) as GeoPermissibleObjects);
  const collection = {
    type: 'GeometryCollection',
    geometries,
  } as unknown as GeoPermissibleObjects;
  const projection = geoMercator().fitSize([width, height], collection);
  const path = geoPath(projection);
  return areas.map((area, i) => ({ area, d: path(geometries[i]!) ?? '' }));
}

/** The classes' ranges, lightest first, and the hatching of "no data". */
function MapLegend({
  classes,
  measureLabel,
  format,
  hatch,
}: {
  classes: MapClass[];
  measureLabel: string;
  format: (value: number) => string;
  hatch: string;
}) {
  return (
    <div className="choropleth__legend">
      <p className="choropleth__legend-title">{`Legend: ${measureLabel}`}</p>
      <ul>
        {classes.map((c, i) => (
          <li key={`${c.lo}-${c.hi}`}>
            <Swatch fill={classColor(i, classes.length)} />
            {c.lo === c.hi ? format(c.lo) : `${format(c.lo)} to ${format(c.hi)}`}
          </li>
        ))}
        <li>
          <Swatch fill={`url(#${hatch})`} />
          No data
        </li>
      </ul>
    </div>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="choropleth__swatch" width="18" height="12" aria-hidden="true">
      <rect width="18" height="12" fill={fill} stroke="#4a5059" />
    </svg>
  );
}
