import { type FormEvent } from 'react';
import { DuplicateWarning } from './DuplicateWarning.js';
import { EnrollmentDone } from './EnrollmentDone.js';
import { FailureNotice } from './FailureNotice.js';
import { LearnerSearch } from './LearnerSearch.js';
import { ProfileFields } from './ProfileFields.js';
import { StepHeading } from './StepHeading.js';
import {
  type EnrollmentFlowProps,
  type EnrollmentFlowState,
  useEnrollmentFlow,
} from './useEnrollmentFlow.js';

/**
 * Search first (SPEC §3), then the profile and the enrollment on one form, saved in order: the new
 * record (with the duplicate check), the profile update, then the enrollment, each step kept when a
 * later one fails so that trying again repeats nothing (the enrollment carries an idempotency key).
 */
export function EnrollmentFlow<D>(props: EnrollmentFlowProps<D>) {
  const flow = useEnrollmentFlow(props);

  // The ALS guide's step 5 shows "Enrolment Added"; the school screen says the same.
  if (flow.step === 'done' && flow.result)
    return (
      <EnrollmentDone result={flow.result} again={flow.reset} againLabel="Enrol another learner" />
    );

  if (flow.step === 'search' || flow.step === 'loading') {
    return (
      <>
        <LearnerSearch onPreview={flow.preview} onCreateNew={flow.createNew} />
        {flow.step === 'loading' ? <p aria-busy="true">Opening the record…</p> : null}
        <FailureNotice failure={flow.failure} onRetry={() => undefined} busy={flow.busy} />
      </>
    );
  }

  return (
    <EnrollmentForm flow={flow} renderDetails={props.renderDetails} onCancel={props.onCancel} />
  );
}

/** The record's profile (or who it is, for another school's), the details, and the Enrol button. */
function EnrollmentForm<D>({
  flow,
  renderDetails,
  onCancel,
}: {
  flow: EnrollmentFlowState<D>;
  renderDetails: EnrollmentFlowProps<D>['renderDetails'];
  onCancel: () => void;
}) {
  const { subject, failure, busy, errorOf } = flow;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void flow.save();
  };

  return (
    <form
      onSubmit={onSubmit}
      className="enroll-form"
      noValidate
      aria-labelledby="learner-form-heading"
    >
      <StepHeading id="learner-form-heading">
        {subject.kind === 'new'
          ? 'New learner record'
          : `Learner: ${subject.name}${subject.lrn ? ` (LRN ${subject.lrn})` : ''}`}
      </StepHeading>
      {subject.kind === 'existing' && !subject.inScope ? (
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
        <button type="button" className="enroll-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
