import { type BirthDocumentType, type Sex } from '@repo/domain/enums';
import { type FieldError, validateLearnerProfile } from '@repo/domain/learner-profile';
import {
  type CreateLearnerInput,
  type EnrollLearnerProfileQuery,
  type UpdateLearnerInput,
} from '../../gql/graphql.js';

/** The Basic Education Enrollment Form's profile as typed: every value a string or a flag. */
export interface ProfileDraft {
  lastName: string;
  firstName: string;
  middleName: string;
  extensionName: string;
  birthDate: string;
  sex: Sex | '';
  placeOfBirth: string;
  motherTongue: string;
  isIndigenous: boolean;
  ipCommunity: string;
  isFourPs: boolean;
  specialNeeds: string;
  fatherName: string;
  motherMaidenName: string;
  guardianName: string;
  addressStreet: string;
  addressBarangay: string;
  addressMunicipality: string;
  addressProvince: string;
  birthDocumentType: BirthDocumentType | '';
  birthDocumentReceivedOn: string;
}

export const emptyProfile: ProfileDraft = {
  lastName: '',
  firstName: '',
  middleName: '',
  extensionName: '',
  birthDate: '',
  sex: '',
  placeOfBirth: '',
  motherTongue: '',
  isIndigenous: false,
  ipCommunity: '',
  isFourPs: false,
  specialNeeds: '',
  fatherName: '',
  motherMaidenName: '',
  guardianName: '',
  addressStreet: '',
  addressBarangay: '',
  addressMunicipality: '',
  addressProvince: '',
  birthDocumentType: '',
  birthDocumentReceivedOn: '',
};

type Learner = NonNullable<EnrollLearnerProfileQuery['learner']>;

/** A record from the registry, ready to view and update (ALS guide step 3b). */
export function toProfileDraft(learner: Learner): ProfileDraft {
  return {
    lastName: learner.lastName,
    firstName: learner.firstName,
    middleName: learner.middleName ?? '',
    extensionName: learner.extensionName ?? '',
    birthDate: learner.birthDate,
    sex: learner.sex,
    placeOfBirth: learner.placeOfBirth ?? '',
    motherTongue: learner.motherTongue ?? '',
    isIndigenous: learner.isIndigenous,
    ipCommunity: learner.ipCommunity ?? '',
    isFourPs: learner.isFourPs,
    specialNeeds: learner.specialNeeds.join(', '),
    fatherName: learner.fatherName ?? '',
    motherMaidenName: learner.motherMaidenName ?? '',
    guardianName: learner.guardianName ?? '',
    addressStreet: learner.address.street ?? '',
    addressBarangay: learner.address.barangay ?? '',
    addressMunicipality: learner.address.municipality ?? '',
    addressProvince: learner.address.province ?? '',
    birthDocumentType: learner.birthDocument?.type ?? '',
    birthDocumentReceivedOn: learner.birthDocument?.receivedOn ?? '',
  };
}

const textKeys = [
  'lastName',
  'firstName',
  'middleName',
  'extensionName',
  'birthDate',
  'placeOfBirth',
  'motherTongue',
  'ipCommunity',
  'fatherName',
  'motherMaidenName',
  'guardianName',
  'addressStreet',
  'addressBarangay',
  'addressMunicipality',
  'addressProvince',
  'birthDocumentReceivedOn',
] as const;

const specialNeedsOf = (draft: ProfileDraft) =>
  draft.specialNeeds
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The whole profile for createLearner; empty text is left out rather than sent blank. */
export function toCreateInput(
  draft: ProfileDraft,
  confirmNoDuplicate: boolean,
): CreateLearnerInput {
  const input: CreateLearnerInput = {
    confirmNoDuplicate,
    isIndigenous: draft.isIndigenous,
    isFourPs: draft.isFourPs,
    specialNeeds: specialNeedsOf(draft),
  };
  for (const key of textKeys) if (draft[key].trim()) input[key] = draft[key].trim();
  if (draft.sex) input.sex = draft.sex;
  if (draft.birthDocumentType) input.birthDocumentType = draft.birthDocumentType;
  return input;
}

/** Only what the user changed, for updateLearner; null when nothing changed. */
export function toUpdateInput(
  draft: ProfileDraft,
  original: ProfileDraft,
): UpdateLearnerInput | null {
  const input: UpdateLearnerInput = {};
  for (const key of textKeys) {
    if (draft[key].trim() !== original[key].trim()) input[key] = draft[key].trim() || null;
  }
  if (draft.sex !== original.sex && draft.sex) input.sex = draft.sex;
  if (draft.isIndigenous !== original.isIndigenous) input.isIndigenous = draft.isIndigenous;
  if (draft.isFourPs !== original.isFourPs) input.isFourPs = draft.isFourPs;
  if (draft.specialNeeds.trim() !== original.specialNeeds.trim())
    input.specialNeeds = specialNeedsOf(draft);
  if (draft.birthDocumentType !== original.birthDocumentType && draft.birthDocumentType)
    input.birthDocumentType = draft.birthDocumentType;
  return Object.keys(input).length > 0 ? input : null;
}

/** The domain's own profile checks (SPEC §3), plus the sex the form requires. */
export function checkProfile(draft: ProfileDraft, today: string): FieldError[] {
  const errors = validateLearnerProfile(
    {
      lastName: draft.lastName,
      firstName: draft.firstName,
      middleName: draft.middleName || null,
      extensionName: draft.extensionName || null,
      birthDate: draft.birthDate || null,
      isIndigenous: draft.isIndigenous,
      ipCommunity: draft.ipCommunity || null,
      birthDocumentType: draft.birthDocumentType || null,
      birthDocumentReceivedOn: draft.birthDocumentReceivedOn || null,
    },
    today,
  );
  if (!draft.sex) errors.push({ field: 'sex', code: 'REQUIRED' });
  return errors;
}

/** Splits what the search box held into last and first names for a new record. */
export function draftFromSearch(name: string, birthDate: string): ProfileDraft {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const lastName = parts.length > 1 ? parts.at(-1)! : '';
  const firstName = parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? '');
  return { ...emptyProfile, lastName, firstName, birthDate };
}
