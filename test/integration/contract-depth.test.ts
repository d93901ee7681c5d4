import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { tempDirKept } from '../support/temp-dir-kept';
import fs from 'node:fs';

let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDirKept('assay-contract-depth-');
  core = await openTestCore(dataDir, {});
});
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A value `n` arrays deep, built without recursion (as IPC's structured clone delivers it). */
function nestedArrays(n: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < n; i++) value = [value];
  return value;
}

describe('the dispatcher and deep values (IPC and in-process callers)', () => {
  it('answers a value 100,000 deep with VALIDATION_FAILED naming the field and the limit', async () => {
    await core.dispatcher.dispatch('datasets.create', { name: 'deep' }, { transport: 'ipc' });
    const input = {
      dataset: 'deep',
      cases: [{ vars: { q: 'x' }, expected: nestedArrays(100_000) }],
    };
    const res = await core.dispatcher.dispatch('cases.add', input, { transport: 'ipc' });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message:
          'cases.add: invalid "cases.0.expected.0.0.0…": nests more than 100 levels deep (the limit is 100)',
        details: {
          issues: [
            {
              path: 'cases.0.expected.0.0.0…',
              message: 'nests more than 100 levels deep (the limit is 100)',
            },
          ],
        },
      },
    });
    const cases = await core.dispatcher.dispatch(
      'cases.list',
      { dataset: 'deep' },
      { transport: 'ipc' },
    );
    expect(cases).toMatchObject({ ok: true, data: { total: 0 } });
  });

  it('still takes a value at the limit', async () => {
    await core.dispatcher.dispatch('datasets.create', { name: 'at-limit' }, { transport: 'ipc' });
    const input = {
      dataset: 'at-limit',
      cases: [{ vars: { q: 'x' }, expected: nestedArrays(96) }],
    };
    const res = await core.dispatcher.dispatch('cases.add', input, { transport: 'ipc' });
    expect(res.ok).toBe(true);
  });
});
