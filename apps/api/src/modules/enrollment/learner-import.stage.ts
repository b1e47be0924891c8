import { planEnrollment, type SchoolOffering } from '@repo/domain/enrollment';
import { AdmissionBasis, DocumentType, GradeLevel, Sex, Strand } from '@repo/domain/enums';
import { type FieldError, validateLearnerProfile } from '@repo/domain/learner-profile';
import { shownLrn } from '@repo/domain/disclosure';
import { isLrn } from '@repo/domain/lrn';
import { toNameKey } from '@repo/domain/names';
import { formatSchoolId } from '@repo/domain/school';
import { type SchoolCalendar } from '@repo/domain/school-year';
import { compareLearners } from '@repo/domain/similarity';
import { type EntityManager } from 'typeorm';
import { candidates } from '../learner/learner.service.js';
import { activeEnrollmentOf } from './enrollment-records.js';
import {
  type ImportCandidate,
  oneOf,
  type StagedRow,
  toEnrollInput,
  toProfile,
} from './learner-import.rows.js';

/** What every row of one import is judged against, and the learners the rows before named. */
export interface StagingContext {
  schoolId: number;
  schoolYear: string;
  calendar: SchoolCalendar;
  school: SchoolOffering;
  today: string;
  seen: Map<string, number>;
  /** The learners outside the school's place the rows have shown so far (issue 18: counted). */
  outside: Set<string>;
}

type Profile = ReturnType<typeof toProfile>;
type CandidateRow = Awaited<ReturnType<typeof candidates>>[number];

/**
 * Judges one row: its fields, the learner it is (by LRN, or the same name and birth date already
 * at this school), likely duplicates elsewhere, and the enrollment the domain would make of it.
 */
export async function stageRow(
  manager: EntityManager,
  context: StagingContext,
  rowNumber: number,
  values: StagedRow['values'],
): Promise<StagedRow> {
  const staged: StagedRow = {
    rowNumber,
    values,
    errors: [],
    outcome: 'NEW_LEARNER',
    learnerId: null,
    candidates: [],
  };
  const errors = staged.errors;
  const profile = toProfile(values);
  const enroll = toEnrollInput(values, '0', context.schoolYear);
  const lrn = values.lrn?.replace(/\s/g, '') || null;
  errors.push(...fieldErrorsOf(profile, enroll, lrn, context.today));
  if (errors.length > 0) return { ...staged, outcome: 'INVALID' };

  const nameKey = toNameKey(profile);
  const identity = lrn ?? `${nameKey}|${profile.birthDate}`;
  const earlier = context.seen.get(identity);
  if (earlier !== undefined) {
    errors.push({ field: 'row', code: `SAME_LEARNER_AS_ROW_${earlier}` });
    return { ...staged, outcome: 'INVALID' };
  }
  context.seen.set(identity, rowNumber);

  await identify(manager, staged, profile, lrn, nameKey, context.outside);
  errors.push(...planErrors(context, enroll, profile));
  if (errors.length > 0) return { ...staged, outcome: 'INVALID' };
  return { ...staged, outcome: await outcomeOf(manager, context, staged) };
}

/** The row's own fields: the profile's rules, and values the enrollment form knows. */
function fieldErrorsOf(
  profile: Profile,
  enroll: ReturnType<typeof toEnrollInput>,
  lrn: string | null,
  today: string,
): FieldError[] {
  const errors = [...validateLearnerProfile(profile, today)];
  if (!oneOf(Sex, profile.sex)) errors.push({ field: 'sex', code: 'SEX_INVALID' });
  if (!oneOf(GradeLevel, enroll.gradeLevel))
    errors.push({ field: 'gradeLevel', code: 'GRADE_LEVEL_INVALID' });
  if (enroll.strand && !oneOf(Strand, enroll.strand))
    errors.push({ field: 'strand', code: 'STRAND_INVALID' });
  if (enroll.admissionBasis && !oneOf(AdmissionBasis, enroll.admissionBasis))
    errors.push({ field: 'admissionBasis', code: 'ADMISSION_BASIS_INVALID' });
  if (enroll.documents.some((d) => !oneOf(DocumentType, d)))
    errors.push({ field: 'documents', code: 'DOCUMENT_TYPE_INVALID' });
  if (lrn && !isLrn(lrn)) errors.push({ field: 'lrn', code: 'LRN_INVALID' });
  return errors;
}

