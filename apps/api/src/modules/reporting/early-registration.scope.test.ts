import { perturb } from '@repo/domain/cell-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectWorstFirst,
  openTrackerWorld,
  type Progress,
  scenario,
  type TrackerWorld,
  withoutOutOfSchool,
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
    // The region has no personal data: its OSC and OSY are perturbed (issue 18), the rest exact.
    await expectMatchesRawCounts(asRegion, 's.region_id', region, undefined, true);
    const regionOnDivision = await ok(tokens.region!, { divisionId: String(division) });
    expect(withoutOutOfSchool(regionOnDivision)).toEqual(withoutOutOfSchool(asDivision));
    await expectMatchesRawCounts(regionOnDivision, 's.division_id', division, undefined, true);
    await expectMatchesRawCounts(asDivision, 's.division_id', division);
    expect(
      (await progress(tokens.region!, { regionId: String(region === 1 ? 2 : 1) })).error,
    ).toMatchObject({
      code: 'OUTSIDE_SCOPE',
    });

    // The nation reads the whole country, one row per region (issue 21), the region's row its
    // subtotal; or it names a region or a division.
    const started = performance.now();
    const national = await world.server.graphql<{
      earlyRegistrationProgress: {
        registrations: number;
        regions: (Omit<Progress['regions'][number], 'region'> & { region: { id: string } })[];
      };
    }>(
      `query($y: String!) { earlyRegistrationProgress(schoolYear: $y) { registrations
         regions { region { id } schools schoolsWithoutRegistration schoolsBehindTarget
                   registrations previousYearEnrollment } } }`,
      { y: scenario.schoolYear },
      tokens.nation,
    );
    console.log(`the nation's tracker: ${Math.round(performance.now() - started)} ms`);
    const asNation = national.data!.earlyRegistrationProgress;
    expect(asNation.regions.length).toBeGreaterThan(1);
    expect(asNation.regions.find((r) => r.region.id === String(region))).toEqual({
      region: { id: String(region) },
      schools: asRegion.schools.length,
      schoolsWithoutRegistration: asRegion.schools.filter((s) => s.registrations === 0).length,
      schoolsBehindTarget: asRegion.schoolsBehindTarget,
      registrations: asRegion.registrations,
      previousYearEnrollment: asRegion.previousYearEnrollment,
    });
    expect(asNation.registrations).toBe(
      asNation.regions.reduce((sum, r) => sum + r.registrations, 0),
    );
    expect(await ok(tokens.nation!, { divisionId: String(division) })).toEqual(regionOnDivision);
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

  it('a district narrows a division to its schools (issue 21), held to the viewer’s place', async () => {
    const { ok, progress, tokens, division, otherDivision, dataSource, expectMatchesRawCounts } =
      world;
    const districtOf = async (divisionId: number) => {
      const [row] = await dataSource.query<{ id: number }[]>(
        `SELECT district_id AS id FROM school WHERE division_id = $1 AND district_id IS NOT NULL
         GROUP BY district_id ORDER BY count(*) DESC, district_id LIMIT 1`,
        [divisionId],
      );
      return String(row!.id);
    };
    const own = await districtOf(division);
    const inDistrict = new Set(
      (
        await dataSource.query<{ id: number }[]>('SELECT id FROM school WHERE district_id = $1', [
          own,
        ])
      ).map((s) => String(s.id).padStart(6, '0')),
    );
    const whole = await ok(tokens.division!);
    const part = await ok(tokens.division!, { districtId: own });
    expect(part.schools.length).toBeGreaterThan(0);
    expect(part.schools.map((s) => s.school.schoolId)).toEqual(
      whole.schools.map((s) => s.school.schoolId).filter((id) => inDistrict.has(id)),
    );
    await expectMatchesRawCounts(part, 's.district_id', Number(own));
    // The region and the nation reach it too; the same answer.
    expect(await ok(tokens.region!, { districtId: own })).toEqual(
      await ok(tokens.region!, { divisionId: String(division), districtId: own }),
    );

    const other = await districtOf(otherDivision);
    const refusal = async (token: string, args: Record<string, string>) =>
      (await progress(token, args)).error;
    expect(await refusal(tokens.division!, { districtId: other })).toMatchObject({
      code: 'OUTSIDE_SCOPE',
      field: 'districtId',
    });
    expect(
      await refusal(tokens.nation!, { divisionId: String(division), districtId: other }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'districtId',
      rule: 'DISTRICT_NOT_IN_DIVISION',
    });
    expect(await refusal(tokens.division!, { districtId: 'x' })).toMatchObject({
      field: 'districtId',
      rule: 'ID_INVALID',
    });
    expect(await refusal(tokens.division!, { districtId: '999999999' })).toMatchObject({
      field: 'districtId',
      rule: 'DISTRICT_NOT_FOUND',
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

describe('preRegistrationsByDay: the OSC and OSY perturbed for roles without personal data (issue 18)', () => {
  it('gives a division its exact counts and the region each count plus its cell key’s adjustment', async () => {
    const { server, tokens, division, dataSource } = world;
    const byDay = async (token: string) => {
      const answer = await server.graphql<{
        preRegistrationsByDay: {
          schoolId: string;
          date: string;
          registrations: number;
          outOfSchoolChildren: number;
          outOfSchoolYouth: number;
        }[];
      }>(
        `query($y: String!, $d: ID) { preRegistrationsByDay(schoolYear: $y, divisionId: $d) {
           schoolId date registrations outOfSchoolChildren outOfSchoolYouth } }`,
        { y: scenario.schoolYear, d: String(division) },
        token,
      );
      if (!answer.data) throw new Error(JSON.stringify(answer.errors));
      return answer.data.preRegistrationsByDay;
    };
    const raw = await dataSource.query<
      { school_id: string; date: string; osc: number; osy: number; ck: string; yk: string }[]
    >(
      `SELECT lpad(e.school_id::text, 6, '0') AS school_id,
              to_char(e.registered_on, 'YYYY-MM-DD') AS date,
              count(*) FILTER (WHERE 'OSC' = ANY (e.categories))::int AS osc,
              count(*) FILTER (WHERE 'OSY' = ANY (e.categories))::int AS osy,
              coalesce(sum(l.record_key) FILTER (WHERE 'OSC' = ANY (e.categories)), 0)::text AS ck,
              coalesce(sum(l.record_key) FILTER (WHERE 'OSY' = ANY (e.categories)), 0)::text AS yk
       FROM enrollment e JOIN school s ON s.id = e.school_id JOIN learner l ON l.id = e.learner_id
       WHERE e.school_year = $1 AND e.registered_on IS NOT NULL AND s.division_id = $2
       GROUP BY 1, 2`,
      [scenario.schoolYear, division],
    );
    const rawOf = (row: { schoolId: string; date: string }) =>
      raw.find((r) => r.school_id === row.schoolId && r.date === row.date)!;
    const exact = await byDay(tokens.division!);
    const perturbed = await byDay(tokens.region!);
    expect(raw.some((r) => r.osc + r.osy > 0)).toBe(true);
    expect(perturbed.map((r) => [r.schoolId, r.date, r.registrations])).toEqual(
      exact.map((r) => [r.schoolId, r.date, r.registrations]),
    );
    for (const [i, row] of exact.entries()) {
      const r = rawOf(row);
      expect(row).toMatchObject({ outOfSchoolChildren: r.osc, outOfSchoolYouth: r.osy });
      expect(perturbed[i]).toMatchObject({
        outOfSchoolChildren: perturb(r.osc, BigInt(r.ck)),
        outOfSchoolYouth: perturb(r.osy, BigInt(r.yk)),
      });
    }
  });
});
