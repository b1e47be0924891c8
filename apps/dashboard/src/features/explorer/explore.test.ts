import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { toExploreQuery } from './exploreQuery.js';
import { tableCsv } from '../tables/textColumns.js';
import { exploreColumns } from './exploreColumns.js';

const schema = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, '../../../../api/schema.graphql'), 'utf8'),
);
const noFilters = { schoolYear: null, sectors: [], gradeLevels: [], sexes: [], categories: [] };

describe('the explorer’s query', () => {
  it.each([
    [[], noFilters],
    [['REGION', 'SEX'], { ...noFilters, schoolYear: '2023-2024' }],
    [
      [
        'SCHOOL_YEAR',
        'DIVISION',
        'SCHOOL',
        'SECTOR',
        'GRADE_LEVEL',
        'STRAND',
        'CATEGORY',
        'STATUS',
      ],
      {
        schoolYear: '2023-2024',
        sectors: ['PUBLIC', 'PRIVATE'],
        gradeLevels: ['KINDER'],
        sexes: ['FEMALE'],
        categories: ['IP', 'OSY'],
      },
    ],
  ] as const)('groupBy %j is valid against the API schema', (dimensions, filters) => {
    const text = toExploreQuery([...dimensions], {
      ...filters,
      sectors: [...filters.sectors],
      gradeLevels: [...filters.gradeLevels],
      sexes: [...filters.sexes],
      categories: [...filters.categories],
    });
    expect(validate(schema, parse(text))).toEqual([]);
  });

  it('writes the filter inline, enums bare', () => {
    const text = toExploreQuery(['GRADE_LEVEL'], {
      ...noFilters,
      schoolYear: '2023-2024',
      sexes: ['MALE'],
    });
    expect(text).toContain('filter: { schoolYear: "2023-2024", sexes: [MALE] }');
    expect(text).toContain('groupBy: [GRADE_LEVEL]');
    expect(text).toContain('    gradeLevel\n');
  });
});

describe('the explorer’s CSV', () => {
  it('writes the screen’s columns and text, "—" where a figure is unknown, never 0 (issue 21)', () => {
    const csv = tableCsv(exploreColumns(['REGION', 'SEX']), [
      {
        region: { id: '1', name: 'CAR' },
        sex: 'FEMALE',
        learners: 123456,
        male: 0,
        female: 123456,
        genderParityIndex: null,
        previousYearLearners: 120000,
        change: 3456,
      },
      {
        region: { id: '2', name: 'Region I, "Ilocos"' },
        sex: 'MALE',
        learners: 5,
        male: 5,
        female: 0,
        genderParityIndex: 0,
        previousYearLearners: null,
        change: null,
      },
      {
        region: null,
        sex: 'MALE',
        learners: 1,
        male: 1,
        female: 0,
        genderParityIndex: 0.9749,
        previousYearLearners: 0,
        change: 1,
      },
    ]);
    expect(csv.split('\n')).toEqual([
      'Region,Sex,Learners,Male,Female,GPI,Previous year,Change',
      'CAR,Female,123456,0,123456,—,120000,+3456',
      '"Region I, ""Ilocos""",Male,5,5,0,0.00,—,—',
      // No figures the year before: no change to show, not a growth of 100%.
      '—,Male,1,1,0,0.97,—,—',
      '',
    ]);
  });
});
