import { describe, expect, it } from 'vitest';
import {
  type AdmissionState,
  checkTransferProof,
  type RecordIdentity,
  reversalRefusal,
  type TransferProof,
} from './transfer.js';

const record: RecordIdentity = {
  lrn: '136512345678',
  birthDate: '2016-05-04',
  lastName: 'Dela Cruz',
  firstName: 'Maria Cristina',
  middleName: 'Santos',
  lastSchoolIds: [135001],
};
const why = { reason: 'Family moved to La Paz', documentSeen: 'SF9' };

describe('checkTransferProof (issue 18; RA 10173 §11, DO 03 s. 2018 §V.E)', () => {
  it.each<[string, TransferProof | null, string]>([
    ['LRN and birth date', { ...why, lrn: '136512345678', birthDate: '2016-05-04' }, 'OK'],
    ['LRN with spaces around it', { ...why, lrn: ' 136512345678 ', birthDate: '2016-05-04' }, 'OK'],
    [
      'full name, birth date, last school',
      {
        ...why,
        lastName: 'DELA CRUZ',
        firstName: 'Ma. Cristina',
        middleName: 'Santos',
        birthDate: '2016-05-04',
        lastSchoolId: 135001,
      },
      'OK',
    ],
    ['no proof at all', null, 'proof PROOF_REQUIRED'],
    [
      'no reason',
      { lrn: '136512345678', birthDate: '2016-05-04', documentSeen: 'SF9' },
      'proof.reason REASON_REQUIRED',
    ],
    [
      'a reason too long',
      { ...why, reason: 'x'.repeat(301), lrn: '136512345678', birthDate: '2016-05-04' },
      'proof.reason REASON_TOO_LONG',
    ],
    [
      'no document named',
      { reason: 'moved', lrn: '136512345678', birthDate: '2016-05-04' },
      'proof.documentSeen PROOF_REQUIRED',
    ],
    [
      'a document not on the list',
      { reason: 'moved', documentSeen: 'PSA', lrn: '136512345678', birthDate: '2016-05-04' },
      'proof.documentSeen PROOF_REQUIRED',
    ],
    ['LRN without birth date', { ...why, lrn: '136512345678' }, 'proof.birthDate PROOF_REQUIRED'],
    ['birth date alone', { ...why, birthDate: '2016-05-04' }, 'proof PROOF_REQUIRED'],
    [
      'name without last school',
      { ...why, lastName: 'Dela Cruz', firstName: 'Maria Cristina', birthDate: '2016-05-04' },
      'proof PROOF_REQUIRED',
    ],
    [
      'the LRN of somebody else',
      { ...why, lrn: '136512345679', birthDate: '2016-05-04' },
      'proof PROOF_MISMATCH',
    ],
    [
      'the wrong birth date',
      { ...why, lrn: '136512345678', birthDate: '2016-04-05' },
      'proof PROOF_MISMATCH',
    ],
    [
      'the right name at the wrong school',
      {
        ...why,
        lastName: 'Dela Cruz',
        firstName: 'Maria Cristina',
        middleName: 'Santos',
        birthDate: '2016-05-04',
        lastSchoolId: 135002,
      },
      'proof PROOF_MISMATCH',
    ],
    [
      'another middle name',
      {
        ...why,
        lastName: 'Dela Cruz',
        firstName: 'Maria Cristina',
        middleName: 'Reyes',
        birthDate: '2016-05-04',
        lastSchoolId: 135001,
      },
      'proof PROOF_MISMATCH',
    ],
  ])('%s', (_, proof, expected) => {
    const judged = checkTransferProof(proof, record);
    expect(judged.ok ? 'OK' : `${judged.problem.field} ${judged.problem.code}`).toBe(expected);
  });

  it('says which path proved it', () => {
    expect(
      checkTransferProof({ ...why, lrn: '136512345678', birthDate: '2016-05-04' }, record),
    ).toEqual({
      ok: true,
      basis: 'LRN_AND_BIRTH_DATE',
    });
  });

  it('a learner without an LRN is proved only by name, birth date and school', () => {
    const noLrn = { ...record, lrn: null };
    expect(
      checkTransferProof({ ...why, lrn: '136512345678', birthDate: '2016-05-04' }, noLrn).ok,
    ).toBe(false);
  });

  it('never says which value did not match', () => {
    const wrongDate = checkTransferProof(
      { ...why, lrn: '136512345678', birthDate: '2016-04-05' },
      record,
    );
    const wrongLrn = checkTransferProof(
      { ...why, lrn: '136512345679', birthDate: '2016-05-04' },
      record,
    );
    expect(wrongDate).toEqual(wrongLrn);
  });
});

describe('reversalRefusal: once, within 30 days, while nothing changed since', () => {
  const made: AdmissionState = {
    recordedOn: '2027-07-01',
    reversedOn: null,
    changedSince: false,
  };
  it.each<[string, Partial<AdmissionState>, string, string | null]>([
    ['the same day', {}, '2027-07-01', null],
    ['on the 30th day', {}, '2027-07-31', null],
    ['on the 31st day', {}, '2027-08-01', 'REVERSAL_WINDOW_CLOSED'],
    ['already reversed', { reversedOn: '2027-07-02' }, '2027-07-03', 'ALREADY_REVERSED'],
    [
      'the admitted enrollment changed',
      { changedSince: true },
      '2027-07-03',
      'CHANGED_SINCE_ADMISSION',
    ],
    ['the origin changed', { changedSince: true }, '2027-07-03', 'CHANGED_SINCE_ADMISSION'],
  ])('%s', (_, state, today, expected) => {
    expect(reversalRefusal({ ...made, ...state }, today)).toBe(expected);
  });
});
