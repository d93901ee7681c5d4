import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp-dir';
import type { Kysely } from 'kysely';
import type { DB } from '../../../store/schema';
import type { PageEnv, PageRequest } from './page-request';
import { workerPages } from './page-runner';

/** A worker script standing in for the real one, to see what the runner does when it fails. */
function fakeWorker(source: string): { url: URL; typescript: boolean } {
  const file = path.join(tempDir(), 'fake-grading-worker.mjs');
  fs.writeFileSync(file, source);
  return { url: pathToFileURL(file), typescript: false };
}

/** Reads nothing: a walk over it is an empty page (enough to see where a page ran). */
const emptyEnv: PageEnv = {
  db: {} as Kysely<DB>,
  interactionsAfter: async () => [],
  facts: {
    promptName: async () => null,
    spans: async () => [],
    interaction: async () => null,
  },
  signal: new AbortController().signal,
};

const walk: PageRequest = {
  kind: 'walk',
  after: { createdAt: '', id: '' },
  horizon: undefined,
  spec: {
    rule: {
      id: 'rule-1',
      name: 'r',
      scorecardId: 'card-1',
      filter: {},
      sampling: 1,
      dailyBudgetPicoUsd: null,
      enabled: true,
      archived: false,
      createdAt: '',
      updatedAt: '',
    },
    plan: [],
    now: new Date(0).toISOString(),
    pageSize: 10,
    concurrency: 2,
  },
};

const data = {
  file: 'unused',
  nativeBinding: null,
  vecExtensionPath: null,
  instanceId: 'x',
  writeGate: new SharedArrayBuffer(4),
};

/** A runner over a fake worker that says it is ready, then does `onRequest` (JS, `m` the request). */
function runnerOver(onRequest: string) {
  return workerPages(
    emptyEnv,
    data,
    fakeWorker(`
      import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ kind: 'ready' });
      parentPort.on('message', (m) => {
        if (m === 'close') process.exit(0);
        ${onRequest}
      });
    `),
  );
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('model-free pages on the grading worker', () => {
  it('runs pages here while the worker starts, then there', async () => {
    const runner = runnerOver(
      `parentPort.postMessage({ kind: 'done', id: m.id, result: { from: 'worker', kind: m.request.kind } });`,
    );
    const first = await runner.run(walk);
    expect(first.storedMs).toBeNull();
    expect(first.empty).toBe(true);
    await until(() => runner.state === 'worker');
    expect(await runner.run(walk)).toEqual({ from: 'worker', kind: 'walk' });
    await runner.close();
  });

  it('fails a page the worker died with (it may have stored it), and runs the next ones here', async () => {
    // Dies on its first request without answering.
    const runner = runnerOver('process.exit(3);');
    await runner.run(walk);
    await until(() => runner.state === 'worker');
    await expect(runner.run(walk)).rejects.toThrow('grading worker stopped before answering');
    expect(runner.state).toBe('in-thread');
    const next = await runner.run(walk);
    expect(next.storedMs).toBeNull();
    await runner.close();
  });

  it('reports a refused page with its coded error', async () => {
    const runner = runnerOver(
      `parentPort.postMessage({ kind: 'refused', id: m.id, error: { code: 'STORE_UNAVAILABLE', message: 'disk full' } });`,
    );
    await runner.run(walk);
    await until(() => runner.state === 'worker');
    await expect(runner.run(walk)).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: 'disk full',
    });
    await runner.close();
  });

  it('runs here for good when the worker cannot open the database', async () => {
    const runner = workerPages(
      emptyEnv,
      data,
      fakeWorker(`
        import { parentPort } from 'node:worker_threads';
        parentPort.postMessage({ kind: 'failed-to-open', message: 'no such file' });
        process.exit(0);
      `),
    );
    await runner.run(walk);
    await until(() => runner.state === 'in-thread');
    expect((await runner.run(walk)).storedMs).toBeNull();
    await runner.close();
  });
});
