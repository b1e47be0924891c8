import { Role } from '@repo/domain/access';
import { isLrn } from '@repo/domain/lrn';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, insertTestLearner, openTestDataSource } from '../../../test/harness.js';
import { type Viewer } from '../auth/viewer.js';
import { inViewerScope } from '../../db/scoped.js';
import { issueLrn } from './lrn-issuance.js';

let dataSource: DataSource;
let registrar: Viewer;
let accountId: string;
const schoolId = 500743;

beforeAll(async () => {
  dataSource = await openTestDataSource();
  const account = await createTestAccount(dataSource, Role.SCHOOL_REGISTRAR, { schoolId });
  accountId = account.id;
  registrar = {
    accountId,
    username: account.username,
    role: Role.SCHOOL_REGISTRAR,
    scope: { kind: 'SCHOOL', schoolId },
  };
});
afterAll(() => dataSource.destroy());

const issue = (who: Viewer, learnerId: string) =>
  inViewerScope(dataSource, who, (m) => issueLrn(m, who, learnerId));

describe('LRN issuance (DO 03 s. 2018 §VI)', () => {
  it('issues a 12-digit LRN once; asking again returns the same one', async () => {
    const learner = await insertTestLearner(dataSource, accountId, schoolId);
    const first = await issue(registrar, learner);
    const again = await issue(registrar, learner);
    expect(first).toMatchObject({ ok: true, issued: true });
    expect(first.ok && isLrn(first.lrn)).toBe(true);
    expect(again).toEqual({ ok: true, lrn: first.ok ? first.lrn : '', issued: false });
  });

  it('gives one learner exactly one LRN under 20 concurrent issuances', async () => {
    const learner = await insertTestLearner(dataSource, accountId, schoolId);
    const results = await Promise.all(Array.from({ length: 20 }, () => issue(registrar, learner)));
    const lrns = new Set(results.map((r) => (r.ok ? r.lrn : null)));
    expect(lrns.size).toBe(1);
    expect(results.filter((r) => r.ok && r.issued)).toHaveLength(1);
    const [audits] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) n FROM audit_event WHERE action = 'LRN_ISSUED' AND entity_id = $1`,
      [learner],
    );
    expect(audits!.n).toBe('1');
  });

  it('gives different learners different LRNs', async () => {
    const learners = await Promise.all(
      Array.from({ length: 10 }, () => insertTestLearner(dataSource, accountId, schoolId)),
    );
    const results = await Promise.all(learners.map((id) => issue(registrar, id)));
    expect(new Set(results.map((r) => (r.ok ? r.lrn : null))).size).toBe(10);
  });

  it('cannot reach a learner of another school', async () => {
    const elsewhere = await insertTestLearner(dataSource, accountId, 300001);
    expect(await issue(registrar, elsewhere)).toEqual({ ok: false, code: 'LEARNER_NOT_FOUND' });
    const [row] = await dataSource.query<{ lrn: string | null }[]>(
      'SELECT lrn FROM learner WHERE id = $1',
      [elsewhere],
    );
    expect(row!.lrn).toBeNull();
  });

  it('is refused by the database if anything tried to give a second, different LRN', async () => {
    const learner = await insertTestLearner(dataSource, accountId, schoolId);
    const first = await issue(registrar, learner);
    const other = await insertTestLearner(dataSource, accountId, schoolId);
    await expect(
      dataSource.query('UPDATE learner SET lrn = $1 WHERE id = $2', [
        first.ok ? first.lrn : '',
        other,
      ]),
    ).rejects.toThrow(/duplicate key/);
  });
});
