import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectWorstFirst,
  openTrackerWorld,
  type TrackerWorld,
} from '../../../test/early-registration-fixtures.js';

// Whose place the tracker reads, and the inputs it refuses, in a region of this file's own (the
// fixture's third world).
let world: TrackerWorld;
beforeAll(async () => {
  world = await openTrackerWorld(2);
});
afterAll(() => world.close());

describe('earlyRegistrationProgress: each scope its own place (SPEC §1, §4.2)', () => {
  it('holds each scope to its own place', async () => {
    const { ok, progress, tokens, division, region, otherDivision, A, expectMatchesRawCounts } =
      world;
    // A school: its own numbers only.
    const own = await ok(tokens[`registrar${A}`]!);
    expect(own.schools.map((s) => s.school.schoolId)).toEqual([String(A).padStart(6, '0')]);
    await expectMatchesRawCounts(own, 's.id', A);
    expect(
      (await progress(tokens[`registrar${A}`]!, { divisionId: String(otherDivision) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
      field: 'divisionId',
    });

    // A division: its own; not another.
    expect(
      (await progress(tokens.division!, { divisionId: String(otherDivision) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
      field: 'divisionId',
    });
    const asDivision = await ok(tokens.division!, { divisionId: String(division) });

    // A region: the whole region, or one of its divisions (the same answer the division gets).
    const asRegion = await ok(tokens.region!);
    expect(asRegion.divisions.map((d) => d.division.id)).toContain(String(division));
    expect(asRegion.divisions.length).toBeGreaterThan(1);
    expectWorstFirst(asRegion.schools);
    await expectMatchesRawCounts(asRegion, 's.region_id', region);
    expect(await ok(tokens.region!, { divisionId: String(division) })).toEqual(asDivision);
    expect(
      (await progress(tokens.region!, { regionId: String(region === 1 ? 2 : 1) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
    });

    // The nation names a division or a region.
    expect((await progress(tokens.nation!)).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'divisionId',
      rule: 'FILTER_REQUIRED',
    });
    expect(await ok(tokens.nation!, { divisionId: String(division) })).toEqual(asDivision);
    expect(await ok(tokens.nation!, { regionId: String(region) })).toEqual(asRegion);
    expect(
      (
        await progress(tokens.nation!, {
          divisionId: String(division),
          regionId: String(region === 1 ? 2 : 1),
        })
      ).error,
    ).toMatchObject({ field: 'divisionId', rule: 'DIVISION_NOT_IN_REGION' });

    // Nobody signed in: refused before the resolver.
    expect((await progress(undefined as unknown as string)).error).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it.each([
    [{ schoolYear: '2026-27' }, 'schoolYear', 'SCHOOL_YEAR_INVALID'],
    [{ schoolYear: '2016-2017' }, 'schoolYear', 'SCHOOL_YEAR_NOT_COVERED'],
    [{ schoolYear: '2040-2041' }, 'schoolYear', 'CALENDAR_NOT_SET'],
    [{ divisionId: 'x' }, 'divisionId', 'ID_INVALID'],
    [{ divisionId: '99999' }, 'divisionId', 'DIVISION_NOT_FOUND'],
    [{ regionId: '9999' }, 'regionId', 'REGION_NOT_FOUND'],
  ])('refuses %o: %s %s', async (args, field, rule) => {
    const { progress, tokens, division } = world;
    const { data, error } = await progress(tokens.nation!, {
      divisionId: String(division),
      ...args,
    });
    expect(data).toBeNull();
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});
