import { useMutation } from '@apollo/client/react';
import { isAlsProgram } from '@repo/domain/enrollment';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { type FormEvent, useRef, useState } from 'react';
import { gradeLabel, statusLabel } from '../labels.js';
import { type ClassListRow } from './class-list-csv.js';
import { defaultDates } from './default-dates.js';
import {
  DropOutMutation,
  RecordFirstAttendanceMutation,
  TransferToAlsMutation,
} from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { FailureNotice } from './FailureNotice.js';
import { type AlsProgram, alsPrograms } from './enrollment-labels.js';
import { DateField, SelectField, TextField } from './inputs.js';
import { type FormFailure, noFailure, problemOf, toFormFailure } from './form-errors.js';

type Action = 'attendance' | 'als' | 'drop';

/** What can happen to one enrollment during the year (§V.B, §V.E, §IV.l), one form at a time. */
export function LearnerActions({
  row,
  calendar,
  today,
  onDone,
}: {
  row: ClassListRow;
  calendar: SchoolCalendar;
  today: string;
  onDone: (message: string) => void;
}) {
  const [action, setAction] = useState<Action>(
    row.status === 'PRE_REGISTERED' ? 'attendance' : 'als',
  );
  // A day of classes not after today (in ALS, not after the cut-off either), so the date as shown
  // is one the API accepts for a first attendance; a change takes effect on a day of classes too.
  const [date, setDate] = useState(() => {
    const defaults = defaultDates(calendar, today);
    return isAlsProgram(row.gradeLevel) && row.status === 'PRE_REGISTERED'
      ? defaults.alsFirstAttendance || defaults.classDay
      : defaults.classDay;
  });
  const [program, setProgram] = useState<AlsProgram>('ALS_AE_SECONDARY');
  const [facilitator, setFacilitator] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const key = useRef(newIdempotencyKey());
  const [attend, a] = useMutation(RecordFirstAttendanceMutation);
  const [transfer, t] = useMutation(TransferToAlsMutation);
  const [drop, d] = useMutation(DropOutMutation);
  const busy = a.loading || t.loading || d.loading;
  const name = `${row.lastName}, ${row.firstName}`;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFailure(noFailure);
    try {
      const variables = { key: key.current };
      let status: string;
      if (action === 'attendance') {
        const { data } = await attend({
          variables: {
            ...variables,
            input: { enrollmentId: row.enrollmentId, firstAttendance: date },
          },
        });
        status = data!.recordFirstAttendance.enrollment.status;
      } else if (action === 'als') {
        const { data } = await transfer({
          variables: {
            ...variables,
            input: {
              enrollmentId: row.enrollmentId,
              effectiveOn: date,
              program,
              facilitatorName: facilitator,
            },
          },
        });
        status = data!.transferToAls.enrollment.status;
      } else {
        const { data } = await drop({
          variables: {
            ...variables,
            input: { enrollmentId: row.enrollmentId, effectiveOn: date, reason },
          },
        });
        status = data!.dropOut.enrollment.status;
      }
      key.current = newIdempotencyKey();
      onDone(`${name}: ${statusLabel[status as keyof typeof statusLabel]}.`);
    } catch (error) {
      setFailure(toFormFailure(error, { today, calendar, als: isAlsProgram(row.gradeLevel) }));
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="enroll-form enroll-actions-form"
      aria-label={`Change the enrolment of ${name}`}
    >
      <fieldset className="enroll-fieldset">
        <legend>
          {name}, {gradeLabel[row.gradeLevel]}: {statusLabel[row.status]}
        </legend>
        <div role="radiogroup" aria-label="Action" className="enroll-radios">
          {row.status === 'PRE_REGISTERED' ? (
            <label className="enroll-check">
              <input
                type="radio"
                name="action"
                checked={action === 'attendance'}
                onChange={() => setAction('attendance')}
              />
              Record the first date of attendance
            </label>
          ) : null}
          <label className="enroll-check">
            <input
              type="radio"
              name="action"
              checked={action === 'als'}
              onChange={() => setAction('als')}
            />
            Transfer to ALS
          </label>
          <label className="enroll-check">
            <input
              type="radio"
              name="action"
              checked={action === 'drop'}
              onChange={() => setAction('drop')}
            />
            Drop out
          </label>
        </div>
        <DateField
          label={action === 'attendance' ? 'First date of attendance' : 'Effectivity date'}
          value={date}
          onChange={setDate}
          error={problemOf(failure, action === 'attendance' ? 'firstAttendance' : 'effectiveOn')}
        />
        {action === 'als' ? (
          <>
            <SelectField
              label="ALS program"
              value={program}
              onChange={setProgram}
              options={alsPrograms.map((g) => [g, gradeLabel[g]] as const)}
              error={problemOf(failure, 'program')}
              placeholder={null}
            />
            <TextField
              label="ALS facilitator"
              value={facilitator}
              onChange={setFacilitator}
              error={problemOf(failure, 'facilitatorName')}
            />
          </>
        ) : null}
        {action === 'drop' ? (
          <TextField
            label="Reason"
            value={reason}
            onChange={setReason}
            error={problemOf(failure, 'reason')}
          />
        ) : null}
      </fieldset>
      <FailureNotice failure={failure} busy={busy} onRetry={() => void submit()} />
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
