import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FieldError } from '@repo/domain/learner-profile';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type EnrollmentDetailsInput,
  type EnrollmentResultFieldsFragment,
} from '../../gql/graphql.js';
import { useViewer } from '../auth/useViewer.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { describeRule, type RuleDates } from './enrollment-labels.js';
import {
  EnrollLearnerMutation,
  EnrollNewLearnerMutation,
  LearnerProfileQuery,
  UpdateLearnerMutation,
} from './enrollment.queries.js';
import { storedFlow, type Subject, useFlowDraft } from './flow-draft.js';
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
import { useStepParam } from './useStepParam.js';

export type { Subject } from './flow-draft.js';

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
  /** The enrolment's part of the form as the API takes it; the flow adds the learner. */
  toInput: (details: D) => EnrollmentDetailsInput;
  /** Where the screen starts again once the form is discarded. */
  onCancel: () => void;
  /** Fields the domain checks live (the ALS cut-off): shown before any attempt to save. */
  liveFields?: readonly string[];
  today: string;
  /** The dates the rules' words name (the enrollment, the year's calendar), from the details. */
  ruleDates?: (details: D) => RuleDates;
  /** The screen the form's draft is kept under, beside the account (one draft per screen). */
  draftScreen: string;
}

/** The steps of the flow, each at its own address (`?step=`): an unknown one is the search. */
export type FlowStep = 'search' | 'form' | 'done';

/**
 * The flow's state: the record, what is typed, the last refusal and the answer, restored from
 * the tab's draft after a reload.
 */
