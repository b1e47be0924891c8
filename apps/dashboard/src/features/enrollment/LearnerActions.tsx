import { useMutation } from '@apollo/client/react';
import { isAlsProgram } from '@repo/domain/enrollment';
import { type EnrollmentStatus } from '@repo/domain/enums';
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

interface ActionsProps {
  row: ClassListRow;
  calendar: SchoolCalendar;
  today: string;
  onDone: (message: string) => void;
}

/** What can happen to one enrollment during the year (§V.B, §V.E, §IV.l), one form at a time. */
export function LearnerActions(props: ActionsProps) {
  const { row } = props;
  const form = useLearnerAction(props);
  const { action, failure, busy } = form;
  const name = `${row.lastName}, ${row.firstName}`;

  return (
    <form
      onSubmit={(e) => void form.submit(e)}
      className="enroll-form enroll-actions-form"
      aria-label={`Change the enrolment of ${name}`}
    >
      <fieldset className="enroll-fieldset">
        <legend>
          {name}, {gradeLabel[row.gradeLevel]}: {statusLabel[row.status]}
        </legend>
        <ActionChoice
          action={action}
          onChoose={form.setAction}
          preRegistered={row.status === 'PRE_REGISTERED'}
        />
        <DateField
          label={action === 'attendance' ? 'First date of attendance' : 'Effectivity date'}
          value={form.date}
          onChange={form.setDate}
          error={problemOf(failure, action === 'attendance' ? 'firstAttendance' : 'effectiveOn')}
        />
        {action === 'als' ? <AlsTransferFields form={form} /> : null}
        {action === 'drop' ? (
          <TextField
            label="Reason"
            value={form.reason}
            onChange={form.setReason}
            error={problemOf(failure, 'reason')}
          />
        ) : null}
      </fieldset>
      <FailureNotice failure={failure} busy={busy} onRetry={() => void form.submit()} />
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}

/** The action chosen, its date and fields, and the change sent with an idempotency key. */
function useLearnerAction({ row, calendar, today, onDone }: ActionsProps) {
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
  const send = useActionMutations();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFailure(noFailure);
    try {
      const { enrollmentId } = row;
      const status = await send.run(action, key.current, {
        enrollmentId,
        date,
        program,
        facilitatorName: facilitator,
        reason,
      });
      key.current = newIdempotencyKey();
      onDone(`${row.lastName}, ${row.firstName}: ${statusLabel[status]}.`);
    } catch (error) {
      setFailure(toFormFailure(error, { today, calendar, als: isAlsProgram(row.gradeLevel) }));
    }
  }

  return {
    action,
    setAction,
    date,
    setDate,
    program,
    setProgram,
    facilitator,
    setFacilitator,
    reason,
    setReason,
    failure,
    busy: send.busy,
    submit,
  };
}

/** The three changes' mutations; `run` sends the one chosen and answers the enrollment's status. */
function useActionMutations() {
  const [attend, a] = useMutation(RecordFirstAttendanceMutation);
  const [transfer, t] = useMutation(TransferToAlsMutation);
  const [drop, d] = useMutation(DropOutMutation);

  async function run(
    action: Action,
    key: string,
    v: {
      enrollmentId: string;
      date: string;
      program: AlsProgram;
      facilitatorName: string;
      reason: string;
    },
  ): Promise<EnrollmentStatus> {
    const { enrollmentId } = v;
    if (action === 'attendance') {
      const { data } = await attend({
        variables: { key, input: { enrollmentId, firstAttendance: v.date } },
      });
      return data!.recordFirstAttendance.enrollment.status;
    }
    if (action === 'als') {
      const input = {
        enrollmentId,
        effectiveOn: v.date,
        program: v.program,
        facilitatorName: v.facilitatorName,
      };
      const { data } = await transfer({ variables: { key, input } });
      return data!.transferToAls.enrollment.status;
    }
    const { data } = await drop({
      variables: { key, input: { enrollmentId, effectiveOn: v.date, reason: v.reason } },
    });
    return data!.dropOut.enrollment.status;
  }

  return { run, busy: a.loading || t.loading || d.loading };
}

function ActionChoice({
  action,
  onChoose,
  preRegistered,
}: {
  action: Action;
  onChoose: (action: Action) => void;
  preRegistered: boolean;
}) {
  const choice = (value: Action, label: string) => (
    <label className="enroll-check">
      <input
        type="radio"
        name="action"
        checked={action === value}
        onChange={() => onChoose(value)}
      />
      {label}
    </label>
  );
  return (
    <div role="radiogroup" aria-label="Action" className="enroll-radios">
      {preRegistered ? choice('attendance', 'Record the first date of attendance') : null}
      {choice('als', 'Transfer to ALS')}
      {choice('drop', 'Drop out')}
    </div>
  );
}

function AlsTransferFields({ form }: { form: ReturnType<typeof useLearnerAction> }) {
  return (
    <>
      <SelectField
        label="ALS program"
        value={form.program}
        onChange={form.setProgram}
        options={alsPrograms.map((g) => [g, gradeLabel[g]] as const)}
        error={problemOf(form.failure, 'program')}
        placeholder={null}
      />
      <TextField
        label="ALS facilitator"
        value={form.facilitator}
        onChange={form.setFacilitator}
        error={problemOf(form.failure, 'facilitatorName')}
      />
    </>
  );
}
