import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCaseView } from '../../shared/contract';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { tempDir } from '../support/temp-dir';

/**
 * `cases.update` and `cases.delete` with the dataset named (as `assay cases update DATASET
 * CASE_ID` sends it): a case of another dataset is NOT_FOUND and stays as it was.
 */

let core: Core;
type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
const dispatch = (channel: string, input: unknown) =>
  core.dispatcher.dispatch(channel, input, { transport: 'cli' }) as Promise<Answer>;

let theirs: TestCaseView;

beforeAll(async () => {
  core = await openTestCore(tempDir('assay-cases-scoped-'), {});
  for (const name of ['mine', 'theirs'])
    await dispatch('datasets.create', { name, interactionType: 'chat' });
  const added = await dispatch('cases.add', {
    dataset: 'theirs',
    cases: [{ vars: { q: 'keep me' }, expected: 'kept' }],
  });
  theirs = (added as { data: { cases: TestCaseView[] } }).data.cases[0]!;
});
afterAll(async () => {
  await core.close();
});

describe('cases scoped to a dataset', () => {
  it('refuses to edit or delete a case through another dataset', async () => {
    const update = await dispatch('cases.update', {
      id: theirs.id,
      dataset: 'mine',
      expected: 'changed',
    });
    expect(update).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `cases.update: no test case with id "${theirs.id}" in dataset "mine"`,
      },
    });
    const del = await dispatch('cases.delete', { id: theirs.id, dataset: 'mine' });
    expect(del).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const page = await dispatch('cases.list', { dataset: 'theirs' });
    expect((page as { data: { cases: TestCaseView[] } }).data.cases).toMatchObject([
      { id: theirs.id, expected: 'kept', revision: 1 },
    ]);
  });

  it('edits and deletes a case through its own dataset', async () => {
    const update = await dispatch('cases.update', {
      id: theirs.id,
      dataset: 'theirs',
      expected: 'changed',
    });
    expect(update).toMatchObject({ ok: true, data: { expected: 'changed', revision: 2 } });
    expect(await dispatch('cases.delete', { id: theirs.id, dataset: 'theirs' })).toEqual({
      ok: true,
      data: { deleted: true },
    });
  });
});