function useFlowState<D>(props: EnrollmentFlowProps<D>, account: string | null) {
  const [kept] = useState(() => storedFlow<D>(account, props.draftScreen));
  const [subject, setSubject] = useState<Subject | null>(kept?.subject ?? null);
  const [draft, setDraft] = useState<ProfileDraft>(kept?.draft ?? emptyProfile);
  const [details, setDetails] = useState<D>(kept?.details ?? props.initialDetails);
  const [edited, setEdited] = useState(kept?.edited ?? false);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  /** Counts the refusals, so that each one moves the focus to its first error. */
  const [refusals, setRefusals] = useState(0);
  const [result, setResult] = useState<EnrollmentResultFieldsFragment | null>(null);
  const [opening, setOpening] = useState(false);
  const key = useRef(kept?.key ?? newIdempotencyKey());

  function refuse(next: FormFailure) {
    setFailure(next);
    setRefusals((n) => n + 1);
  }

  /** Nothing chosen or typed; the last answer stays, for Back to its confirmation. */
  function reset() {
    setSubject(null);
    setDraft(emptyProfile);
    setDetails(props.initialDetails);
    setEdited(false);
    setAttempted(false);
    setFailure(noFailure);
    key.current = newIdempotencyKey();
  }

  return {
    subject,
    setSubject,
    draft,
    setDraft,
    details,
    setDetails,
    edited,
    setEdited,
    attempted,
    setAttempted,
    failure,
    setFailure,
    refusals,
    refuse,
    result,
    setResult,
    opening,
    setOpening,
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
  const outside = subject?.kind === 'existing' && !subject.inScope;
  const birthDocumentOnFile = Boolean(outside ? false : draft.birthDocumentType);
  const context = { birthDate: draft.birthDate, birthDocumentOnFile };
  const localErrors: FieldError[] = [
    ...(outside ? [] : checkProfile(draft, today)),
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
  return { context, localErrors, dates, describe, errorOf };
}

/**
 * The search's outcome: a record of the school's own opens whole, to view and update (guide step
 * 3b); another school's shows only what proves uniqueness; none makes a new record (3a).
 */
function useRecordChoice<D>(
  state: FlowState<D>,
  chosen: string | null,
  go: ReturnType<typeof useStepParam>[1],
) {
  const client = useApolloClient();
  const { setSubject, setDraft, setFailure, setOpening, setEdited } = state;

  async function openRecord(learnerId: string, replace = false) {
    setOpening(true);
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
      setEdited(false);
      go('form', { replace });
    } catch (error) {
      setFailure(toFormFailure(error));
    } finally {
      setOpening(false);
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
    setEdited(false);
    go('form');
  }

  function createNew({ name, birthDate }: { name: string; birthDate: string }) {
    setFailure(noFailure);
    setSubject({ kind: 'new' });
    setDraft(draftFromSearch(name, birthDate));
    setEdited(false);
    go('form');
  }

  // A record chosen before the screen opened; not when the tab's draft of it was restored.
  const opened = useRef(false);
  useEffect(() => {
    if (chosen && !opened.current && !state.subject) {
      opened.current = true;
      void openRecord(chosen, true);
    }
  });

  return { preview, createNew };
}

/**
 * Saving: a new learner's record and its enrollment as one act (enrollNewLearner: both saved or
 * neither, issue 21); a record on file has its changes saved, then its enrollment. A refusal
 * saves nothing of the enrollment and moves the focus to its first error.
 */
function useSaveEnrollment<D>(
  state: FlowState<D>,
  checks: ReturnType<typeof checkFlow<D>>,
  toInput: EnrollmentFlowProps<D>['toInput'],
  finish: (result: EnrollmentResultFieldsFragment) => void,
) {
  const [enrollNewLearner, made] = useMutation(EnrollNewLearnerMutation);
  const [updateLearner, updated] = useMutation(UpdateLearnerMutation);
  const [enrollLearner, enrolled] = useMutation(EnrollLearnerMutation);
  const busy = made.loading || updated.loading || enrolled.loading;
  const { draft, key } = state;

  async function enrollOnRecord(
    subject: Extract<Subject, { kind: 'existing' }>,
    enrollment: EnrollmentDetailsInput,
  ) {
    const changes =
      subject.inScope && subject.original ? toUpdateInput(draft, subject.original) : null;
    if (changes && subject.version !== null) {
      const { data } = await updateLearner({
        variables: { id: subject.learnerId, version: subject.version, input: changes },
      });
      state.setSubject({ ...subject, original: draft, version: data!.updateLearner.version });
    }
    const { data } = await enrollLearner({
      variables: { input: { ...enrollment, learnerId: subject.learnerId }, key: key.current },
    });
    return data!.enrollLearner;
  }

  async function save(confirmNoDuplicate = false) {
    const { subject } = state;
    if (!subject) return;
    state.setAttempted(true);
    if (checks.localErrors.length > 0) {
      const problems = checks.localErrors.map((e) => checks.describe(e.field, e.code));
      state.refuse({ ...noFailure, general: `Check the form: ${problems.join('; ')}.` });
      return;
    }
    state.setFailure(noFailure);
    try {
      const enrollment = toInput(state.details);
      if (subject.kind === 'existing') {
        finish(await enrollOnRecord(subject, enrollment));
        return;
      }
      const learner = toCreateInput(draft, confirmNoDuplicate);
      const { data } = await enrollNewLearner({
        variables: { input: { learner, enrollment }, key: key.current },
      });
      finish(data!.enrollNewLearner);
    } catch (error) {
      state.refuse(toFormFailure(error, checks.dates));
    }
  }

  return { save, busy };
}

/** Everything the flow's screens show and do, from the search to the confirmation. */
export function useEnrollmentFlow<D>(props: EnrollmentFlowProps<D>) {
  const account = useViewer().viewer?.username ?? null;
  const state = useFlowState(props, account);
  const [param, go] = useStepParam();
  const wanted: FlowStep = param === 'form' || param === 'done' ? param : 'search';
  // A step with nothing to show (the form after it was saved, an address typed) is the search.
  const shown = (wanted === 'form' && state.subject) || (wanted === 'done' && state.result);
  const step: FlowStep = shown ? wanted : 'search';
  // On opening only: later, the flow's own moves set the address.
  useEffect(() => {
    if (step !== wanted) go('search', { replace: true });
  }, []);

  const saved = useFlowDraft(account, props.draftScreen, {
    ...state,
    key: state.key.current,
    open: step === 'form',
  });
  const checks = checkFlow(state, props);
  const choice = useRecordChoice(state, props.learnerId ?? null, go);
  const saving = useSaveEnrollment(state, checks, props.toInput, (result) => {
    saved.forget();
    state.setEdited(false);
    state.setResult(result);
    state.key.current = newIdempotencyKey();
    go('done', { replace: true });
  });

  // An edit answers the last refusal: its messages would now speak of values no longer there.
  const edit =
    <T>(set: (next: T) => void) =>
    (next: T) => {
      set(next);
      state.setEdited(true);
      state.setFailure(noFailure);
    };
  return {
    ...{ ...state, ...checks, ...choice, ...saving, step, dirty: saved.dirty },
    editDraft: edit(state.setDraft),
    editDetails: edit(state.setDetails),
    /** Another learner after the confirmation: the search again. */
    again: () => {
      state.reset();
      go('search');
    },
    /** The form thrown away, its draft with it; the screen starts again. */
    discard: () => {
      saved.forget();
      state.reset();
      props.onCancel();
    },
    /** Back to the form the tab kept, from the search. */
    resume: () => go('form'),
  };
}
export type EnrollmentFlowState<D> = ReturnType<typeof useEnrollmentFlow<D>>;
