import { describe, expect, it } from 'vitest';
import {
  approveMergeAs,
  awaitsDivision,
  divisionsRequiredForMerge,
  isMergeApproved,
  mayDecideMerge,
} from './merge-approval.js';

const A = 101;
const B = 202;
const C = 303;

describe('divisionsRequiredForMerge (issue 18; RA 10173 §11, §20: each division answers for its schools)', () => {
  it.each([
    ['one division holds both records', [A, A], [A]],
    ['two divisions, once each, in order', [B, A, B], [A, B]],
    ['three divisions', [C, A, B], [A, B, C]],
    ['no holding school (nothing to approve)', [], []],
  ])('%s', (_, holding, required) => {
    expect(divisionsRequiredForMerge(holding)).toEqual(required);
  });
});

describe('approveMergeAs (issue 18: every involved division approves; the last one completes it)', () => {
  it.each([
    ['single division: its approval completes it', [A], [], A, { counted: true, complete: true }],
    [
      'two divisions: the first approval does not',
      [A, B],
      [],
      A,
      { counted: true, complete: false },
    ],
    ['two divisions: the last approval does', [A, B], [A], B, { counted: true, complete: true }],
    ['approving twice counts once', [A, B], [A], A, { counted: false, complete: false }],
    ['a repeat after completion stays complete', [A], [A], A, { counted: false, complete: true }],
  ])('%s', (_, required, approved, division, outcome) => {
    expect(
      approveMergeAs({ requiredDivisionIds: required, approvedDivisionIds: approved }, division),
    ).toMatchObject({ ok: true, ...outcome });
  });

  it.each([
    ['a division of no holding school', [A], [], B],
    ['a third division of a two-division merge', [A, B], [A], C],
  ])('refuses %s (MERGE_APPROVAL_NOT_REQUIRED)', (_, required, approved, division) => {
    expect(
      approveMergeAs({ requiredDivisionIds: required, approvedDivisionIds: approved }, division),
    ).toEqual({ ok: false, code: 'MERGE_APPROVAL_NOT_REQUIRED' });
  });

  it('lists each approving division once, in order', () => {
    expect(approveMergeAs({ requiredDivisionIds: [A, B], approvedDivisionIds: [B] }, A)).toEqual({
      ok: true,
      approvedDivisionIds: [A, B],
      counted: true,
      complete: true,
    });
  });
});

describe('isMergeApproved, mayDecideMerge, awaitsDivision (issue 18)', () => {
  it.each([
    ['all required approved', [A, B], [B, A], true],
    ['one missing', [A, B], [A], false],
    ['an approval from outside does not stand in', [A, B], [A, C], false],
    ['nothing required is never approved', [], [], false],
  ])('isMergeApproved: %s', (_, required, approved, expected) => {
    expect(isMergeApproved({ requiredDivisionIds: required, approvedDivisionIds: approved })).toBe(
      expected,
    );
  });

  it.each([
    ['a required division', A, true],
    ['another division', C, false],
    ['no division (a school)', null, false],
  ])('mayDecideMerge: %s', (_, division, expected) => {
    expect(mayDecideMerge({ requiredDivisionIds: [A, B], approvedDivisionIds: [] }, division)).toBe(
      expected,
    );
  });

  it.each([
    ['pending, required, not yet approved', true, [A], B, true],
    ['pending, already approved', true, [A, B], B, false],
    ['decided', false, [], B, false],
    ['not required', true, [], C, false],
    ['a school viewer', true, [], null, false],
  ])('awaitsDivision: %s', (_, pending, approved, division, expected) => {
    expect(
      awaitsDivision(
        pending,
        { requiredDivisionIds: [A, B], approvedDivisionIds: approved },
        division,
      ),
    ).toBe(expected);
  });
});
