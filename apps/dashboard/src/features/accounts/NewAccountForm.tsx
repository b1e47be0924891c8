import { useMutation, useQuery } from '@apollo/client/react';
import { type Role, roleLabel, ScopeKind, scopeKindOf } from '@repo/domain/access';
import { managedRoles } from '@repo/domain/accounts';
import { type FormEvent, useState } from 'react';
import { type Viewer } from '../auth/useViewer.js';
import { CreateAccountMutation, PlacesQuery } from './accounts.queries.js';
import { RequestError } from '../messages/RequestError.js';

export interface IssuedCode {
  username: string;
  setupCode: string;
  expiresAt: string;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The place field a role needs: a region or a division from the list, or a School ID. */
function PlaceField({ role, viewer }: { role: Role; viewer: Viewer }) {
  const kind = scopeKindOf[role];
  const { data } = useQuery(PlacesQuery, { skip: kind === ScopeKind.NATION });
  if (kind === ScopeKind.NATION) return null;
  if (kind === ScopeKind.SCHOOL)
    return (
      <>
        <label htmlFor="account-school">School ID</label>
        <input id="account-school" name="schoolId" inputMode="numeric" pattern="\d{6}" required />
      </>
    );
  const regions = (data?.regions ?? []).filter(
    (region) => viewer.scopeKind !== ScopeKind.REGION || region.id === viewer.region?.id,
  );
  if (kind === ScopeKind.REGION)
    return (
      <>
        <label htmlFor="account-region">Region</label>
        <select id="account-region" name="regionId" required>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </select>
      </>
    );
  return (
    <>
      <label htmlFor="account-division">Division</label>
      <select id="account-division" name="divisionId" required>
        {regions.flatMap((region) =>
          region.divisions.map((division) => (
            <option key={division.id} value={division.id}>
              {division.name} ({region.name})
            </option>
          )),
        )}
      </select>
    </>
  );
}

/** Creates an account of a role the viewer manages; its one-time code goes to `onIssued`. */
export function NewAccountForm({
  viewer,
  onIssued,
}: {
  viewer: Viewer;
  onIssued: (code: IssuedCode) => void;
}) {
  const roles = managedRoles[viewer.role];
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? roles[0]!);
  const [create, { loading, error }] = useMutation(CreateAccountMutation, {
    refetchQueries: ['Accounts', 'AccountEvents'],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const place = Object.fromEntries(
      ['schoolId', 'divisionId', 'regionId'].map((key) => [key, text(form, key) || null]),
    );
    const { data } = await create({
      variables: {
        input: {
          username: text(form, 'username'),
          displayName: text(form, 'displayName'),
          email: text(form, 'email') || null,
          role,
          ...place,
        },
      },
    }).catch(() => ({ data: undefined }));
    if (!data) return;
    formElement.reset();
    onIssued({
      username: data.createAccount.account.username,
      setupCode: data.createAccount.setupCode,
      expiresAt: String(data.createAccount.setupCodeExpiresAt),
    });
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      className="login__form"
      aria-label="New account"
    >
      <label htmlFor="account-role">Role</label>
      <select
        id="account-role"
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabel[r]}
          </option>
        ))}
      </select>
      <PlaceField role={role} viewer={viewer} />
      <label htmlFor="account-username">Username</label>
      <input id="account-username" name="username" autoComplete="off" required />
      <label htmlFor="account-name">Full name</label>
      <input id="account-name" name="displayName" autoComplete="off" required />
      <label htmlFor="account-email">E-mail (for single sign-on, optional)</label>
      <input id="account-email" name="email" type="email" autoComplete="off" />
      <button type="submit" disabled={loading}>
        {loading ? 'Creating…' : 'Create account'}
      </button>
      {error ? <RequestError lead="Could not create the account" error={error} /> : null}
    </form>
  );
}
