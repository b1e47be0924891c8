import { type DocumentType } from '@repo/domain/enums';
import { documentLabel } from './enrollment-labels.js';
import { type FormFailure, problemOf } from './form-errors.js';
import { DateField, SelectField, TextField } from './inputs.js';
import { type Candidate } from './LearnerSearch.js';

/** The papers a school shows it holds for another school's learner (issue 18). */
export interface TransferPapers {
  lrn: string;
  birthDate: string;
  reason: string;
  documentSeen: DocumentType | '';
}

export const noPapers: TransferPapers = { lrn: '', birthDate: '', reason: '', documentSeen: '' };

const transferDocuments: DocumentType[] = ['SF9', 'REGISTRAR_LETTER', 'AFFIDAVIT_OF_UNDERTAKING'];

/**
 * The proof the API asks for a learner who is not the school's yet: the LRN on the papers (or, when
 * there is none, the learner's name and last school as the search showed them) with the birth date
 * on the papers, the reason and the document seen. Nothing for the school's own learners.
 */
export function proofFor(learner: Candidate, papers: TransferPapers) {
  if (learner.inScope) return null;
  const common = {
    birthDate: papers.birthDate || null,
    reason: papers.reason,
    documentSeen: papers.documentSeen || 'SF9',
  };
  return papers.lrn.trim()
    ? { ...common, lrn: papers.lrn.trim() }
    : {
        ...common,
        lastName: learner.lastName,
        firstName: learner.firstName,
        middleName: learner.middleName ?? null,
        lastSchoolId: learner.lastSchoolId ?? null,
      };
}

/**
 * The papers' fields, shown only for a learner of another school: its profile opens to this
 * school only once the move or enrollment is made.
 */
export function TransferProofFields({
  learner,
  papers,
  onChange,
  failure,
}: {
  learner: Candidate;
  papers: TransferPapers;
  onChange: (papers: TransferPapers) => void;
  failure: FormFailure;
}) {
  if (learner.inScope) return null;
  const set = (part: Partial<TransferPapers>) => onChange({ ...papers, ...part });
  return (
    <fieldset className="enroll-papers">
      <legend>Papers of a learner from another school</legend>
      <p>
        This learner is another school’s. Copy the LRN and birth date from the learner’s papers (SF9
        or the registrar’s letter); the school the learner comes from and both divisions will see
        this move with your reason.
      </p>
      {problemOf(failure, 'proof') ? (
        <p className="field-error" role="alert">
          {problemOf(failure, 'proof')}
        </p>
      ) : null}
      <TextField
        label="LRN on the papers"
        value={papers.lrn}
        onChange={(lrn) => set({ lrn })}
        error={problemOf(failure, 'lrn')}
      />
      <DateField
        label="Birth date on the papers"
        value={papers.birthDate}
        onChange={(birthDate) => set({ birthDate })}
        error={problemOf(failure, 'birthDate')}
      />
      <SelectField
        label="Document seen"
        value={papers.documentSeen}
        onChange={(documentSeen) => set({ documentSeen })}
        options={transferDocuments.map((d) => [d, documentLabel[d]] as const)}
        error={problemOf(failure, 'documentSeen')}
      />
      <TextField
        label="Reason for the move"
        value={papers.reason}
        onChange={(reason) => set({ reason })}
        error={problemOf(failure, 'reason')}
      />
    </fieldset>
  );
}
