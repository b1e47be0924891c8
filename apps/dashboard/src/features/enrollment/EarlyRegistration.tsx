import { useMutation, useQuery } from '@apollo/client/react';
import { checkPreRegistration, type SchoolOffering } from '@repo/domain/enrollment';
import { OutOfSchoolCircumstance } from '@repo/domain/early-registration';
import { type GradeLevel, LearnerCategory, type Strand } from '@repo/domain/enums';
import { policyDates, type SchoolCalendar } from '@repo/domain/school-year';
import { QueryState } from '@repo/ui/QueryState';
import { type FormEvent, useRef, useState } from 'react';
import { circumstanceLabel, gradeLabel, gradeOrder } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { dayLabel, describeRule, strandOptions } from './enrollment-labels.js';
import {
  ClassListQuery,
  PreRegisterMutation,
  PreRegistrationsByDayQuery,
} from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { FailureNotice } from './FailureNotice.js';
import { CheckboxList, DateField, SelectField } from './inputs.js';
import { type FormFailure, noFailure, toFormFailure } from './form-errors.js';
import {
  checkProfile,
  draftFromSearch,
  emptyProfile,
  type ProfileDraft,
  toCreateInput,
} from './learner-profile-form.js';
import { type Candidate, candidateName, LearnerSearch } from './LearnerSearch.js';
import { ProfileFields } from './ProfileFields.js';
import { TableFrame } from '@repo/ui/TableFrame';
import { formatCount } from '@repo/ui/format';

const circumstances = Object.values(OutOfSchoolCircumstance);
const registrationCategoryLabel: Partial<Record<LearnerCategory, string>> = {
  OSC: 'An out-of-school child (6-14)',
  OSY: 'An out-of-school youth (15-24)',
  BALIK_ARAL: 'Balik-Aral',
};

type Who = { kind: 'search' } | { kind: 'new' } | { kind: 'existing'; candidate: Candidate };

interface EarlyProps {
  schoolId: string;
  schoolYear: string;
  calendar: SchoolCalendar;
  school: SchoolOffering;
  today: string;
}

/**
 * Early registration (SPEC §4.2, §V.A): incoming Kindergarten, Grades 1, 7 and 11, and out-of-school
 * children and youth with their circumstances; pre-registered, no LRN until the first attendance.
 * A learner with a record is found first; one without fills in the Basic Education Enrollment Form.
 */
export function EarlyRegistration(props: EarlyProps) {
  const { schoolId, schoolYear, calendar } = props;
  const { days, list } = useRegistrationLists(schoolId, schoolYear);
  const form = useEarlyRegistration(props, () => {
    void days.refetch();
    void list.refetch();
  });
  const dates = policyDates(calendar);
  const { who, notice, registeredOn } = form;

  return (
    <section aria-labelledby="early-heading">
      <h2 id="early-heading">Early registration, SY {schoolYear}</h2>
      <p>
        Window: {dayLabel(dates.earlyRegistrationStart)} to {dayLabel(dates.earlyRegistrationEnd)}.
        Learners continuing into Grades 2-6, 8-10 and 12 count as pre-registered without
        registering.
      </p>
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      {who.kind === 'search' ? (
        <LearnerSearch
          onPreview={(candidate) => form.setWho({ kind: 'existing', candidate })}
          onCreateNew={({ name, birthDate }) => {
            form.setDraft(draftFromSearch(name, birthDate));
            form.setWho({ kind: 'new' });
          }}
        />
      ) : (
        <EarlyRegistrationForm form={form} who={who} />
      )}
      <RegistrationsOfDay days={days} registeredOn={registeredOn} />
      <PreRegisteredLearners list={list} />
    </section>
  );
}

/** The day's registrations and the year's pre-registered learners, refetched after each one. */
function useRegistrationLists(schoolId: string, schoolYear: string) {
  const days = useQuery(PreRegistrationsByDayQuery, { variables: { schoolId, schoolYear } });
  const list = useQuery(ClassListQuery, {
    variables: {
      schoolId,
      schoolYear,
      filter: { status: 'PRE_REGISTERED', limit: 100, offset: 0 },
    },
  });
  return { days, list };
}
type Lists = ReturnType<typeof useRegistrationLists>;

