import { useMutation } from '@apollo/client/react';
import { isAlsProgram } from '@repo/domain/enrollment';
import { type DocumentType, type GradeLevel, type Strand } from '@repo/domain/enums';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { type FormEvent, useRef, useState } from 'react';
import { gradeLabel, gradeOrder, statusLabel } from '../labels.js';
import { defaultDates } from './default-dates.js';
import { documentLabel, strandOptions } from './enrollment-labels.js';
import { MoveLearnerMutation } from './enrollment.queries.js';
import { newIdempotencyKey } from './enrollment-context.js';
import { FailureNotice } from './FailureNotice.js';
import { CheckboxList, DateField, SelectField } from './inputs.js';
import { type FormFailure, noFailure, problemOf, toFormFailure } from './form-errors.js';
import { type Candidate, candidateName, LearnerSearch } from './LearnerSearch.js';

const moveDocuments: DocumentType[] = ['SF9', 'REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'];

/**
 * A learner moving in during the year (§V.E): found in the registry, then the grade, the day and the
 * documents brought; the origin's enrollment becomes moved out. Without the SF9 the learner is
 * temporarily enrolled and needs the Affidavit of Undertaking.
 */
export function MoveIn({
  schoolYear,
  calendar,
  today,
}: {
  schoolYear: string;
  calendar: SchoolCalendar;
  today: string;
}) {
  const [learner, setLearner] = useState<Candidate | null>(null);
  const [gradeLevel, setGrade] = useState<GradeLevel | ''>('');
  const [strand, setStrand] = useState<Strand | ''>('');
  // A day of classes: the learner attends from it (and it is the enrollment's first attendance).
  const [moveDate, setMoveDate] = useState(() => defaultDates(calendar, today).classDay);
  const [documents, setDocuments] = useState<DocumentType[]>([]);
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
          { field: 'gradeLevel', rule: 'REQUIRED', message: 'Grade level is required (REQUIRED)' },
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
          },
        },
      });
      key.current = newIdempotencyKey();
      const e = data!.moveLearner.enrollment;
      setNotice(
        `${candidateName(learner)} moved in: ${statusLabel[e.status]}${e.transferredIn ? ', transferred in' : ''}${
          e.missingDocuments.length > 0
            ? `; due: ${e.missingDocuments.map((d) => documentLabel[d]).join(', ')}`
            : ''
        }.`,
      );
      setLearner(null);
      setDocuments([]);
    } catch (error) {
      setFailure(toFormFailure(error, { today, calendar }));
    }
  }

  return (
    <section aria-labelledby="move-heading">
      <h2 id="move-heading">Move in, SY {schoolYear}</h2>
      <p>
        To move a learner out, the receiving school records the move in; to transfer to ALS or drop
        out, use the class list.
      </p>
      <div aria-live="polite">{notice ? <p className="enroll-notice">{notice}</p> : null}</div>
      {!learner ? (
        <LearnerSearch
          onPreview={setLearner}
          onCreateNew={() =>
            setNotice('A learner moving in already has a record: search again by LRN.')
          }
        />
      ) : (
        <form onSubmit={(e) => void submit(e)} className="enroll-form" aria-label="Move in form">
          <h3>Learner: {candidateName(learner)}</h3>
          <SelectField
            label="Grade level"
            value={gradeLevel}
            onChange={setGrade}
            options={gradeOrder
              .filter((g) => !isAlsProgram(g))
              .map((g) => [g, gradeLabel[g]] as const)}
            error={problemOf(failure, 'gradeLevel')}
          />
          {gradeLevel === 'GRADE_11' || gradeLevel === 'GRADE_12' ? (
            <SelectField
              label="Strand"
              value={strand}
              onChange={setStrand}
              options={strandOptions}
              error={problemOf(failure, 'strand')}
            />
          ) : null}
          <DateField
            label="Date of moving in"
            value={moveDate}
            onChange={setMoveDate}
            error={problemOf(failure, 'moveDate')}
          />
          <CheckboxList
            legend="Documents brought"
            values={moveDocuments}
            selected={documents}
            onChange={setDocuments}
            labelOf={(d) => documentLabel[d]}
            error={problemOf(failure, 'documents')}
          />
          <FailureNotice failure={failure} busy={moving.loading} onRetry={() => void submit()} />
          <div className="enroll-actions">
            <button type="submit" disabled={moving.loading}>
              {moving.loading ? 'Saving…' : 'Move in'}
            </button>
            <button type="button" className="enroll-secondary" onClick={() => setLearner(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
