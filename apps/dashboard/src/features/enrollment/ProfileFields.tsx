import { BirthDocumentType, Sex, sexLabel } from '@repo/domain/enums';
import { birthDocumentLabel } from './enrollment-labels.js';
import { Field } from './Field.js';
import { SelectField } from './inputs.js';
import { type ProfileDraft } from './learner-profile-form.js';

interface ProfileProps {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errorOf: (field: string) => string | undefined;
}

/** The learner profile of the Basic Education Enrollment Form (SPEC §3), all keyboard-usable. */
export function ProfileFields(props: ProfileProps) {
  return (
    <>
      <NameAndBirth {...props} />
      <CategoriesAndNeeds {...props} />
      <AddressAndFamily {...props} />
      <BirthDocument {...props} />
    </>
  );
}

/** One text (or date) field of the profile, named by its key, with its label, hint and error. */
function ProfileText({
  draft,
  onChange,
  errorOf,
  name,
  label,
  required,
  type = 'text',
  hint,
}: ProfileProps & {
  name: keyof ProfileDraft;
  label: string;
  required?: boolean;
  type?: string;
  hint?: string;
}) {
  return (
    <Field label={label} error={errorOf(name)} hint={hint}>
      {(p) => (
        <input
          {...p}
          name={name}
          type={type}
          required={required}
          value={draft[name] as string}
          onChange={(e) => onChange({ ...draft, [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

function NameAndBirth(props: ProfileProps) {
  const { draft, onChange, errorOf } = props;
  return (
    <fieldset className="enroll-fieldset">
      <legend>Learner’s name and birth</legend>
      <ProfileText {...props} name="lastName" label="Last name" required />
      <ProfileText {...props} name="firstName" label="First name" required />
      <ProfileText {...props} name="middleName" label="Middle name" />
      <ProfileText
        {...props}
        name="extensionName"
        label="Extension name"
        hint="Jr., Sr., II, III, IV or V"
      />
      <ProfileText {...props} name="birthDate" label="Birth date" required type="date" />
      <SelectField
        label="Sex"
        value={draft.sex}
        onChange={(sex) => onChange({ ...draft, sex })}
        options={Object.values(Sex).map((v) => [v, sexLabel[v]] as const)}
        error={errorOf('sex')}
      />
      <ProfileText {...props} name="placeOfBirth" label="Place of birth" />
      <ProfileText {...props} name="motherTongue" label="Mother tongue" />
    </fieldset>
  );
}

function CategoriesAndNeeds(props: ProfileProps) {
  const { draft, onChange } = props;
  return (
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
      {draft.isIndigenous ? (
        <ProfileText {...props} name="ipCommunity" label="IP community" />
      ) : null}
      <label className="enroll-check">
        <input
          type="checkbox"
          checked={draft.isFourPs}
          onChange={(e) => onChange({ ...draft, isFourPs: e.target.checked })}
        />
        4Ps beneficiary
      </label>
      <ProfileText
        {...props}
        name="specialNeeds"
        label="Disabilities or special needs"
        hint="Separate several with commas"
      />
    </fieldset>
  );
}

function AddressAndFamily(props: ProfileProps) {
  return (
    <fieldset className="enroll-fieldset">
      <legend>Address and family</legend>
      <ProfileText {...props} name="addressStreet" label="House number and street" />
      <ProfileText {...props} name="addressBarangay" label="Barangay" />
      <ProfileText {...props} name="addressMunicipality" label="Municipality or city" />
      <ProfileText {...props} name="addressProvince" label="Province" />
      <ProfileText {...props} name="fatherName" label="Father’s name" />
      <ProfileText {...props} name="motherMaidenName" label="Mother’s maiden name" />
      <ProfileText {...props} name="guardianName" label="Guardian’s name" />
    </fieldset>
  );
}

function BirthDocument(props: ProfileProps) {
  const { draft, onChange, errorOf } = props;
  return (
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
      {draft.birthDocumentType ? (
        <ProfileText
          {...props}
          name="birthDocumentReceivedOn"
          label="Birth document received on"
          type="date"
        />
      ) : null}
    </fieldset>
  );
}
