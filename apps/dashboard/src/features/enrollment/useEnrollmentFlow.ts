import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FieldError } from '@repo/domain/learner-profile';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type EnrollLearnerInput, type EnrollmentResultFieldsFragment } from '../../gql/graphql.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { describeRule, type RuleDates } from './enrollment-labels.js';
import {
  CreateLearnerMutation,
  EnrollLearnerMutation,
  LearnerProfileQuery,
  UpdateLearnerMutation,
} from './enrollment.queries.js';
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
import { type Candidate, candidateName } from './LearnerSearch.js';

/** Which record the enrollment is for: a new one (3a) or one found and previewed (3b). */
export type Subject =
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

export interface EnrollmentFlowProps<D> {
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

/** The flow's state: its step, the record, what is typed, the last refusal and the answer. */
function useFlowState<D>(initialDetails: D) {
  const [step, setStep] = useState<'search' | 'loading' | 'form' | 'done'>('search');
  const [subject, setSubject] = useState<Subject>({ kind: 'new', createdId: null });
  const [draft, setDraft] = useState<ProfileDraft>(emptyProfile);
  const [details, setDetails] = useState<D>(initialDetails);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [result, setResult] = useState<EnrollmentResultFieldsFragment | null>(null);
  const key = useRef(newIdempotencyKey());

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

  return {
    step,
    setStep,
    subject,
    setSubject,
    draft,
    setDraft,
    details,
    setDetails,
    attempted,
    setAttempted,
    failure,
    setFailure,
    result,
    setResult,
    key,
    reset,
  };
}
type FlowState<D> = ReturnType<typeof useFlowState<D>>;

/**
 * The domain's checks as the user types, and each field's error in words: the server's refusal
 * first; a local one once saving was attempted, or at once for the live fields.
 */
function checkFlow<D>(state: FlowState<D>, props: EnrollmentFlowProps<D>) {
  const { subject, draft, details, failure, attempted } = state;
  const { today, planErrors, ruleDates, liveFields = [] } = props;
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
  return { context, localErrors, describe, errorOf };
}

/**
 * The search's outcome: a record of the school's own opens whole, to view and update (guide step
 * 3b); another school's shows only what proves uniqueness; none makes a new record (3a).
 */
function useRecordChoice<D>(state: FlowState<D>, chosen: string | null) {
  const client = useApolloClient();
  const { setStep, setSubject, setDraft, setFailure } = state;

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

  function createNew({ name, birthDate }: { name: string; birthDate: string }) {
    setSubject({ kind: 'new', createdId: null });
    setDraft(draftFromSearch(name, birthDate));
    setStep('form');
  }

  const opened = useRef(false);
  useEffect(() => {
    if (chosen && !opened.current) {
      opened.current = true;
      void openRecord(chosen);
    }
  });

  return { preview, createNew };
}

/**
 * Saving in order: the new record (with the duplicate check) or the profile update, then the
 * enrollment; each step is kept when a later one fails, so trying again repeats nothing.
 */
function useSaveEnrollment<D>(
  state: FlowState<D>,
  checks: ReturnType<typeof checkFlow<D>>,
  toInput: EnrollmentFlowProps<D>['toInput'],
) {
  const [createLearner, created] = useMutation(CreateLearnerMutation);
  const [updateLearner, updated] = useMutation(UpdateLearnerMutation);
  const [enrollLearner, enrolled] = useMutation(EnrollLearnerMutation);
  const busy = created.loading || updated.loading || enrolled.loading;
  const { subject, setSubject, draft, details, key } = state;

  /** The learner's id: the new record, made once, or the one found, its changes saved. */
  async function saveLearner(confirmNoDuplicate: boolean): Promise<string> {
    if (subject.kind === 'new') {
      if (subject.createdId) return subject.createdId;
      const { data } = await createLearner({
        variables: { input: toCreateInput(draft, confirmNoDuplicate) },
      });
      const learnerId = data!.createLearner.id;
      setSubject({ kind: 'new', createdId: learnerId });
      return learnerId;
    }
    const changes =
      subject.inScope && subject.original ? toUpdateInput(draft, subject.original) : null;
    if (changes && subject.version !== null) {
      const { data } = await updateLearner({
        variables: { id: subject.learnerId, version: subject.version, input: changes },
      });
      setSubject({ ...subject, original: draft, version: data!.updateLearner.version });
    }
    return subject.learnerId;
  }

  async function save(confirmNoDuplicate = false) {
    state.setAttempted(true);
    if (checks.localErrors.length > 0) {
      const problems = checks.localErrors.map((e) => checks.describe(e.field, e.code));
      state.setFailure({ ...noFailure, general: `Check the form: ${problems.join('; ')}.` });
      return;
    }
    state.setFailure(noFailure);
    try {
      const learnerId = await saveLearner(confirmNoDuplicate);
      const { data } = await enrollLearner({
        variables: { input: toInput(details, learnerId), key: key.current },
      });
      state.setResult(data!.enrollLearner);
      state.setStep('done');
      key.current = newIdempotencyKey();
    } catch (error) {
      state.setFailure(toFormFailure(error));
    }
  }

  return { save, busy };
}

/** Everything the flow's screens show and do, from the search to the confirmation. */
export function useEnrollmentFlow<D>(props: EnrollmentFlowProps<D>) {
  const state = useFlowState(props.initialDetails);
  const checks = checkFlow(state, props);
  const choice = useRecordChoice(state, props.learnerId ?? null);
  const saving = useSaveEnrollment(state, checks, props.toInput);

  // An edit answers the last refusal: its messages would now speak of values no longer there.
  const editDraft = (next: ProfileDraft) => {
    state.setDraft(next);
    state.setFailure(noFailure);
  };
  const editDetails = (next: D) => {
    state.setDetails(next);
    state.setFailure(noFailure);
  };

  return { ...state, ...checks, ...choice, ...saving, editDraft, editDetails };
}
export type EnrollmentFlowState<D> = ReturnType<typeof useEnrollmentFlow<D>>;
