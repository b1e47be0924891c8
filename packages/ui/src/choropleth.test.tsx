import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { geoArea } from 'd3-geo';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classBreaks, classColor, classOf, rewindForD3 } from './choropleth.js';
import { ChoroplethMap } from './ChoroplethMap.js';
import { sequentialColors } from './palette.js';

afterEach(cleanup);

describe('classBreaks', () => {
  it.each([
    ['no values: no class', [], []],
    ['nulls are no data, not a class', [null, undefined, 4], [{ lo: 4, hi: 4 }]],
    [
      'fewer distinct values than classes: one class each',
      [3, 1, 3, 2],
      [
        { lo: 1, hi: 1 },
        { lo: 2, hi: 2 },
        { lo: 3, hi: 3 },
      ],
    ],
    [
      'ten values in five classes of two, each range its own values',
      [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      [
        { lo: 1, hi: 2 },
        { lo: 3, hi: 4 },
        { lo: 5, hi: 6 },
        { lo: 7, hi: 8 },
        { lo: 9, hi: 10 },
      ],
    ],
    [
      'negative changes and decimals',
      [-5, 0.5, 2.25],
      [
        { lo: -5, hi: -5 },
        { lo: 0.5, hi: 0.5 },
        { lo: 2.25, hi: 2.25 },
      ],
    ],
  ])('%s', (_case, values, expected) => {
    expect(classBreaks(values)).toEqual(expected);
  });

  it('puts equal values in one class and every value in exactly one class', () => {
    const values = [1, 1, 1, 1, 2, 3, 50, 50, 900, 1000, 1000, 7];
    const classes = classBreaks(values);
    for (const v of values) {
      expect(classes.filter((c) => v >= c.lo && v <= c.hi)).toHaveLength(1);
    }
    expect(classOf(1000, classes)).toBe(classes.length - 1);
    expect(classOf(null, classes)).toBeNull();
    expect(classOf(0, classes)).toBeNull();
  });
});

describe('classColor', () => {
  it('spreads the classes over the whole ramp, lightest first', () => {
    expect([0, 1].map((i) => classColor(i, 2))).toEqual([sequentialColors[0], sequentialColors[4]]);
    expect([0, 1, 2, 3, 4].map((i) => classColor(i, 5))).toEqual([...sequentialColors]);
  });
});

const square = (x: number, y: number) => ({
  type: 'Polygon',
  // Anticlockwise, as RFC 7946 winds outer rings.
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

describe('rewindForD3', () => {
  it('turns an RFC 7946 ring round so d3 reads the place, not the rest of the globe', () => {
    const area = (g: object) => geoArea(g as Parameters<typeof geoArea>[0]);
    expect(area(square(120, 15))).toBeGreaterThan(2 * Math.PI);
    expect(area(rewindForD3(square(120, 15)))).toBeLessThan(0.001);
    const twice = rewindForD3(rewindForD3(square(120, 15)));
    expect(area(twice)).toBeLessThan(0.001);
  });
});

describe('ChoroplethMap', () => {
  const areas = [
    { id: '1', name: 'Abra', value: 100, geometry: square(120, 17) },
    { id: '2', name: 'Benguet', value: 300, geometry: square(120, 16) },
    { id: '3', name: 'Ifugao', value: null, geometry: square(121, 16) },
  ];

  it('draws one focusable, named area per place, a legend with "no data", and selects', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <ChoroplethMap
        title="Learners by province"
        description="Map of CAR's provinces"
        measureLabel="Learners"
        areas={areas}
        format={(v) => String(v)}
        onSelect={onSelect}
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      'Abra, Learners: 100',
      'Benguet, Learners: 300',
      'Ifugao, Learners: no data',
    ]);
    expect(links.every((l) => l.getAttribute('tabindex') === '0')).toBe(true);
    expect(container.querySelectorAll('path[d^="M"]')).toHaveLength(4);
    expect(screen.getByText('No data')).toBeTruthy();
    expect(screen.getByText('100')).toBeTruthy();
    fireEvent.focus(links[1]!);
    expect(container.querySelector('[data-map-readout]')?.textContent).toBe(
      'Learners, Benguet: 300',
    );
    fireEvent.keyDown(links[1]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(areas[1]);
  });
});
