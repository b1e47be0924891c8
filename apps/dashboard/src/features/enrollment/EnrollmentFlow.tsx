import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FieldError } from '@repo/domain/learner-profile';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type EnrollLearnerInput, type EnrollmentResultFieldsFragment } from '../../gql/graphql.js';
import { statusLabel } from '../labels.js';
import { DuplicateWarning } from './DuplicateWarning.js';
import { describeRule, documentLabel, type RuleDates } from './enrollment-labels.js';
import {
  CreateLearnerMutation,
  EnrollLearnerMutation,
  LearnerProfileQuery,
  UpdateLearnerMutation,
} from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { FailureNotice } from './FailureNotice.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';
import {
  checkProfile,
  draftFromSearch,
  emptyProfile,
  type ProfileDraft,
  toCreateInput,
  toProfileDraft,
  toUpdateInput,
} from './learner-profile-form.js';
import { type Candidate, candidateName, LearnerSearch } from './LearnerSearch.js';
import { ProfileFields } from './ProfileFields.js';
import { StepHeading } from './StepHeading.js';

/** Which record the enrollment is for: a new one (3a) or one found and previewed (3b). */
type Subject =
  | { kind: 'new'; createdId: string | null }
  | {
      kind: 'existing';
      learnerId: string;
      /** Outside the school's scope the profile is not shown: only what proves uniqueness. */
      inScope: boolean;
      original: ProfileDraft | null;
      version: number | null;
      lrn: string | null;
      name: string;
    };

export interface DetailsContext {
  birthDate: string;
  birthDocumentOnFile: boolean;
  errorOf: (field: string) => string | undefined;
}

interface EnrollmentFlowProps<D> {
  /** A record already chosen (a pre-registered learner from the class list): its form opens at once. */
  learnerId?: string | null;
  /** The details of the enrollment (grade, dates…), kept by the flow so nothing typed is lost. */
  initialDetails: D;
  renderDetails: (details: D, onChange: (next: D) => void, context: DetailsContext) => ReactNode;
  /** The domain's checks of the details, run as the user types. */
  planErrors: (details: D, context: Omit<DetailsContext, 'errorOf'>) => FieldError[];
  toInput: (details: D, learnerId: string) => EnrollLearnerInput;
  onCancel: () => void;
  /** Fields the domain checks live (the ALS cut-off): shown before any attempt to save. */
  liveFields?: readonly string[];
  today: string;
  /** The dates the rules' words name (the enrollment, the year's calendar), from the details. */
  ruleDates?: (details: D) => RuleDates;
}

/**
 * Search first (SPEC §3), then the profile and the enrollment on one form, saved in order: the new
 * record (with the duplicate check), the profile update, then the enrollment, each step kept when a
 * later one fails so that trying again repeats nothing (the enrollment carries an idempotency key).
 */
