/**
 * Half-filled forms kept across a reload and Back (issue 21). A form holds a learner's personal
 * data (RA 10173), so its draft is kept:
 * - in `sessionStorage`, which is this tab's alone and is gone when the tab closes; never in
 *   `localStorage`, which every tab of the site shares and which outlives the browser;
 * - under the account's name and the screen's: another account signed in on this tab never reads
 *   it, and reading drops any other account's drafts, so a tab holds one account's at most;
 * - until the form is saved or discarded, or the account signs out (`endSession`), so nothing of
 *   it is left for the next person at a shared computer.
 * Storage that is full or switched off costs only the draft: the form works as before.
 */
const prefix = 'deped.draft:';
const keyOf = (account: string, screen: string) => `${prefix}${account}:${screen}`;

function draftKeys(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith(prefix));
}

export function readDraft(account: string, screen: string): unknown {
  try {
    const own = `${prefix}${account}:`;
    for (const key of draftKeys()) if (!key.startsWith(own)) sessionStorage.removeItem(key);
    const raw = sessionStorage.getItem(keyOf(account, screen));
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function writeDraft(account: string, screen: string, draft: unknown): void {
  try {
    sessionStorage.setItem(keyOf(account, screen), JSON.stringify(draft));
  } catch {
    // Full or switched off: the form goes on without a draft.
  }
}

export function deleteDraft(account: string, screen: string): void {
  try {
    sessionStorage.removeItem(keyOf(account, screen));
  } catch {
    // Switched off: there was nothing kept.
  }
}

/** Every draft of this tab, whoever's: at sign-out. */
export function clearDrafts(): void {
  try {
    for (const key of draftKeys()) sessionStorage.removeItem(key);
  } catch {
    // Switched off: there was nothing kept.
  }
}
