import { lazy, Suspense } from 'react';
import { type PlaceMapProps } from './PlaceMap.js';

// d3-geo and the boundaries come with the map, never in the initial bundle.
const PlaceMap = lazy(() => import('./PlaceMap.js').then((m) => ({ default: m.PlaceMap })));

/** The map, loaded when a page shows it. */
export function LazyPlaceMap(props: PlaceMapProps) {
  return (
    <Suspense fallback={<div className="skeleton skeleton--chart" aria-hidden="true" />}>
      <PlaceMap {...props} />
    </Suspense>
  );
}