export function EnrollmentFlow<D>({
  initialDetails,
  renderDetails,
  planErrors,
  toInput,
  onCancel,
  liveFields = [],
  today,
  ruleDates,
  learnerId: chosen = null,
}: EnrollmentFlowProps<D>) {
  const client = useApolloClient();
  const [step, setStep] = useState<'search' | 'loading' | 'form' | 'done'>('search');
  const [subject, setSubject] = useState<Subject>({ kind: 'new', createdId: null });
  const [draft, setDraft] = useState<ProfileDraft>(emptyProfile);
  const [details, setDetails] = useState<D>(initialDetails);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [result, setResult] = useState<EnrollmentResultFieldsFragment | null>(null);
  const key = useRef(newIdempotencyKey());
  const [createLearner, created] = useMutation(CreateLearnerMutation);
  const [updateLearner, updated] = useMutation(UpdateLearnerMutation);
  const [enrollLearner, enrolled] = useMutation(EnrollLearnerMutation);
  const busy = created.loading || updated.loading || enrolled.loading;

  const birthDocumentOnFile = Boolean(
    subject.kind === 'existing' && !subject.inScope ? false : draft.birthDocumentType,
  );
  const showProfile = subject.kind === 'new' || subject.inScope;
  const context = { birthDate: draft.birthDate, birthDocumentOnFile };
  const localErrors: FieldError[] = [
    ...(showProfile ? checkProfile(draft, today) : []),
    ...planErrors(details, context),
  ];
  const dates: RuleDates = { today, ...ruleDates?.(details) };
  const describe = (field: string, rule: string) => describeRule(field, rule, undefined, dates);
  const errorOf = (field: string) => {
    const server = failure.fields.find((f) => f.field === field);
    if (server) return describe(server.field, server.rule);
    const local = localErrors.find((e) => e.field === field);
    if (local && (attempted || (liveFields.includes(field) && local.code !== 'REQUIRED')))
      return describe(field, local.code);
    return undefined;
  };

  // An edit answers the last refusal: its messages would now speak of values no longer there.
  const editDraft = (next: ProfileDraft) => {
    setDraft(next);
    setFailure(noFailure);
  };
  const editDetails = (next: D) => {
    setDetails(next);
    setFailure(noFailure);
  };

  const opened = useRef(false);
  useEffect(() => {
    if (chosen && !opened.current) {
      opened.current = true;
      void openRecord(chosen);
    }
  });

  function reset() {
    setStep('search');
    setSubject({ kind: 'new', createdId: null });
    setDraft(emptyProfile);
    setDetails(initialDetails);
    setAttempted(false);
    setFailure(noFailure);
    setResult(null);
    key.current = newIdempotencyKey();
  }

  function preview(candidate: Candidate) {
    setFailure(noFailure);
    if (candidate.inScope) {
      void openRecord(candidate.learnerId);
      return;
    }
    setSubject({
      kind: 'existing',
      learnerId: candidate.learnerId,
      inScope: false,
      lrn: candidate.lrn ?? null,
      name: candidateName(candidate),
      original: null,
      version: null,
    });
    setDraft({ ...emptyProfile, birthDate: candidate.birthDate });
    setStep('form');
  }

  /** A record of the school's own: its whole profile, to view and update (guide step 3b). */
  async function openRecord(learnerId: string) {
    setStep('loading');
    try {
      const { data } = await client.query({
        query: LearnerProfileQuery,
        variables: { id: learnerId },
        fetchPolicy: 'network-only',
      });
      const learner = data?.learner;
      if (!learner) throw new Error('the record is no longer visible to your school');
      const original = toProfileDraft(learner);
      setSubject({
        kind: 'existing',
        learnerId: learner.id,
        inScope: true,
        lrn: learner.lrn ?? null,
        name: candidateName(learner),
        original,
        version: learner.version,
      });
      setDraft(original);
      setStep('form');
    } catch (error) {
      setFailure(toFormFailure(error));
      setStep('search');
    }
  }

  async function save(confirmNoDuplicate = false) {
    setAttempted(true);
    if (localErrors.length > 0) {
      setFailure({
        ...noFailure,
        general: `Check the form: ${localErrors.map((e) => describe(e.field, e.code)).join('; ')}.`,
      });
      return;
    }
    setFailure(noFailure);
    try {
      let learnerId: string;
      if (subject.kind === 'new') {
        learnerId = subject.createdId ?? '';
        if (!learnerId) {
          const { data } = await createLearner({
            variables: { input: toCreateInput(draft, confirmNoDuplicate) },
          });
          learnerId = data!.createLearner.id;
          setSubject({ kind: 'new', createdId: learnerId });
        }
      } else {
        learnerId = subject.learnerId;
        const changes =
          subject.inScope && subject.original ? toUpdateInput(draft, subject.original) : null;
        if (changes && subject.version !== null) {
          const { data } = await updateLearner({
            variables: { id: learnerId, version: subject.version, input: changes },
          });
          setSubject({ ...subject, original: draft, version: data!.updateLearner.version });
        }
      }
      const { data } = await enrollLearner({
        variables: { input: toInput(details, learnerId), key: key.current },
      });
      setResult(data!.enrollLearner);
      setStep('done');
      key.current = newIdempotencyKey();
    } catch (error) {
      setFailure(toFormFailure(error));
    }
  }

  // The ALS guide's step 5 shows "Enrolment Added"; the school screen says the same.
  if (step === 'done' && result)
    return <EnrollmentDone result={result} again={reset} againLabel="Enrol another learner" />;

  if (step === 'search' || step === 'loading') {
    return (
      <>
        <LearnerSearch
          onPreview={preview}
          onCreateNew={({ name, birthDate }) => {
            setSubject({ kind: 'new', createdId: null });
            setDraft(draftFromSearch(name, birthDate));
            setStep('form');
          }}
        />
        {step === 'loading' ? <p aria-busy="true">Opening the record…</p> : null}
        <FailureNotice failure={failure} onRetry={() => undefined} busy={busy} />
      </>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
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
        <ProfileFields draft={draft} onChange={editDraft} errorOf={errorOf} />
      )}
      {renderDetails(details, editDetails, { ...context, errorOf })}
      {failure.duplicates.length > 0 ? (
        <DuplicateWarning
          candidates={failure.duplicates}
          busy={busy}
          onConfirm={() => void save(true)}
        />
      ) : null}
      <FailureNotice failure={failure} onRetry={() => void save()} busy={busy} />
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

/** The confirmation of ALS guide step 5, with what the policy decided. */
export function EnrollmentDone({
  result,
  again,
  againLabel,
}: {
  result: EnrollmentResultFieldsFragment;
  again: () => void;
  againLabel: string;
}) {
  const e = result.enrollment;
  return (
    <section role="status" aria-labelledby="done-heading" className="enroll-done">
      <StepHeading id="done-heading">{result.message}</StepHeading>
      <dl className="enroll-facts">
        <dt>Status</dt>
        <dd>{statusLabel[e.status]}</dd>
        {result.lrn ? (
          <>
            <dt>LRN</dt>
            <dd>{result.lrn}</dd>
          </>
        ) : null}
        {e.firstAttendance ? (
          <>
            <dt>First date of attendance</dt>
            <dd>{e.firstAttendance}</dd>
          </>
        ) : null}
        {e.missingDocuments.length > 0 ? (
          <>
            <dt>Documents still due{e.documentsDueBy ? ` by ${e.documentsDueBy}` : ''}</dt>
            <dd>{e.missingDocuments.map((d) => documentLabel[d]).join(', ')}</dd>
          </>
        ) : null}
        {result.recommendation ? (
          <>
            <dt>Recommendation</dt>
            <dd>{result.recommendation}</dd>
          </>
        ) : null}
      </dl>
      <button type="button" onClick={again}>
        {againLabel}
      </button>
    </section>
  );
}
