import { createHash } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { badUserInput, refused } from '../errors.js';

/** Stable JSON: keys sorted, so the same input always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `act` once per idempotency key and account, inside the caller's transaction. The key's row
 * is inserted first: a concurrent request with the same key waits on it, then finds the first
 * one's result (or, if the first rolled back, acts itself). A key reused with another input is
 * refused, so a client bug cannot silently return the wrong record. Keys are the account's own
 * (`viewer` is any object with the account's id, a Viewer among them).
 */
export async function onceForKey(
  manager: EntityManager,
  viewer: { accountId: string },
  key: string | null | undefined,
  operation: string,
  input: unknown,
  act: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (key === null || key === undefined) return { id: await act(), replayed: false };
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
    throw badUserInput(
      'idempotencyKey',
      'IDEMPOTENCY_KEY_FORMAT',
      'idempotencyKey must be 8 to 100 letters, digits or _.:-',
    );
  }
  const hash = createHash('sha256')
    .update(`${operation}\n${canonical(input)}`)
    .digest('hex');
  const claimed = await manager.query<unknown[]>(
    `INSERT INTO idempotency_key (account_id, key, operation, request_hash)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [viewer.accountId, key, operation, hash],
  );
  if (claimed.length === 0) {
    const [earlier] = await manager.query<{ request_hash: string; result_id: string | null }[]>(
      'SELECT request_hash, result_id FROM idempotency_key WHERE account_id = $1 AND key = $2',
      [viewer.accountId, key],
    );
    if (!earlier || earlier.request_hash !== hash || earlier.result_id === null) {
      throw refused(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotencyKey was used for another request: use a new key for a new request',
        { field: 'idempotencyKey' },
      );
    }
    return { id: earlier.result_id, replayed: true };
  }
  const id = await act();
  await manager.query(
    'UPDATE idempotency_key SET result_id = $3 WHERE account_id = $1 AND key = $2',
    [viewer.accountId, key, id],
  );
  return { id, replayed: false };
}
