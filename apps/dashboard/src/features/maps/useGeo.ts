import { useEffect, useState } from 'react';
import { type GeoCollection } from './mapJoins.js';

/**
 * A boundary file of public/geo, fetched when a map is shown (never in the bundle): the
 * regions' is 600 KB, a region's provinces 3 to 110 KB.
 */
export function useGeo(file: string | null) {
  const [state, setState] = useState<{ file: string; data?: GeoCollection; error?: string }>();
  useEffect(() => {
    if (!file) return;
    let live = true;
    fetch(`${import.meta.env.BASE_URL}geo/${file}`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`The map could not be read (${response.status}).`);
        const data = (await response.json()) as GeoCollection;
        if (live) setState({ file, data });
      })
      .catch((error: unknown) => {
        if (live) setState({ file, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [file]);
  const current = state?.file === file ? state : undefined;
  return { data: current?.data, error: current?.error, loading: Boolean(file) && !current };
}
