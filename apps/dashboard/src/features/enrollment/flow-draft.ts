import { useEffect, useRef } from 'react';
import { deleteDraft, readDraft, writeDraft } from '../auth/form-drafts.js';
import { type ProfileDraft } from './learner-profile-form.js';

/** Which record the enrollment is for: a new one (3a) or one found and previewed (3b). */
export type Subject =
  | { kind: 'new' }
  | {
      kind: 'existing';
      learnerId: string;
      /** Outside the school's scope the profile is not shown: only what proves uniqueness. */
      inScope: boolean;
      original: ProfileDraft | null;
      version: number | null;
      lrn: string | null;
      name: string;
    };

/** What a tab keeps of an enrolment form across a reload and Back (form-drafts.ts says where). */
export interface StoredFlow<D> {
  /** The shape below; a draft of another shape (an older build of the page) is not read. */
  version: 1;
  subject: Subject;
  draft: ProfileDraft;
  details: D;
  edited: boolean;
  /** The request's idempotency key: sent again after a reload, the enrolment still acts once. */
  key: string;
}

/** The form this account left on this screen in this tab, if any. */
export function storedFlow<D>(account: string | null, screen: string): StoredFlow<D> | null {
  if (!account) return null;
  const kept = readDraft(account, screen) as Partial<StoredFlow<D>> | null;
  if (kept?.version !== 1 || !kept.subject || !kept.draft || kept.details === undefined)
    return null;
  return kept as StoredFlow<D>;
}

/**
 * Keeps the form as it is typed, while the record's form is open; `dirty` says whether leaving
 * now would leave a half-filled form (LeaveWarning asks first); `forget` deletes the draft once
 * the form is saved or discarded, and keeps it deleted while the same record stays on screen.
 */
export function useFlowDraft<D>(
  account: string | null,
  screen: string,
  flow: Omit<StoredFlow<D>, 'version' | 'subject'> & { subject: Subject | null; open: boolean },
) {
  const dirty = useRef(false);
  const shown = useRef<Subject | null>(null);
  const forgotten = useRef<Subject | null>(null);
  const { subject, draft, details, edited, key, open } = flow;
  useEffect(() => {
    shown.current = subject;
    dirty.current = open && edited && subject !== forgotten.current;
    if (account && open && subject && subject !== forgotten.current)
      writeDraft(account, screen, { version: 1, subject, draft, details, edited, key });
  }, [account, screen, open, subject, draft, details, edited, key]);
  return {
    dirty,
    forget: () => {
      dirty.current = false;
      forgotten.current = shown.current;
      if (account) deleteDraft(account, screen);
    },
  };
}