/** What the form holds: the learner and the registration's grade, day and categories. */
function useRegistrationValues(calendar: SchoolCalendar, today: string) {
  const [who, setWho] = useState<Who>({ kind: 'search' });
  const [draft, setDraft] = useState<ProfileDraft>(emptyProfile);
  const [gradeLevel, setGrade] = useState<GradeLevel | ''>('');
  const [strand, setStrand] = useState<Strand | ''>('');
  const [categories, setCategories] = useState<LearnerCategory[]>([]);
  const [chosen, setChosen] = useState<OutOfSchoolCircumstance[]>([]);
  // Within the window and not after today: a day's paper forms may be encoded after it closed.
  const [registeredOn, setRegisteredOn] = useState(
    () => defaultDates(calendar, today).registeredOn,
  );
  const outOfSchool = categories.includes('OSC') || categories.includes('OSY');
  return {
    who,
    setWho,
    draft,
    setDraft,
    gradeLevel,
    setGrade,
    strand,
    setStrand,
    categories,
    setCategories,
    chosen,
    setChosen,
    registeredOn,
    setRegisteredOn,
    outOfSchool,
  };
}
type Values = ReturnType<typeof useRegistrationValues>;

/** The API's `preRegister` input: the learner found, or a new record from the form. */
function toPreRegisterInput(v: Values, who: Exclude<Who, { kind: 'search' }>, schoolYear: string) {
  return {
    schoolYear,
    gradeLevel: v.gradeLevel as GradeLevel,
    strand: v.strand || null,
    categories: v.categories,
    circumstances: v.outOfSchool ? v.chosen : [],
    registeredOn: v.registeredOn,
    ...(who.kind === 'new'
      ? { learner: toCreateInput(v.draft, false) }
      : { learnerId: who.candidate.learnerId }),
  };
}

/** The form's values, the domain's checks as they are typed, and the registration sent. */
function useEarlyRegistration(
  { schoolYear, calendar, school, today }: EarlyProps,
  onRegistered: () => void,
) {
  const values = useRegistrationValues(calendar, today);
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const [preRegister, registering] = useMutation(PreRegisterMutation);

  const errors = [
    ...(values.who.kind === 'new' ? checkProfile(values.draft, today) : []),
    ...registrationErrors(values, { calendar, school, today }),
  ];
  const describe = (field: string, rule: string) =>
    describeRule(field, rule, undefined, { today, calendar });
  const errorOf = (field: string) => {
    const server = failure.fields.find((f) => f.field === field);
    if (server) return describe(server.field, server.rule);
    const local = errors.find((e) => e.field === field);
    return local && (attempted || (local.code !== 'REQUIRED' && field !== 'lastName'))
      ? describe(field, local.code)
      : undefined;
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setAttempted(true);
    const { who } = values;
    if (who.kind === 'search') return;
    if (errors.length > 0) {
      setFailure({
        ...noFailure,
        general: `Check the form: ${errors.map((e) => describe(e.field, e.code)).join('; ')}.`,
      });
      return;
    }
    setFailure(noFailure);
    try {
      const { data } = await preRegister({
        variables: { key: key.current, input: toPreRegisterInput(values, who, schoolYear) },
      });
      key.current = newIdempotencyKey();
      setNotice(
        `${data!.preRegister.message}: pre-registered for ${gradeLabel[values.gradeLevel as GradeLevel]}.`,
      );
      values.setWho({ kind: 'search' });
      values.setDraft(emptyProfile);
      setAttempted(false);
      onRegistered();
    } catch (error) {
      setFailure(toFormFailure(error));
    }
  }

  return { ...values, failure, notice, errorOf, submit, registering: registering.loading };
}
type EarlyForm = ReturnType<typeof useEarlyRegistration>;

/** `checkPreRegistration` on the form (§V.A), once a grade is chosen. */
function registrationErrors(
  values: Values,
  { calendar, school, today }: Pick<EarlyProps, 'calendar' | 'school' | 'today'>,
) {
  const { gradeLevel, strand, categories, chosen, registeredOn } = values;
  return gradeLevel
    ? checkPreRegistration(
        {
          calendar,
          school,
          gradeLevel,
          strand: strand || null,
          categories,
          circumstances: chosen,
          registeredOn,
          today,
        },
        circumstances,
      )
    : [{ field: 'gradeLevel', code: 'REQUIRED' }];
}

