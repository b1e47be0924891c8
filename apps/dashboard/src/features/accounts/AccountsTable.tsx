import { useMutation, useQuery } from '@apollo/client/react';
import { roleLabel } from '@repo/domain/access';
import { QueryState } from '@repo/ui/QueryState';
import { useState } from 'react';
import { type AccountsQuery as AccountsQueryResult } from '../../gql/graphql.js';
import {
  AccountsQuery,
  DisableAccountMutation,
  EnableAccountMutation,
  ResetAccountMutation,
} from './accounts.queries.js';
import { type IssuedCode } from './NewAccountForm.js';
import { TableFrame } from '@repo/ui/TableFrame';
import { formatCount } from '@repo/ui/format';

const pageSize = 50;
/** A moment in Manila's time, as an administrator reads it. */
export function manilaTime(value: unknown): string {
  return typeof value === 'string'
    ? new Date(value).toLocaleString('en-PH', { timeZone: 'Asia/Manila' })
    : 'never';
}

type Account = AccountsQueryResult['accounts']['items'][number];

/** One account and what can be done to it. */
function AccountRow({
  account,
  own,
  onIssued,
}: {
  account: Account;
  /** The viewer's own account: another administrator changes it. */
  own: boolean;
  onIssued: (code: IssuedCode) => void;
}) {
  const refetchQueries = ['Accounts', 'AccountEvents'];
  const [disable] = useMutation(DisableAccountMutation, { refetchQueries });
  const [enable] = useMutation(EnableAccountMutation, { refetchQueries });
  const [reset] = useMutation(ResetAccountMutation, { refetchQueries });
  const onReset = async () => {
    const { data } = await reset({ variables: { id: account.id } });
    const setup = data?.resetAccountPassword;
    if (setup)
      onIssued({
        username: setup.account.username,
        setupCode: setup.setupCode,
        expiresAt: String(setup.setupCodeExpiresAt),
      });
  };
  return (
    <tr>
      <th scope="row">{account.username}</th>
      <td>{account.displayName}</td>
      <td>{roleLabel[account.role]}</td>
      <td>{account.school?.name ?? account.division?.name ?? account.region?.name ?? 'Nation'}</td>
      <td>
        {account.disabled ? 'Disabled' : account.awaitingPassword ? 'Awaiting password' : 'Active'}
      </td>
      <td>{manilaTime(account.lastSignInAt)}</td>
      <td>
        {own ? (
          'Your account'
        ) : (
          <>
            <button
              type="button"
              className="button--secondary"
              aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.username}`}
              onClick={() =>
                void (account.disabled ? enable : disable)({ variables: { id: account.id } })
              }
            >
              {account.disabled ? 'Enable' : 'Disable'}
            </button>{' '}
            <button
              type="button"
              className="button--secondary"
              aria-label={`Reset password of ${account.username}`}
              onClick={() => void onReset()}
            >
              Reset password
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/** Where a page of `pageSize` stands, and the way to the next and the previous. */
function Pager(props: {
  total: number;
  shown: number;
  offset: number;
  onOffset: (offset: number) => void;
}) {
  const { total, shown, offset, onOffset } = props;
  return (
    <p className="pager">
      {total === 0
        ? 'No accounts'
        : `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`}{' '}
      <button type="button" disabled={offset === 0} onClick={() => onOffset(offset - pageSize)}>
        Previous
      </button>{' '}
      <button
        type="button"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        Next
      </button>
    </p>
  );
}

/** The accounts the viewer manages, with what can be done to each. */
export function AccountsTable({
  viewerUsername,
  onIssued,
}: {
  viewerUsername: string;
  onIssued: (code: IssuedCode) => void;
}) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, loading, error, refetch } = useQuery(AccountsQuery, {
    variables: { search: search || null, limit: pageSize, offset },
  });
  const page = data?.accounts;

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts you manage</h2>
      <div className="toolbar">
        <label htmlFor="accounts-search">Search</label>
        <input
          id="accounts-search"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setOffset(0);
          }}
        />
      </div>
      <QueryState
        loading={loading && !page}
        error={error}
        onRetry={() => void refetch()}
        what="accounts"
      />
      {page ? (
        <>
          <TableFrame label="Accounts">
            <table aria-label="Accounts">
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Place</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((account) => (
                  <AccountRow
                    key={account.id}
                    account={account}
                    own={account.username === viewerUsername}
                    onIssued={onIssued}
                  />
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Pager
            total={page.total}
            shown={page.items.length}
            offset={offset}
            onOffset={setOffset}
          />
        </>
      ) : null}
    </section>
  );
}
