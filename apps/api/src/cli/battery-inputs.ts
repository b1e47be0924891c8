// Generated bad inputs for the battery: a valid input with one to three fields made wrong in a way
// the rules must refuse (type, format, calendar, length, characters, cross-field rules).
import { mulberry32 } from '../modules/datasets/synthetic-learners.js';

type Input = Record<string, unknown>;
type Spoiler = (input: Input) => void;

const badNames: unknown[] = [
  '',
  '   ',
  'x'.repeat(101),
  'A'.repeat(5000),
  'Cruz1',
  'Dela Cruz 3rd',
  '<script>alert(1)</script>',
  "Robert'); DROP TABLE learner;--",
  'Ma\u0000ria',
  'Ma\triA',
  'Juan😀',
  '{"$ne": null}',
  '%s%s%n',
  'Ana_Maria',
  'Ana@Maria',
  42,
  true,
  ['Cruz'],
  { first: 'Ana' },
];
const badDates: unknown[] = [
  '',
  '2015-02-30',
  '2015-13-01',
  '2015-00-10',
  '15-06-01',
  '2015/06/01',
  '01-06-2015',
  '2015-6-1',
  '2099-01-01',
  '1900-01-01',
  'yesterday',
  "2015-06-01' OR '1'='1",
  '２０１５-０６-０１',
  '2015-06-01T00:00:00Z',
  20150601,
  false,
];
/** Dates no calendar has (an empty one may mean "today", a far one is a policy question). */
const malformedDates = badDates.filter(
  (v) => !['', '2099-01-01', '1900-01-01'].includes(String(v)),
);
const required = (field: string): Spoiler[] => [
  (input) => delete input[field],
  (input) => (input[field] = null),
];
/** Ways to spoil a `CreateLearnerInput`; each alone must be refused. */
const learnerSpoilers: Spoiler[] = [
  ...['lastName', 'firstName'].flatMap((f) => [
    ...required(f),
    ...badNames.map((v) => (i: Input) => (i[f] = v)),
  ]),
  ...badNames.filter((v) => v !== '' && v !== '   ').map((v) => (i: Input) => (i.middleName = v)),
  ...['XIV', 'Esq', '1', 'JR JR', 'Jr.Sr'].map((v) => (i: Input) => (i.extensionName = v)),
  ...required('birthDate'),
  ...badDates.map((v) => (i: Input) => (i.birthDate = v)),
  ...['X', '', 'male', 'OTHER', 1].map((v) => (i: Input) => (i.sex = v)),
  delete1('sex'),
  (i) => Object.assign(i, { isIndigenous: false, ipCommunity: 'Ifugao' }),
  // One of the pair alone (the other removed, so two spoilers cannot make a whole pair).
  (i) => {
    i.birthDocumentType = 'PSA_BIRTH_CERTIFICATE';
    delete i.birthDocumentReceivedOn;
  },
  (i) => {
    i.birthDocumentReceivedOn = '2020-01-01';
    delete i.birthDocumentType;
  },
  (i) => Object.assign(i, { birthDocumentType: 'PASSPORT', birthDocumentReceivedOn: '2020-01-01' }),
  ...badDates.map(
    (v) => (i: Input) =>
      Object.assign(i, { birthDocumentType: 'PSA_BIRTH_CERTIFICATE', birthDocumentReceivedOn: v }),
  ),
  (i) => (i.confirmNoDuplicate = 'yes'),
  (i) => (i.unknownField = 'x'),
];

function delete1(field: string): Spoiler {
  return (input) => delete input[field];
}

/**
 * Ways to spoil an `EnrollLearnerInput` (and its idempotency key). A learner id must be malformed,
 * not merely another number: a small number is some real learner's id.
 */
const enrollSpoilers: Spoiler[] = [
  ...['2026-2028', '2026', '26-27', 'abcd-efgh', '', 2026].map(
    (v) => (i: Input) => (i.schoolYear = v),
  ),
  ...required('schoolYear'),
  ...required('gradeLevel'),
  ...['GRADE_13', 'grade_4', 'K', '', 4].map((v) => (i: Input) => (i.gradeLevel = v)),
  ...[
    'not-a-uuid',
    '',
    '-1',
    '1e3',
    "' OR 1=1 --",
    '99999999999999999999',
    '00000000-0000-0000-0000-00000000000g',
  ].map((v) => (i: Input) => (i.learnerId = v)),
  ...malformedDates.map((v) => (i: Input) => (i.enrolledOn = v)),
  ...malformedDates.map((v) => (i: Input) => (i.firstAttendance = v)),
  ...[['NOPE'], [1], [null], 'NOPE'].map((v) => (i: Input) => (i.documents = v)),
  ...[['PWD'], [3], 'PWD'].map((v) => (i: Input) => (i.categories = v)),
  ...['ALIEN', 'continuing', 5].map((v) => (i: Input) => (i.admissionBasis = v)),
  (i) => (i.__key = 'short'),
  (i) => (i.__key = 'has spaces in it'),
  (i) => (i.__key = 'k'.repeat(101)),
  (i) => (i.__key = 'ключ-ключ-ключ'),
  (i) => (i.extra = true),
];

export interface BadInput {
  operation: 'createLearner' | 'enrollLearner';
  query: string;
  variables: Record<string, unknown>;
}

const createQuery = 'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }';
const enrollQuery =
  'mutation($input: EnrollLearnerInput!, $key: String) { enrollLearner(input: $input, idempotencyKey: $key) { enrollment { id } } }';

/**
 * `count` bad inputs, drawn from `seed`: two in three for createLearner, the rest enrolling
 * `learnerId` (a real learner of the caller's school), each with one to three spoilers.
 */
export function* badInputs(count: number, seed: number, learnerId: string): Generator<BadInput> {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const letters = () =>
    Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  for (let i = 0; i < count; i++) {
    const spoilers = 1 + Math.floor(random() * 3);
    if (i % 3 !== 2) {
      const input: Input = {
        lastName: `Bad${letters()}`,
        firstName: `Input${letters()}`,
        birthDate: '2016-05-17',
        sex: 'FEMALE',
        confirmNoDuplicate: true,
      };
      for (let s = 0; s < spoilers; s++) pick(learnerSpoilers)(input);
      yield { operation: 'createLearner', query: createQuery, variables: { input } };
    } else {
      const input: Input = {
        learnerId,
        schoolYear: '2026-2027',
        gradeLevel: 'GRADE_4',
        admissionBasis: 'TRANSFEREE',
        documents: ['SF9'],
        enrolledOn: '2026-06-08',
      };
      for (let s = 0; s < spoilers; s++) pick(enrollSpoilers)(input);
      const key = input.__key;
      delete input.__key;
      yield { operation: 'enrollLearner', query: enrollQuery, variables: { input, key } };
    }
  }
}
