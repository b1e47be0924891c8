import { type FormEvent, useEffect, useRef } from 'react';
import { DuplicateWarning } from './DuplicateWarning.js';
import { EnrollmentDone } from './EnrollmentDone.js';
import { FailureNotice } from './FailureNotice.js';
import { LeaveWarning } from './LeaveWarning.js';
import { LearnerSearch } from './LearnerSearch.js';
import { ProfileFields } from './ProfileFields.js';
import { StepHeading } from './StepHeading.js';
import {
  type EnrollmentFlowProps,
  type EnrollmentFlowState,
  useEnrollmentFlow,
} from './useEnrollmentFlow.js';

/**
 * Search first (SPEC §3), then the profile and the enrollment on one form. A new learner's record
 * and its enrollment are saved as one act, or not at all (issue 21); a record on file has its
 * changes saved, then its enrollment (which carries an idempotency key, so trying again acts
 * once). Each step has its address (`?step=`), the form is kept as a draft across a reload and
 * Back, and leaving it half-filled asks first.
 */
export function EnrollmentFlow<D>(props: EnrollmentFlowProps<D>) {
  const flow = useEnrollmentFlow(props);
  return (
    <>
      <LeaveWarning dirty={flow.dirty} />
      <FlowStep flow={flow} props={props} />
    </>
  );
}

function FlowStep<D>({
  flow,
  props,
}: {
  flow: EnrollmentFlowState<D>;
  props: EnrollmentFlowProps<D>;
}) {
  // The ALS guide's step 5 shows "Enrolment Added"; the school screen says the same.
  if (flow.step === 'done' && flow.result)
    return (
      <EnrollmentDone result={flow.result} again={flow.again} againLabel="Enrol another learner" />
    );

  if (flow.step === 'search') {
    return (
      <>
        {flow.subject && !flow.opening ? <KeptForm flow={flow} /> : null}
        <LearnerSearch onPreview={flow.preview} onCreateNew={flow.createNew} />
        {flow.opening ? <p aria-busy="true">Opening the record…</p> : null}
        <FailureNotice failure={flow.failure} onRetry={() => undefined} busy={flow.busy} />
      </>
    );
  }

  return <EnrollmentForm flow={flow} renderDetails={props.renderDetails} />;
}

/** Back at the search with a form under way: it is kept, to go back to or to throw away. */
function KeptForm<D>({ flow }: { flow: EnrollmentFlowState<D> }) {
  const { subject, draft } = flow;
  const who =
    subject?.kind === 'existing'
      ? subject.name
      : [draft.firstName, draft.lastName].join(' ').trim() || 'a new learner';
  return (
    <div className="enroll-warning" role="note">
      <p>
        The form for <strong>{who}</strong> is not saved yet: it is kept in this tab.
      </p>
      <div className="enroll-actions">
        <button type="button" onClick={flow.resume}>
          Back to the form
        </button>
        <button type="button" className="enroll-secondary" onClick={flow.discard}>
          Discard it
        </button>
      </div>
    </div>
  );
}

/** The record's profile (or who it is, for another school's), the details, and the Enrol button. */
function EnrollmentForm<D>({
  flow,
  renderDetails,
}: {
  flow: EnrollmentFlowState<D>;
  renderDetails: EnrollmentFlowProps<D>['renderDetails'];
}) {
  const { subject, failure, busy, errorOf, refusals } = flow;
  const form = useRef<HTMLFormElement>(null);
  // Each refusal: the focus on its first field in error, else on the notice that says what it is.
  useEffect(() => {
    if (refusals === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [refusals]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void flow.save();
  };

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      className="enroll-form"
      noValidate
      aria-labelledby="learner-form-heading"
    >
      <StepHeading id="learner-form-heading">
        {subject?.kind === 'existing'
          ? `Learner: ${subject.name}${subject.lrn ? ` (LRN ${subject.lrn})` : ''}`
          : 'New learner record'}
      </StepHeading>
      {subject?.kind === 'existing' && !subject.inScope ? (
        <p>
          This learner’s profile is kept by another school; enrolling here links the record to your
          school.
        </p>
      ) : (
        <ProfileFields draft={flow.draft} onChange={flow.editDraft} errorOf={errorOf} />
      )}
      {renderDetails(flow.details, flow.editDetails, { ...flow.context, errorOf })}
      {failure.duplicates.length > 0 ? (
        <DuplicateWarning
          candidates={failure.duplicates}
          busy={busy}
          onConfirm={() => void flow.save(true)}
        />
      ) : null}
      <FailureNotice failure={failure} onRetry={() => void flow.save()} busy={busy} />
      <div className="enroll-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Enrol'}
        </button>
        <button type="button" className="enroll-secondary" onClick={flow.discard}>
          Discard
        </button>
      </div>
    </form>
  );
}
