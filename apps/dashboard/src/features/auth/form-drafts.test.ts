import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDrafts, deleteDraft, readDraft, writeDraft } from './form-drafts.js';
import { endSession } from './session.js';

// Drafts of half-filled forms hold a learner's personal data (issue 21): this tab only, one
// account's, gone at sign-out.
beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

const form = { lastName: 'Dela Cruz', birthDate: '2019-05-05' };

describe('form drafts', () => {
  it('are kept per account and screen, in this tab’s sessionStorage only', () => {
    writeDraft('registrar1', 'school:2026-2027', form);
    expect(readDraft('registrar1', 'school:2026-2027')).toEqual(form);
    expect(readDraft('registrar1', 'als:2026-2027')).toBeNull();
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('are never read by another account: its reading drops them', () => {
    writeDraft('registrar1', 'school:2026-2027', form);
    expect(readDraft('head1', 'school:2026-2027')).toBeNull();
    expect(readDraft('registrar1', 'school:2026-2027')).toBeNull();
  });

  it('are deleted once saved or discarded, and every one at sign-out', async () => {
    writeDraft('registrar1', 'school:2026-2027', form);
    writeDraft('registrar1', 'als:2026-2027', form);
    deleteDraft('registrar1', 'school:2026-2027');
    expect(readDraft('registrar1', 'school:2026-2027')).toBeNull();
    sessionStorage.setItem('unrelated', 'kept');
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('{"data":{"logout":true}}'))),
    );
    await endSession('/graphql');
    expect(Object.keys(sessionStorage)).toEqual(['unrelated']);
    clearDrafts();
    expect(sessionStorage.getItem('unrelated')).toBe('kept');
  });

  it('read as nothing when unreadable', () => {
    sessionStorage.setItem('deped.draft:registrar1:school:2026-2027', '{not json');
    expect(readDraft('registrar1', 'school:2026-2027')).toBeNull();
  });
});
