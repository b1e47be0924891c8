import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Breadcrumbs } from './Breadcrumbs.js';
import { DataTable } from './DataTable.js';
import { formatCount } from './format.js';
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

describe('DataTable', () => {
  const rows = [
    { id: '1', name: 'Region I', schools: 3523 },
    { id: '2', name: 'NCR', schools: 3342 },
  ];
  const columns = [
    { key: 'name', header: 'Region', render: (r: (typeof rows)[number]) => r.name },
    {
      key: 'schools',
      header: 'Schools',
      numeric: true,
      render: (r: (typeof rows)[number]) => r.schools,
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
    expect(screen.getByRole('alert').textContent).toContain('Could not load regions: offline');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('announces loading, and renders nothing once loaded', () => {
    const { container, rerender } = render(<QueryState loading what="regions" />);
    expect(screen.getByText('Loading regions…')).toBeTruthy();
    rerender(<QueryState loading={false} what="regions" />);
    expect(container.innerHTML).toBe('');
  });
});
