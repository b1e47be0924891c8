import { BirthDocumentType, Sex, sexLabel } from '@repo/domain/enums';
import { birthDocumentLabel } from './enrollment-labels.js';
import { Field } from './Field.js';
import { SelectField } from './inputs.js';
import { type ProfileDraft } from './learner-profile-form.js';

type Errors = (field: string) => string | undefined;

/** The learner profile of the Basic Education Enrollment Form (SPEC §3), all keyboard-usable. */
export function ProfileFields({
  draft,
  onChange,
  errorOf,
}: {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errorOf: Errors;
}) {
  const text = (
    key: keyof ProfileDraft,
    label: string,
    extra: { required?: boolean; type?: string; hint?: string } = {},
  ) => (
    <Field label={label} error={errorOf(key)} hint={extra.hint}>
      {(p) => (
        <input
          {...p}
          name={key}
          type={extra.type ?? 'text'}
          required={extra.required}
          value={draft[key] as string}
          onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <>
      <fieldset className="enroll-fieldset">
        <legend>Learner’s name and birth</legend>
        {text('lastName', 'Last name', { required: true })}
        {text('firstName', 'First name', { required: true })}
        {text('middleName', 'Middle name')}
        {text('extensionName', 'Extension name', { hint: 'Jr., Sr., II, III, IV or V' })}
        {text('birthDate', 'Birth date', { required: true, type: 'date' })}
        <SelectField
          label="Sex"
          value={draft.sex}
          onChange={(sex) => onChange({ ...draft, sex })}
          options={Object.values(Sex).map((v) => [v, sexLabel[v]] as const)}
          error={errorOf('sex')}
        />
        {text('placeOfBirth', 'Place of birth')}
        {text('motherTongue', 'Mother tongue')}
      </fieldset>
      <fieldset className="enroll-fieldset">
        <legend>Categories and needs</legend>
        <label className="enroll-check">
          <input
            type="checkbox"
            checked={draft.isIndigenous}
            onChange={(e) => onChange({ ...draft, isIndigenous: e.target.checked })}
          />
          Belongs to an Indigenous Peoples (IP) community
        </label>
        {draft.isIndigenous ? text('ipCommunity', 'IP community') : null}
        <label className="enroll-check">
          <input
            type="checkbox"
            checked={draft.isFourPs}
            onChange={(e) => onChange({ ...draft, isFourPs: e.target.checked })}
          />
          4Ps beneficiary
        </label>
        {text('specialNeeds', 'Disabilities or special needs', {
          hint: 'Separate several with commas',
        })}
      </fieldset>
      <fieldset className="enroll-fieldset">
        <legend>Address and family</legend>
        {text('addressStreet', 'House number and street')}
        {text('addressBarangay', 'Barangay')}
        {text('addressMunicipality', 'Municipality or city')}
        {text('addressProvince', 'Province')}
        {text('fatherName', 'Father’s name')}
        {text('motherMaidenName', 'Mother’s maiden name')}
        {text('guardianName', 'Guardian’s name')}
      </fieldset>
      <fieldset className="enroll-fieldset">
        <legend>Birth document (submitted once, §V.A)</legend>
        <SelectField
          label="Birth document on file"
          value={draft.birthDocumentType}
          onChange={(birthDocumentType) => onChange({ ...draft, birthDocumentType })}
          options={Object.values(BirthDocumentType).map((v) => [v, birthDocumentLabel[v]] as const)}
          error={errorOf('birthDocumentType')}
          placeholder="None yet"
        />
        {draft.birthDocumentType
          ? text('birthDocumentReceivedOn', 'Birth document received on', { type: 'date' })
          : null}
      </fieldset>
    </>
  );
}
