import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExampleWorkspace, LocalServer, RunView } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { detectLocalServers } from '../../main/system/detect-local-servers';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

// The first-run channels: the example workspace, loaded through the prompt and suite imports
// and passing against a model that repeats the question (the fake echoes it), and the probe for
// local model servers.
let fake: FakeServer;
let core: Core;

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const res = await core.dispatcher.dispatch(channel, input, { transport: 'http' });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

beforeAll(async () => {
  fake = await startOpenAiFake();
  fake.record = false;
  core = await openTestCore(tempDir('assay-system-example-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-system-example-0000000000',
    // The configured local server is the fake: the probe must find it on its own port.
    ASSAY_LOCAL_BASE_URL: `${fake.url}/v1`,
  });
});
afterAll(async () => {
  await core.close();
  await fake.close();
});

describe('system.loadExample', () => {
  it('imports a composed prompt, a dataset and a suite into an empty workbench, once', async () => {
    const first = await call<ExampleWorkspace>('system.loadExample');
    // The component first: the composition that references it is imported after it.
    expect(first.prompts).toEqual([
      { name: 'example/support-voice', status: 'created' },
      { name: 'example/support-reply', status: 'created' },
    ]);
    expect(first.dataset).toEqual({ name: 'suite/example-support', cases: 3, changed: true });
    expect(first.run).toEqual({
      prompt: { name: 'example/support-reply', label: 'production' },
      dataset: 'suite/example-support',
      models: [{ provider: 'openai', model: 'gpt-4o-mini' }],
    });

    // The composition renders its component (the system message) and its own template.
    const rendered = await call<{ messages: { role: string; content: string }[] }>(
      'prompts.render',
      {
        name: 'example/support-reply',
        label: 'production',
        variables: { product: 'Acme Router', question: 'How do I reset my password?' },
      },
    );
    expect(rendered.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(rendered.messages[0]!.content).toContain('support assistant of Acme Router');
    expect(rendered.messages[1]!.content).toContain('How do I reset my password?');

    const again = await call<ExampleWorkspace>('system.loadExample');
    expect(again.prompts.every((p) => p.status === 'unchanged')).toBe(true);
    expect(again.dataset).toEqual({ name: 'suite/example-support', cases: 3, changed: false });
    const { prompts } = await call<{ prompts: { name: string }[] }>('prompts.list');
    expect(prompts.map((p) => p.name).sort()).toEqual([
      'example/support-reply',
      'example/support-voice',
    ]);
    const datasets = await call<{ datasets: { name: string }[] }>('datasets.list');
    expect(datasets.datasets.map((d) => d.name)).toEqual(['suite/example-support']);
  });

  it('passes every case when the model answers with the key words of the question', async () => {
    const { run } = await call<ExampleWorkspace>('system.loadExample');
    const started = await call<{ runs: RunView[] }>('evals.start', {
      dataset: run.dataset,
      prompt: run.prompt,
      targets: run.models,
    });
    const done = await core.services.runs.wait(started.runs[0]!.id);
    expect(done).toMatchObject({
      status: 'completed',
      totals: { cases: 3, pass: 3, fail: 0, error: 0, unscored: 0, passRate: 1 },
    });
  });
});

describe('system.detectLocalServers', () => {
  it('finds the configured local server by its model listing, on any port', async () => {
    const { servers } = await call<{ servers: LocalServer[] }>('system.detectLocalServers');
    const configured = servers.find((s) => s.baseUrl === `${fake.url}/v1`);
    expect(configured).toEqual({
      kind: 'configured',
      baseUrl: `${fake.url}/v1`,
      models: ['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-5'],
    });
  });

  it('skips closed ports, servers that are not OpenAI-compatible, slow ones and other hosts', async () => {
    // Answers, but not with a model listing.
    const html = http.createServer((_req, res) => res.end('<html>hello</html>'));
    // Never answers within the timeout.
    const slow = http.createServer(() => undefined);
    await Promise.all(
      [html, slow].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))),
    );
    const port = (s: http.Server) => (s.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const found = await detectLocalServers(
        [
          { kind: 'ollama', baseUrl: `${fake.url}/v1/` },
          { kind: 'configured', baseUrl: `${fake.url}/v1` },
          { kind: 'lmstudio', baseUrl: `http://127.0.0.1:${port(html)}/v1` },
          { kind: 'llamacpp', baseUrl: `http://127.0.0.1:${port(slow)}/v1` },
          { kind: 'vllm', baseUrl: 'http://127.0.0.1:9/v1' },
          { kind: 'configured', baseUrl: 'http://192.0.2.1:11434/v1' },
        ],
        300,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      // One entry per address, named by the first candidate that has it.
      expect(found).toEqual([
        { kind: 'ollama', baseUrl: `${fake.url}/v1`, models: expect.any(Array) },
      ]);
    } finally {
      slow.closeAllConnections();
      await Promise.all([html, slow].map((s) => new Promise((r) => s.close(r))));
    }
  });
});
