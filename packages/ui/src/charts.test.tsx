import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CategoryBarChart } from './CategoryBarChart.js';
import { meaningColors } from './palette.js';
import { PopulationPyramid } from './PopulationPyramid.js';
import { ShareChart } from './ShareChart.js';
import { TrendChart } from './TrendChart.js';
import { YearTrendChart } from './YearTrendChart.js';

afterEach(cleanup);

const bars = (container: HTMLElement) => container.querySelectorAll('.recharts-bar-rectangle');

describe('chart wrappers', () => {
  it('CategoryBarChart: a titled figure, one bar per group and series, coloured by meaning', () => {
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
          { key: 'male', label: 'Male', meaning: 'MALE' },
          { key: 'female', label: 'Female', meaning: 'FEMALE' },
        ]}
      />,
    );
    expect(screen.getByText('Learners by region').closest('figure')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Learners by region and sex' })).toBeTruthy();
    expect(bars(container)).toHaveLength(4);
    const fills = [...container.querySelectorAll('.recharts-bar-rectangle path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(new Set(fills)).toEqual(new Set([meaningColors.MALE, meaningColors.FEMALE]));
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
            { label: 'Private', value: 20, meaning: 'PRIVATE' },
            { label: 'Public', value: 80, meaning: 'PUBLIC' },
          ]}
        />
      </>,
    );
    expect(container.querySelector('.recharts-line-curve')).toBeTruthy();
    expect(container.querySelector('.recharts-reference-line')).toBeTruthy();
    expect(container.querySelectorAll('.recharts-pie-sector')).toHaveLength(2);
    const fills = [...container.querySelectorAll('.recharts-pie-sector path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills).toEqual([meaningColors.PRIVATE, meaningColors.PUBLIC]);
    const values = [...container.querySelectorAll('.share-chart__value')].map((t) => t.textContent);
    expect(values).toEqual(['20 (20%)', '80 (80%)']);
  });

  it('colours one bar per row by its own meaning when there is one series', () => {
    const { container } = render(
      <CategoryBarChart
        title="Categories"
        description="categories"
        width={600}
        data={[
          { label: 'IP', learners: 3, meaning: 'IP' },
          { label: 'OSY', learners: 1, meaning: 'OSY' },
        ]}
        series={[{ key: 'learners', label: 'Learners', meaning: 'LEARNERS' }]}
        horizontal
      />,
    );
    const fills = [...container.querySelectorAll('.recharts-bar-rectangle path')].map((p) =>
      p.getAttribute('fill'),
    );
    expect(fills).toEqual([meaningColors.IP, meaningColors.OSY]);
  });
});

describe('YearTrendChart', () => {
  it('draws a line per measure in its meaning, the parity index against an axis of its own', () => {
    const { container } = render(
      <YearTrendChart
        title="Learners by school year"
        description="years"
        width={600}
        points={[
          { label: '2023-2024', learners: 20, male: 10, female: 10, gpi: 1 },
          { label: '2024-2025', learners: 31, male: 15, female: 16, gpi: 1.07 },
        ]}
        series={[
          { key: 'learners', label: 'Learners', meaning: 'LEARNERS' },
          { key: 'female', label: 'Female', meaning: 'FEMALE' },
          { key: 'male', label: 'Male', meaning: 'MALE' },
          { key: 'gpi', label: 'Gender parity index', meaning: 'PARITY', axis: 'index' },
        ]}
      />,
    );
    const strokes = [...container.querySelectorAll('.recharts-line-curve')].map((p) =>
      p.getAttribute('stroke'),
    );
    expect(strokes).toEqual([
      meaningColors.LEARNERS,
      meaningColors.FEMALE,
      meaningColors.MALE,
      meaningColors.PARITY,
    ]);
    expect(container.querySelectorAll('.recharts-yAxis')).toHaveLength(2);
  });
});

describe('meaningColor', () => {
  it('gives every meaning a colour of its own', () => {
    const colours = Object.values(meaningColors).map((c) => c.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });
});
