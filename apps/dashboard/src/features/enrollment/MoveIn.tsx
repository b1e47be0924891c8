import { useMutation } from '@apollo/client/react';
import { isAlsProgram } from '@repo/domain/enrollment';
import {
  type DocumentType,
  type EnrollmentStatus,
  type GradeLevel,
  type Strand,
} from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { type FormEvent, useRef, useState } from 'react';
import { gradeLabel, gradeOrder, statusLabel } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { describeRule, documentLabel, strandOptions } from './enrollment-labels.js';
import { MoveLearnerMutation } from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { FailureNotice } from './FailureNotice.js';
import { CheckboxList, DateField, SelectField } from './inputs.js';
import { type FormFailure, noFailure, problemOf, toFormFailure } from './form-errors.js';
import { type Candidate, candidateName, LearnerSearch } from './LearnerSearch.js';
import {
  noPapers,
  proofFor,
  TransferProofFields,
  type TransferPapers,
} from './TransferProofFields.js';

const moveDocuments: DocumentType[] = ['SF9', 'REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'];

interface MoveInProps {
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
}

/**
 * A learner moving in during the year (§V.E): found in the registry, then the grade, the day and the
 * documents brought; the origin's enrollment becomes moved out. Without the SF9 the learner is
 * temporarily enrolled and needs the Affidavit of Undertaking.
 */
export function MoveIn(props: MoveInProps) {
  const form = useMoveIn(props);
  const { learner, notice } = form;
  return (
    <section aria-labelledby="move-heading">
      <h2 id="move-heading">Move in, SY {props.schoolYear}</h2>
      <p>
        To move a learner out, the receiving school records the move in; to transfer to ALS or drop
        out, use the class list.
      </p>
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      {!learner ? (
        <LearnerSearch
          onPreview={form.setLearner}
          onCreateNew={() =>
            form.setNotice('A learner moving in already has a record: search again by LRN.')
          }
        />
      ) : (
        <MoveInForm form={form} learner={learner} />
      )}
    </section>
  );
}

/** The learner found, the grade, day and documents, and the move sent with an idempotency key. */
function useMoveIn({ schoolYear, calendar, today }: MoveInProps) {
  const [learner, setLearner] = useState<Candidate | null>(null);
  const [gradeLevel, setGrade] = useState<GradeLevel | ''>('');
  const [strand, setStrand] = useState<Strand | ''>('');
  // A day of classes: the learner attends from it (and it is the enrollment's first attendance).
  const [moveDate, setMoveDate] = useState(() => defaultDates(calendar, today).classDay);
  const [documents, setDocuments] = useState<DocumentType[]>([]);
  const [papers, setPapers] = useState<TransferPapers>(noPapers);
  const [failure, setFailure] = useState<FormFailure>(noFailure);
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());
  const [move, moving] = useMutation(MoveLearnerMutation);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!learner) return;
    if (!gradeLevel) {
      setFailure({
        ...noFailure,
        fields: [
          {
            field: 'gradeLevel',
            rule: 'REQUIRED',
            message: describeRule('gradeLevel', 'REQUIRED'),
          },
        ],
      });
      return;
    }
    setFailure(noFailure);
    try {
      const { data } = await move({
        variables: {
          key: key.current,
          input: {
            learnerId: learner.learnerId,
            schoolYear,
            gradeLevel,
            strand: strand || null,
            moveDate,
            documents,
            proof: proofFor(learner, papers),
          },
        },
      });
      key.current = newIdempotencyKey();
      setNotice(movedInNotice(learner, data!.moveLearner.enrollment));
      setLearner(null);
      setDocuments([]);
      setPapers(noPapers);
    } catch (error) {
      setFailure(toFormFailure(error, { today, calendar }));
    }
  }

  return {
    learner,
    setLearner,
    gradeLevel,
    setGrade,
    strand,
    setStrand,
    moveDate,
    setMoveDate,
    documents,
    setDocuments,
    papers,
    setPapers,
    failure,
    notice,
    setNotice,
    submit,
    moving: moving.loading,
  };
}

/** "<name> moved in: <status>[, transferred in][; due: <documents>]." */
function movedInNotice(
  learner: Candidate,
  e: { status: EnrollmentStatus; transferredIn: boolean; missingDocuments: DocumentType[] },
): string {
  return `${candidateName(learner)} moved in: ${statusLabel[e.status]}${e.transferredIn ? ', transferred in' : ''}${
    e.missingDocuments.length > 0
      ? `; due: ${e.missingDocuments.map((d) => documentLabel[d]).join(', ')}`
      : ''
  }.`;
}

function MoveInForm({ form, learner }: { form: ReturnType<typeof useMoveIn>; learner: Candidate }) {
  const { failure, gradeLevel } = form;
  return (
    <form onSubmit={(e) => void form.submit(e)} className="enroll-form" aria-label="Move in form">
      <h3>Learner: {candidateName(learner)}</h3>
      <SelectField
        label="Grade level"
        value={gradeLevel}
        onChange={form.setGrade}
        options={gradeOrder.filter((g) => !isAlsProgram(g)).map((g) => [g, gradeLabel[g]] as const)}
        error={problemOf(failure, 'gradeLevel')}
      />
      {gradeLevel === 'GRADE_11' || gradeLevel === 'GRADE_12' ? (
        <SelectField
          label="Strand"
          value={form.strand}
          onChange={form.setStrand}
          options={strandOptions}
          error={problemOf(failure, 'strand')}
        />
      ) : null}
      <DateField
        label="Date of moving in"
        value={form.moveDate}
        onChange={form.setMoveDate}
        error={problemOf(failure, 'moveDate')}
      />
      <CheckboxList
        legend="Documents brought"
        values={moveDocuments}
        selected={form.documents}
        onChange={form.setDocuments}
        labelOf={(d) => documentLabel[d]}
        error={problemOf(failure, 'documents')}
      />
      <TransferProofFields
        learner={learner}
        papers={form.papers}
        onChange={form.setPapers}
        failure={failure}
      />
      <FailureNotice failure={failure} busy={form.moving} onRetry={() => void form.submit()} />
      <div className="enroll-actions">
        <button type="submit" disabled={form.moving}>
          {form.moving ? 'Saving…' : 'Move in'}
        </button>
        <button type="button" className="enroll-secondary" onClick={() => form.setLearner(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
