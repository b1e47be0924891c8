import { newProfile } from '../enrollment-fixtures.js';
import { SY } from '../enrollment-scenario.js';
import { bad, type Row } from './table.js';
import { type Fixtures, tomorrow } from './world.js';

/** A valid early registration of `fresh` for Grade 7, but for the overrides. */
const registration = (fx: Fixtures, overrides: Record<string, unknown> = {}) => ({
  learnerId: fx.fresh,
  schoolYear: SY,
  gradeLevel: 'GRADE_7',
  registeredOn: '2026-02-02',
  ...overrides,
});

/** preRegister: early registration refused (§V.A). */
export const preRegisterRows: Row[] = [
  {
    title: 'preRegister: both learnerId and a new learner profile',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { learner: newProfile('2014-03-03') }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.learnerId', 'LEARNER_OR_PROFILE_REQUIRED'),
  },
  {
    title: 'preRegister: a school year without a calendar (2040-2041)',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { schoolYear: '2040-2041', registeredOn: '2026-02-02' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.schoolYear', 'CALENDAR_NOT_SET'),
  },
  {
    title: 'preRegister: registered on 2026-03-02, after the early-registration window',
    operation: 'preRegister',
    as: 'registrar',
    input: () => ({
      learner: newProfile('2021-05-05'),
      schoolYear: SY,
      gradeLevel: 'KINDER',
      registeredOn: '2026-03-02',
    }),
    learners: () => [],
    expected: bad('input.registeredOn', 'OUTSIDE_EARLY_REGISTRATION_WINDOW'),
  },
  {
    title: 'preRegister: Grade 3 is no early-registration grade',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { gradeLevel: 'GRADE_3' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.gradeLevel', 'NOT_AN_EARLY_REGISTRATION_GRADE'),
  },
  {
    title: 'preRegister: circumstances for a learner neither OSC nor OSY',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { circumstances: ['DISPLACED_BY_DISASTER'] }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.circumstances', 'CIRCUMSTANCES_ONLY_FOR_OSC_OSY'),
  },
  {
    title: 'preRegister: registeredOn 2026-02-30 is no date',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { registeredOn: '2026-02-30' }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.registeredOn', 'DATE_INVALID'),
  },
  {
    title: 'preRegister: registeredOn in the future',
    operation: 'preRegister',
    as: 'registrar',
    input: (fx) => registration(fx, { registeredOn: tomorrow }),
    learners: (fx) => [fx.fresh],
    expected: bad('input.registeredOn', 'DATE_IN_FUTURE'),
  },
  {
    title: 'preRegister: a new profile with an unknown name extension',
    operation: 'preRegister',
    as: 'registrar',
    input: () => ({
      learner: newProfile('2021-06-06', { extensionName: 'XIV' }),
      schoolYear: SY,
      gradeLevel: 'KINDER',
      registeredOn: '2026-02-02',
    }),
    learners: () => [],
    expected: bad('input.learner.extensionName', 'EXTENSION_UNKNOWN'),
  },
];
