import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { UNREACHABLE_STREAK } from '../../main/evals/runs/runner';
import type { RunView } from '../../shared/contract';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

const CASES = 50;
let fake: FakeServer;
let dataDir: string;

/** A loopback port with nothing listening on it: connections are refused. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  dataDir = tempDir('assay-evals-unreachable-');
});
afterAll(async () => {
  await fake.close();
});

describe('a run whose provider cannot be reached', () => {
  it(`stops after ${UNREACHABLE_STREAK} cases in a row, keeps nothing false, and resumes in full`, async () => {
    const down = await openTestCore(dataDir, {
      OPENAI_BASE_URL: `http://127.0.0.1:${await deadPort()}/v1`,
      OPENAI_API_KEY: 'sk-evals-unreachable-000',
    });
    const cases = Array.from(
      { length: CASES },
      (_, i) => `  - vars: { n: "${i}" }\n    matchers: [{ type: contains, value: "${i}" }]`,
    );
    await call(down, 'datasets.import', {
      name: 'numbers',
      format: 'yaml',
      content: `test_cases:\n${cases.join('\n')}\n`,
    });
    const started = await call<{ runs: RunView[] }>(down, 'evals.start', {
      dataset: 'numbers',
      prompt: { template: 'Say {{n}}' },
      targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      concurrency: 5,
    });
    const id = started.runs[0]!.id;
    const failed = await down.services.runs.wait(id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain(`${UNREACHABLE_STREAK} cases in a row could not reach openai`);
    // The unreachable cases are not stored as case errors: a resume runs them.
    expect(failed.totals.results).toBe(0);
    await down.close();

    const up = await openTestCore(dataDir, {
      OPENAI_BASE_URL: `${fake.url}/v1`,
      OPENAI_API_KEY: 'sk-evals-unreachable-000',
    });
    try {
      await call(up, 'evals.resume', { runId: id });
      const resumed = await up.services.runs.wait(id);
      expect(resumed.status).toBe('completed');
      expect(resumed.totals).toMatchObject({ results: CASES, pass: CASES, error: 0 });
    } finally {
      await up.close();
    }
  });

  it('stores the failures as case errors when too few cases fail to call the provider down', async () => {
    const core = await openTestCore(tempDir('assay-evals-unreachable-few-'), {
      OPENAI_BASE_URL: `http://127.0.0.1:${await deadPort()}/v1`,
      OPENAI_API_KEY: 'sk-evals-unreachable-000',
    });
    try {
      await call(core, 'datasets.import', {
        name: 'three',
        format: 'yaml',
        content: 'test_cases:\n  - input: a\n  - input: b\n  - input: c\n',
      });
      const started = await call<{ runs: RunView[] }>(core, 'evals.start', {
        dataset: 'three',
        prompt: { template: '{{input}}' },
        targets: [{ provider: 'openai', model: 'gpt-4o-mini' }],
      });
      const run = await core.services.runs.wait(started.runs[0]!.id);
      expect(run.status).toBe('completed');
      expect(run.totals).toMatchObject({ results: 3, error: 3, pass: 0 });
    } finally {
      await core.close();
    }
  });
});
