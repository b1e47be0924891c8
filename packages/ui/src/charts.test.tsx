import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CategoryBarChart } from './CategoryBarChart.js';
import { palette } from './palette.js';
import { PopulationPyramid } from './PopulationPyramid.js';
import { ShareChart } from './ShareChart.js';
import { TrendChart } from './TrendChart.js';

afterEach(cleanup);

const bars = (container: HTMLElement) => container.querySelectorAll('.recharts-bar-rectangle');

describe('chart wrappers', () => {
  it('CategoryBarChart: a titled figure, one bar per group and series, Okabe–Ito colours', () => {
    const { container } = render(
      <CategoryBarChart
        title="Learners by region"
        description="Learners by region and sex"
        width={600}
        data={[
          { label: 'CAR', male: 10, female: 12 },
          { label: 'NCR', male: 30, female: 31 },
        ]}
        series={[
          { key: 'male', label: 'Male' },
          { key: 'female', label: 'Female' },
        ]}
      />,
    );
    expect(screen.getByText('Learners by region').closest('figure')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Learners by region and sex' })).toBeTruthy();
    expect(bars(container)).toHaveLength(4);
    const fills = [...container.querySelectorAll('.recharts-bar-rectangle path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(new Set(fills)).toEqual(new Set([palette[0], palette[1]]));
  });

  it('PopulationPyramid: males drawn left of the axis, females right', () => {
    const { container } = render(
      <PopulationPyramid
        title="Grades by sex"
        description="pyramid"
        width={600}
        rows={[
          { label: 'Kindergarten', male: 5, female: 6 },
          { label: 'Grade 1', male: 7, female: 8 },
        ]}
      />,
    );
    expect(bars(container)).toHaveLength(4);
    const ticks = [
      ...container.querySelectorAll('.recharts-xAxis .recharts-cartesian-axis-tick-value'),
    ]
      .map((t) => t.textContent ?? '')
      .filter(Boolean);
    expect(ticks.every((t) => !t.startsWith('-'))).toBe(true);
  });

  it('TrendChart and ShareChart draw their line and slices', () => {
    const { container } = render(
      <>
        <TrendChart
          title="Registrations"
          description="cumulative"
          width={600}
          valueLabel="Registered"
          points={[
            { label: 'Jan 27', value: 1 },
            { label: 'Jan 28', value: 5 },
          ]}
          target={{ value: 10, label: 'Last year' }}
        />
        <ShareChart
          title="By sector"
          description="sector split"
          width={400}
          slices={[
            { label: 'Public', value: 80 },
            { label: 'Private', value: 20 },
          ]}
        />
      </>,
    );
    expect(container.querySelector('.recharts-line-curve')).toBeTruthy();
    expect(container.querySelector('.recharts-reference-line')).toBeTruthy();
    expect(container.querySelectorAll('.recharts-pie-sector')).toHaveLength(2);
  });
});
