import { expect, it } from 'vitest';
import { footprint, mutate } from '../enrollment-fixtures.js';
import { SY } from '../enrollment-scenario.js';
import {
  type Actor,
  CALENDAR_YEAR,
  type Fixtures,
  NO_CALENDAR_YEAR,
  type Operation,
  world,
} from './world.js';

/** One refused input: who sends what, which learners must stay as they were, and the error. */

export type Expected = { code: string } | { field: string; rule: string };

export interface Row {
  title: string;
  operation: Operation;
  as: Actor;
  input: (fx: Fixtures) => Record<string, unknown>;
  idempotencyKey?: string;
  /** The learners the refusal must leave as they were. */
  learners: (fx: Fixtures) => string[];
  expected: Expected;
}

export const bad = (field: string, rule: string): Expected => ({ field, rule });
export const refusedWith = (code: string): Expected => ({ code });

export const errorKey = (expected: Expected) =>
  'code' in expected ? expected.code : `${expected.field} ${expected.rule}`;

const inputTypes: Record<Exclude<Operation, 'setSchoolCalendar'>, string> = {
  preRegister: 'PreRegisterInput',
  enrollLearner: 'EnrollLearnerInput',
  recordFirstAttendance: 'FirstAttendanceInput',
  submitDocument: 'SubmitDocumentInput',
  moveLearner: 'MoveLearnerInput',
  transferToAls: 'TransferToAlsInput',
  dropOut: 'DropOutInput',
};

async function send(row: Row, input: Record<string, unknown>) {
  const { server, tokens } = world;
  if (row.operation === 'setSchoolCalendar') {
    const response = await server.graphql<{ setSchoolCalendar: unknown }>(
      'mutation($input: SchoolCalendarInput!) { setSchoolCalendar(input: $input) { schoolYear version } }',
      { input },
      tokens[row.as],
    );
    return {
      result: response.data?.setSchoolCalendar ?? null,
      error: response.errors?.[0]?.extensions ?? null,
    };
  }
  return mutate(
    server,
    tokens[row.as],
    row.operation,
    inputTypes[row.operation],
    input,
    row.idempotencyKey,
  );
}

/** Everything a refusal must leave untouched: the learners' rows, a new profile, the calendars. */
async function snapshot(row: Row, input: Record<string, unknown>) {
  const { dataSource, f } = world;
  const learners = [];
  for (const id of row.learners(f)) learners.push(await footprint(dataSource, id));
  const profile = input.learner as { lastName?: string } | undefined;
  const newProfiles = profile?.lastName
    ? await dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM learner WHERE last_name = $1',
        [profile.lastName],
      )
    : null;
  const calendars =
    row.operation === 'setSchoolCalendar'
      ? {
          rows: await dataSource.query<unknown[]>(
            `SELECT school_year, version, opening_day::text, closing_day::text,
                    prescribed_school_days, non_school_days::text, age_cutoff::text, updated_at
             FROM school_calendar WHERE school_year IN ($1, $2, $3) ORDER BY school_year`,
            [SY, CALENDAR_YEAR, NO_CALENDAR_YEAR],
          ),
          audits: await dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'school_calendar'`,
          ),
        }
      : null;
  return { learners, newProfiles, calendars };
}

/** One test per row: refused with the row's error, and nothing it watches written. */
export function itRefusesEachRow(rows: Row[]): void {
  // The title as a plain string: `$title` would be quoted and cut at 40 characters.
  it.each(rows.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    const input = row.input(world.f);
    const before = await snapshot(row, input);
    // Every learner row watches at least one learner, or the new profile it sends.
    if (row.operation !== 'setSchoolCalendar')
      expect(before.learners.length + (before.newProfiles ? 1 : 0)).toBeGreaterThan(0);
    const outcome = await send(row, input);
    expect(outcome.result).toBeNull();
    if ('code' in row.expected) {
      expect(outcome.error).toMatchObject({ code: row.expected.code });
    } else {
      expect(outcome.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: row.expected.field,
        rule: row.expected.rule,
      });
    }
    expect(await snapshot(row, input)).toEqual(before);
  });
}