/** The learner (the Enrollment Form for a new one) and the registration: grade, day, categories. */
function EarlyRegistrationForm({
  form,
  who,
}: {
  form: EarlyForm;
  who: Exclude<Who, { kind: 'search' }>;
}) {
  return (
    <form
      onSubmit={(e) => void form.submit(e)}
      className="enroll-form"
      noValidate
      aria-label="Early registration form"
    >
      <h3>
        {who.kind === 'new'
          ? 'Basic Education Enrollment Form'
          : `Learner: ${candidateName(who.candidate)}`}
      </h3>
      {who.kind === 'new' ? (
        <ProfileFields draft={form.draft} onChange={form.setDraft} errorOf={form.errorOf} />
      ) : null}
      <RegistrationFields form={form} />
      <FailureNotice
        failure={form.failure}
        busy={form.registering}
        onRetry={() => void form.submit()}
      />
      <div className="enroll-actions">
        <button type="submit" disabled={form.registering}>
          {form.registering ? 'Saving…' : 'Register'}
        </button>
        <button
          type="button"
          className="enroll-secondary"
          onClick={() => form.setWho({ kind: 'search' })}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function RegistrationFields({ form }: { form: EarlyForm }) {
  const { errorOf } = form;
  return (
    <fieldset className="enroll-fieldset">
      <legend>Registration</legend>
      <SelectField
        label="Grade level"
        value={form.gradeLevel}
        onChange={form.setGrade}
        options={gradeOrder.map((g) => [g, gradeLabel[g]] as const)}
        error={errorOf('gradeLevel')}
      />
      {form.gradeLevel === 'GRADE_11' ? (
        <SelectField
          label="Strand"
          value={form.strand}
          onChange={form.setStrand}
          options={strandOptions}
          error={errorOf('strand')}
        />
      ) : null}
      <DateField
        label="Date of registration"
        value={form.registeredOn}
        onChange={form.setRegisteredOn}
        error={errorOf('registeredOn')}
      />
      <CheckboxList
        nested
        legend="The learner is"
        values={[LearnerCategory.OSC, LearnerCategory.OSY, LearnerCategory.BALIK_ARAL]}
        selected={form.categories}
        onChange={form.setCategories}
        labelOf={(c) => registrationCategoryLabel[c]}
      />
      {form.outOfSchool ? (
        <CheckboxList
          nested
          legend="Circumstances (§V.A)"
          values={circumstances}
          selected={form.chosen}
          onChange={form.setChosen}
          labelOf={(c) => circumstanceLabel[c]}
          error={errorOf('circumstances')}
        />
      ) : null}
    </fieldset>
  );
}

/** The day's count; it follows the registration date, so a day's paper forms can be encoded later. */
function RegistrationsOfDay({ days, registeredOn }: { days: Lists['days']; registeredOn: string }) {
  const ofDay = days.data?.preRegistrationsByDay.filter((d) => d.date === registeredOn) ?? [];
  return (
    <>
      <h3>Registrations on {registeredOn}</h3>
      <QueryState
        loading={days.loading}
        error={days.error}
        onRetry={() => void days.refetch()}
        what="registrations"
      />
      {days.data ? (
        <p>
          {ofDay.reduce((n, d) => n + d.registrations, 0)} registered that day, of them{' '}
          {ofDay.reduce((n, d) => n + d.outOfSchoolChildren, 0)} out-of-school children and{' '}
          {ofDay.reduce((n, d) => n + d.outOfSchoolYouth, 0)} out-of-school youth.
        </p>
      ) : null}
    </>
  );
}

function PreRegisteredLearners({ list }: { list: Lists['list'] }) {
  return (
    <>
      <QueryState
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.refetch()}
        what="pre-registered learners"
      />
      {list.data ? (
        <TableFrame label="Pre-registered learners">
          <table className="data-table">
            <caption>Pre-registered learners ({formatCount(list.data.classList.total)})</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Birth date</th>
                <th scope="col">Grade</th>
                <th scope="col">Categories</th>
              </tr>
            </thead>
            <tbody>
              {list.data.classList.rows.map((r) => (
                <tr key={r.enrollmentId}>
                  <th scope="row">
                    {r.lastName}, {r.firstName}
                  </th>
                  <td>{r.birthDate}</td>
                  <td>{gradeLabel[r.gradeLevel]}</td>
                  <td>{r.categories.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
    </>
  );
}