/** Which learner this row is: by LRN, or the same name and birth date already at this school. */
async function identify(
  manager: EntityManager,
  staged: StagedRow,
  profile: Profile,
  lrn: string | null,
  nameKey: string,
  outside: Set<string>,
) {
  const rows = await candidates(manager, lrn ? null : nameKey, profile.birthDate, lrn);
  if (lrn) {
    const match = rows.find((r) => r.lrn?.trim() === lrn);
    if (!match) staged.errors.push({ field: 'lrn', code: 'LRN_NOT_FOUND' });
    else if (match.birth_date !== profile.birthDate)
      staged.errors.push({ field: 'birthDate', code: 'LRN_BELONGS_TO_ANOTHER_BIRTH_DATE' });
    else staged.learnerId = match.id;
    if (match && !match.in_scope) outside.add(match.id);
    return;
  }
  const same = rows.find(
    (r) => r.in_scope && r.name_key === nameKey && r.birth_date === profile.birthDate,
  );
  if (same) staged.learnerId = same.id;
  else staged.candidates = likelyDuplicates({ ...profile, lrn }, rows);
  for (const candidate of staged.candidates)
    if (!candidate.inScope) outside.add(candidate.learnerId);
}

/** The five learners on record most like the row, among those the domain calls likely the same. */
function likelyDuplicates(
  person: Profile & { lrn: string | null },
  rows: CandidateRow[],
): ImportCandidate[] {
  return (
    rows
      .map((r) => ({
        row: r,
        match: compareLearners(person, {
          lastName: r.last_name,
          firstName: r.first_name,
          middleName: r.middle_name,
          extensionName: r.extension_name,
          birthDate: r.birth_date,
          sex: r.sex,
          lrn: r.lrn?.trim() ?? null,
        }),
      }))
      .filter(({ match }) => match.likelyDuplicate)
      .sort((a, b) => b.match.score - a.match.score)
      .slice(0, 5)
      // Outside the school's place, only what a duplicate check needs: no LRN (issue 18).
      .map(({ row, match }) => ({
        learnerId: row.id,
        lrn: shownLrn(row.lrn?.trim() ?? null, { lrn: person.lrn }, row.in_scope),
        lastName: row.last_name,
        firstName: row.first_name,
        middleName: row.middle_name,
        birthDate: row.birth_date,
        sex: row.sex,
        lastSchoolId: row.last_school_id === null ? null : formatSchoolId(row.last_school_id),
        lastSchoolName: row.last_school_name,
        inScope: row.in_scope,
        score: match.score,
        reasons: match.reasons,
      }))
  );
}

/** The enrollment the domain would make of the row (§V.A-§V.D), as errors. */
function planErrors(
  context: StagingContext,
  enroll: ReturnType<typeof toEnrollInput>,
  profile: Profile,
): FieldError[] {
  return planEnrollment({
    calendar: context.calendar,
    school: context.school,
    gradeLevel: enroll.gradeLevel,
    strand: enroll.strand,
    basis: enroll.admissionBasis ?? null,
    birthDate: profile.birthDate,
    firstTimeEnrollee: false,
    documents: enroll.documents,
    birthDocumentOnFile: false,
    categories: [],
    enrolledOn: enroll.enrolledOn ?? context.today,
    firstAttendance: enroll.firstAttendance,
    today: context.today,
  }).errors;
}

/** A valid row: a learner on record (enrolled here, elsewhere, or not yet), or a new one. */
async function outcomeOf(
  manager: EntityManager,
  context: StagingContext,
  staged: StagedRow,
): Promise<StagedRow['outcome']> {
  if (staged.learnerId) {
    const active = await activeEnrollmentOf(manager, staged.learnerId, context.schoolYear);
    if (active && active.school_id === context.schoolId) return 'ALREADY_ENROLLED';
    if (active) {
      staged.errors.push({ field: 'row', code: 'ALREADY_ENROLLED_ELSEWHERE' });
      return 'INVALID';
    }
    return 'EXISTING_LEARNER';
  }
  return staged.candidates.length > 0 ? 'SUSPECTED_DUPLICATE' : 'NEW_LEARNER';
}
