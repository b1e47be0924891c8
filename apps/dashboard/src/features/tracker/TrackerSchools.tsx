import { formatCount } from '@repo/ui/format';
import { useState } from 'react';
import { saveCsv } from '../tables/textColumns.js';
import { SchoolsTable, type TrackedSchool } from './TrackerTables.js';

/** The schools a `show` and a search leave, in the API's order (laggards first). */
export function shownSchools(schools: readonly TrackedSchool[], show: string, find: string) {
  const query = find.trim().toLocaleLowerCase('en-PH');
  return schools.filter(
    (s) =>
      (show !== 'behind' || s.behindTarget) &&
      (!query ||
        `${s.school.name} ${s.school.schoolId}`.toLocaleLowerCase('en-PH').includes(query)),
  );
}

/**
 * The place's schools, laggards first: all of them or those behind their target to date (the
 * laggards), found by name, and the same rows as CSV (SPEC §5: "each school's progress, laggards
 * first"; issue 21: "the laggard schools exported to CSV").
 */
export function TrackerSchools({
  schools,
  placeName,
  fileName,
  show,
  onShow,
}: {
  schools: TrackedSchool[];
  placeName: string;
  fileName: string;
  show: string;
  onShow: (show: string) => void;
}) {
  const [find, setFind] = useState('');
  const rows = shownSchools(schools, show, find);
  const behind = schools.filter((s) => s.behindTarget).length;
  return (
    <section aria-labelledby="tracker-schools">
      <h2 id="tracker-schools">Schools of {placeName}</h2>
      <p className="note">
        {formatCount(behind)} of {formatCount(schools.length)} schools are behind their target to
        date: the share of last year’s enrollment in the same grades that a steady pace through the
        window would have registered by today (all of it once the window has closed).
      </p>
      <div className="toolbar">
        <label htmlFor="tracker-show">Show</label>
        <select
          id="tracker-show"
          value={show === 'behind' ? 'behind' : ''}
          onChange={(e) => onShow(e.target.value)}
        >
          <option value="">All schools</option>
          <option value="behind">Behind their target</option>
        </select>
        <label htmlFor="tracker-find">Find a school</label>
        <input
          id="tracker-find"
          type="search"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
      </div>
      <SchoolsTable schools={rows} onDownload={saveCsv(fileName)} />
    </section>
  );
}
