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

const circumstances = Object.values(OutOfSchoolCircumstance);
const registrationCategoryLabel: Partial<Record<LearnerCategory, string>> = {
  OSC: 'An out-of-school child (6-14)',
  OSY: 'An out-of-school youth (15-24)',
  BALIK_ARAL: 'Balik-Aral',
};

/**
 * Early registration (SPEC §4.2, §V.A): incoming Kindergarten, Grades 1, 7 and 11, and out-of-school
 * children and youth with their circumstances; pre-registered, no LRN until the first attendance.
 * A learner with a record is found first; one without fills in the Basic Education Enrollment Form.
 */
export function EarlyRegistration({
  schoolId,
  schoolYear,
  calendar,
  school,
  today,
}: {
  schoolId: string;
  schoolYear: string;
  calendar: SchoolCalendar;
  school: SchoolOffering;
  today: string;
}) {
  const [who, setWho] = useState<
    { kind: 'search' } | { kind: 'new' } | { kind: 'existing'; candidate: Candidate }
  >({ kind: 'search' });
  const [draft, setDraft] = useState<ProfileDraft>(emptyProfile);
  const [gradeLevel, setGrade] = useState<GradeLevel | ''>('');
  const [strand, setStrand] = useState<Strand | ''>('');
  const [categories, setCategories] = useState<LearnerCategory[]>([]);
  const [chosen, setChosen] = useState<OutOfSchoolCircumstance[]>([]);
  // Within the window and not after today: a day's paper forms may be encoded after it closed.
  const [registeredOn, setRegisteredOn] = useState(
    () => defaultDates(calendar, today).registeredOn,
  );
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const [preRegister, registering] = useMutation(PreRegisterMutation);
  const days = useQuery(PreRegistrationsByDayQuery, { variables: { schoolId, schoolYear } });
  const list = useQuery(ClassListQuery, {
    variables: {
      schoolId,
      schoolYear,
      filter: { status: 'PRE_REGISTERED', limit: 100, offset: 0 },
    },
  });

  const dates = policyDates(calendar);
  const outOfSchool = categories.includes('OSC') || categories.includes('OSY');
  const errors = [
    ...(who.kind === 'new' ? checkProfile(draft, today) : []),
    ...(gradeLevel
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
      : [{ field: 'gradeLevel', code: 'REQUIRED' }]),
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
        variables: {
          key: key.current,
          input: {
            schoolYear,
            gradeLevel: gradeLevel as GradeLevel,
            strand: strand || null,
            categories,
            circumstances: outOfSchool ? chosen : [],
            registeredOn,
            ...(who.kind === 'new'
              ? { learner: toCreateInput(draft, false) }
              : { learnerId: who.candidate.learnerId }),
          },
        },
      });
      key.current = newIdempotencyKey();
      setNotice(
        `${data!.preRegister.message}: pre-registered for ${gradeLabel[gradeLevel as GradeLevel]}.`,
      );
      setWho({ kind: 'search' });
      setDraft(emptyProfile);
      setAttempted(false);
      void days.refetch();
      void list.refetch();
    } catch (error) {
      setFailure(toFormFailure(error));
    }
  }

  // The day's list follows the registration date, so a day's paper forms can be encoded later.
  const ofDay = days.data?.preRegistrationsByDay.filter((d) => d.date === registeredOn) ?? [];
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
          onPreview={(candidate) => setWho({ kind: 'existing', candidate })}
          onCreateNew={({ name, birthDate }) => {
            setDraft(draftFromSearch(name, birthDate));
            setWho({ kind: 'new' });
          }}
        />
      ) : (
        <form
          onSubmit={(e) => void submit(e)}
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
            <ProfileFields draft={draft} onChange={setDraft} errorOf={errorOf} />
          ) : null}
          <fieldset className="enroll-fieldset">
            <legend>Registration</legend>
            <SelectField
              label="Grade level"
              value={gradeLevel}
              onChange={setGrade}
              options={gradeOrder.map((g) => [g, gradeLabel[g]] as const)}
              error={errorOf('gradeLevel')}
            />
            {gradeLevel === 'GRADE_11' ? (
              <SelectField
                label="Strand"
                value={strand}
                onChange={setStrand}
                options={strandOptions}
                error={errorOf('strand')}
              />
            ) : null}
            <DateField
              label="Date of registration"
              value={registeredOn}
              onChange={setRegisteredOn}
              error={errorOf('registeredOn')}
            />
            <CheckboxList
              nested
              legend="The learner is"
              values={[LearnerCategory.OSC, LearnerCategory.OSY, LearnerCategory.BALIK_ARAL]}
              selected={categories}
              onChange={setCategories}
              labelOf={(c) => registrationCategoryLabel[c]}
            />
            {outOfSchool ? (
              <CheckboxList
                nested
                legend="Circumstances (§V.A)"
                values={circumstances}
                selected={chosen}
                onChange={setChosen}
                labelOf={(c) => circumstanceLabel[c]}
                error={errorOf('circumstances')}
              />
            ) : null}
          </fieldset>
          <FailureNotice
            failure={failure}
            busy={registering.loading}
            onRetry={() => void submit()}
          />
          <div className="enroll-actions">
            <button type="submit" disabled={registering.loading}>
              {registering.loading ? 'Saving…' : 'Register'}
            </button>
            <button
              type="button"
              className="enroll-secondary"
              onClick={() => setWho({ kind: 'search' })}
            >
              Cancel
            </button>
          </div>
        </form>
      )}

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
      <QueryState
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.refetch()}
        what="pre-registered learners"
      />
      {list.data ? (
        <table className="data-table">
          <caption>Pre-registered learners ({list.data.classList.total})</caption>
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
      ) : null}
    </section>
  );
}
