import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Breadcrumbs } from './Breadcrumbs.js';
import { DataAsOf } from './DataAsOf.js';
import { DataTable, type TableSearch } from './DataTable.js';
import { FilterBar } from './FilterBar.js';
import { formatChange, formatCount, formatIndex, formatPercent } from './format.js';
import { KpiCard } from './KpiCard.js';
import { ErrorWordsContext } from './ErrorWords.js';
import { QueryState } from './QueryState.js';
import { StatCard } from './StatCard.js';

afterEach(cleanup);

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1234567, '1,234,567'],
    [27_000_000, '27,000,000'],
  ])('%d → %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

describe('en-PH formats', () => {
  it.each([
    [formatChange(1234), '+1,234'],
    [formatChange(-56), '-56'],
    [formatChange(0), '0'],
    [formatPercent(0.4873), '48.7%'],
    [formatIndex(0.9749), '0.97'],
  ])('%s = %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('DataTable', () => {
  const rows = [
    { id: '1', name: 'Region I', schools: 3523 },
    { id: '2', name: 'NCR', schools: 3342 },
  ];
  const columns = [
    { key: 'name', header: 'Region', value: (r: (typeof rows)[number]) => r.name },
    {
      key: 'schools',
      header: 'Schools',
      numeric: true,
      value: (r: (typeof rows)[number]) => r.schools,
    },
  ];

  it('draws one row per item, numbers formatted and right-aligned', () => {
    render(<DataTable caption="Regions" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(screen.getByRole('table', { name: 'Regions' })).toBeTruthy();
    const cell = screen.getByText('3,523');
    expect(cell.className).toBe('numeric');
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('shows the empty message when there are no rows', () => {
    render(
      <DataTable
        caption="Regions"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        empty="No regions."
      />,
    );
    expect(screen.getByText('No regions.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('DataTable sorting and search', () => {
  const rows = [
    { id: '1', name: 'Abra', learners: 900 },
    { id: '2', name: 'Baguio City', learners: 12000 },
    { id: '3', name: 'Apayao', learners: 4500 },
  ];
  const columns = [
    { key: 'name', header: 'Division', value: (r: (typeof rows)[number]) => r.name },
    {
      key: 'learners',
      header: 'Learners',
      numeric: true,
      value: (r: (typeof rows)[number]) => r.learners,
    },
  ];
  const names = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('td')?.textContent);

  it('sorts by a header, numbers largest first, and flips on a second press', () => {
    render(<DataTable caption="Divisions" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(names()).toEqual(['Abra', 'Baguio City', 'Apayao']);
    fireEvent.click(screen.getByRole('button', { name: /Learners/ }));
    expect(names()).toEqual(['Baguio City', 'Apayao', 'Abra']);
    expect(screen.getByRole('columnheader', { name: /Learners/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    fireEvent.click(screen.getByRole('button', { name: /Learners/ }));
    expect(names()).toEqual(['Abra', 'Apayao', 'Baguio City']);
    fireEvent.click(screen.getByRole('button', { name: /Division/ }));
    expect(names()).toEqual(['Abra', 'Apayao', 'Baguio City']);
  });

  const renderSearchable = (search: TableSearch<(typeof rows)[number]>) =>
    render(
      <DataTable
        caption="Divisions"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        search={search}
      />,
    );

  it('finds rows by their text, and says when none matches', () => {
    renderSearchable({ label: 'Find a division', text: (r) => r.name });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a division' }), {
      target: { value: 'ap' },
    });
    expect(names()).toEqual(['Apayao']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a division' }), {
      target: { value: 'zzz' },
    });
    expect(screen.getByRole('status').textContent).toContain('No row matches “zzz”');
  });

  it('reports a controlled search upwards instead of filtering by itself', () => {
    const onChange = vi.fn();
    renderSearchable({ label: 'Find', text: (r) => r.name, value: 'baguio', onChange });
    expect(names()).toEqual(['Baguio City']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find' }), { target: { value: 'a' } });
    expect(onChange).toHaveBeenCalledWith('a');
  });
});

describe('DataTable paging and its CSV (issue 21)', () => {
  type School = { id: string; name: string; learners: number | null };
  const schools: School[] = Array.from({ length: 1339 }, (_, i) => ({
    id: String(i),
    name: `School ${String(i).padStart(4, '0')}`,
    learners: i % 7 === 0 ? null : (i * 37) % 1000,
  }));
  const columns = [
    { key: 'name', header: 'School', value: (r: School) => r.name },
    { key: 'learners', header: 'Learners', numeric: true, value: (r: School) => r.learners },
  ];
  const firstCells = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[1]?.textContent);

  it('shows a page of 50 with "Rows 1–50 of 1,339", and sorts every row before paging', () => {
    const onDownload = vi.fn();
    render(
      <DataTable
        caption="Schools"
        columns={columns}
        rows={schools}
        rowKey={(r) => r.id}
        onDownload={onDownload}
      />,
    );
    expect(screen.getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Rows 1–50 of 1,339')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Learners/ }));
    const first = firstCells();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Rows 51–100 of 1,339')).toBeTruthy();
    const numbers = [...first, ...firstCells()].map((t) => Number(t!.replace(/,/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers[0]).toBe(999);

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    const table = onDownload.mock.calls[0]![0] as string[][];
    expect(table).toHaveLength(1340);
    expect(table[0]).toEqual(['School', 'Learners']);
    expect(table.slice(1, 51).map((r) => r[1])).toEqual(first.map((t) => t!.replace(/,/g, '')));
    // An unknown count is "—" on screen and in the file, never 0; unknowns sort last.
    expect(table.at(-1)![1]).toBe('—');
  });

  it('says "1 row", not "1 rows"', () => {
    render(<DataTable caption="One" columns={columns} rows={[schools[1]!]} rowKey={(r) => r.id} />);
    expect(screen.getByText('1 row')).toBeTruthy();
  });
});

describe('KpiCard', () => {
  it('formats by kind and shows the change with its sign', () => {
    render(
      <>
        <KpiCard label="Learners" value={123456} change={-789} changeLabel="vs SY 2022-2023" />
        <KpiCard label="Female share" value={0.4912} format="percent" />
        <KpiCard label="Gender parity index" value={undefined} format="index" />
      </>,
    );
    expect(screen.getByLabelText('Learners').textContent).toContain('123,456');
    expect(screen.getByLabelText('Learners').textContent).toContain('-789 vs SY 2022-2023');
    expect(screen.getByLabelText('Female share').textContent).toContain('49.1%');
    expect(screen.getByLabelText('Gender parity index').textContent).toContain('—');
  });
});

describe('FilterBar', () => {
  const fields = [
    {
      name: 'year',
      label: 'School year',
      required: true,
      options: [
        { value: '2023-2024', label: 'SY 2023-2024' },
        { value: '2024-2025', label: 'SY 2024-2025' },
      ],
    },
    { name: 'sex', label: 'Sex', options: [{ value: 'FEMALE', label: 'Female' }] },
    {
      name: 'grade',
      label: 'Grades',
      multiple: true,
      options: [
        { value: 'KINDER', label: 'Kindergarten' },
        { value: 'GRADE_1', label: 'Grade 1' },
        { value: 'GRADE_2', label: 'Grade 2' },
      ],
    },
  ];

  it('reports a select, and keeps checked values in the options’ order', () => {
    const onChange = vi.fn();
    render(
      <FilterBar
        fields={fields}
        values={{ year: ['2023-2024'], grade: ['GRADE_2'] }}
        onChange={onChange}
      />,
    );
    fireEvent.change(screen.getByLabelText('School year'), { target: { value: '2024-2025' } });
    expect(onChange).toHaveBeenLastCalledWith('year', ['2024-2025']);
    fireEvent.change(screen.getByLabelText('Sex'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('sex', []);
    fireEvent.click(screen.getByLabelText('Kindergarten'));
    expect(onChange).toHaveBeenLastCalledWith('grade', ['KINDER', 'GRADE_2']);
    fireEvent.click(screen.getByLabelText('Grade 2'));
    expect(onChange).toHaveBeenLastCalledWith('grade', []);
    expect(screen.getByText('Grade 2', { selector: '.filter-bar__summary' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: 'All', hidden: true })).toBeTruthy();
  });
});

describe('StatCard', () => {
  it('shows a formatted value, or a busy skeleton while loading', () => {
    const { rerender } = render(<StatCard label="Schools" value={null} />);
    expect(screen.getByLabelText('Schools').querySelector('[aria-busy="true"]')).toBeTruthy();
    rerender(<StatCard label="Schools" value={64052} hint="SY 2023-24" />);
    expect(screen.getByText('64,052')).toBeTruthy();
    expect(screen.getByText('SY 2023-24')).toBeTruthy();
  });
});

describe('Breadcrumbs', () => {
  it('links every level but the current one, through the given link renderer', () => {
    const renderLink = vi.fn((href: string, label: string) => <a href={href}>{label}</a>);
    render(
      <Breadcrumbs
        items={[
          { label: 'Philippines', href: '/' },
          { label: 'NCR', href: '/regions/17' },
          { label: 'Makati City' },
        ]}
        renderLink={renderLink}
      />,
    );
    expect(renderLink).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Makati City').getAttribute('aria-current')).toBe('page');
  });
});

describe('QueryState', () => {
  it('offers a retry on error and calls back', () => {
    const onRetry = vi.fn();
    render(
      <QueryState
        loading={false}
        error={{ message: 'offline' }}
        onRetry={onRetry}
        what="regions"
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Could not load regions. offline');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows an error in the app’s words, its code in small print (issue 21)', () => {
    render(
      <ErrorWordsContext.Provider
        value={() => ({ text: 'The server could not be reached.', detail: 'Code: NETWORK_ERROR' })}
      >
        <QueryState loading={false} error={{ message: 'Failed to fetch' }} what="regions" />
      </ErrorWordsContext.Provider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load regions. The server could not be reached.');
    expect(alert.textContent).not.toContain('Failed to fetch');
    expect(alert.querySelector('.message-detail')?.textContent).toBe('Code: NETWORK_ERROR');
  });

  it('announces loading, and renders nothing once loaded', () => {
    const { container, rerender } = render(<QueryState loading what="regions" />);
    expect(screen.getByText('Loading regions…')).toBeTruthy();
    rerender(<QueryState loading={false} what="regions" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('DataAsOf', () => {
  it.each([
    ['2026-12-06T12:41:07.123Z', '2026-12-06T12:41:07.123Z', 'Data as of 6 Dec 2026, 20:41 PHT'],
    // Past midnight in Manila while still the day before in UTC.
    ['2026-12-31T16:05:00Z', '2026-12-31T16:05:00.000Z', 'Data as of 1 Jan 2027, 00:05 PHT'],
  ])('%s: the instant in UTC, the words in Philippine time', (asOf, iso, words) => {
    const { container } = render(<DataAsOf asOf={asOf} />);
    const time = container.querySelector('time[data-as-of]');
    expect(time?.getAttribute('datetime')).toBe(iso);
    expect(time?.textContent).toBe(words);
  });

  it('shows nothing without a time', () => {
    const { container } = render(<DataAsOf asOf={null} />);
    expect(container.innerHTML).toBe('');
  });
});
