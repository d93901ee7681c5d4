import { openTestCore } from '../support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { startAnthropicFake } from '../fakes/anthropic-fake';
import { startBedrockFake } from '../fakes/bedrock-fake';
import type { FakeServer } from '../fakes/fake-http';
import type { FakeReply } from '../fakes/fake-reply';
import { startOllamaFake } from '../fakes/ollama-fake';
import { startOpenAiFake } from '../fakes/openai-fake';
import { tempDir } from '../support/temp-dir';

const fakes: Record<string, FakeServer> = {};
let core: Core;

beforeAll(async () => {
  fakes.openai = await startOpenAiFake();
  fakes.anthropic = await startAnthropicFake();
  fakes.bedrock = await startBedrockFake();
  fakes.local = await startOllamaFake();
  const dataDir = tempDir('assay-costs-');
  core = await openTestCore(dataDir, {
    OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
    OPENAI_API_KEY: 'sk-costs-openai-000000',
    ANTHROPIC_BASE_URL: fakes.anthropic.url,
    ANTHROPIC_API_KEY: 'sk-ant-costs-000000000',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fakes.bedrock.url,
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_REGION: 'us-east-1',
    ASSAY_LOCAL_BASE_URL: `${fakes.local.url}/v1`,
  });
});

afterAll(async () => {
  await core.close();
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const reply =
  (usage: FakeReply['usage']): FakeServer['reply'] =>
  () => ({ text: 'priced', toolCalls: [], usage });

// Hand-computed from the published prices (USD per 1M tokens), as pico-dollars:
// - gpt-4o (2.50 in, 1.25 cached, 10.00 out): 1000 in + 500 cached + 200 out
//     = (2500 + 625 + 2000) / 1M = $0.005125 = 5,125,000,000 pico-USD
// - claude-haiku-4-5 (1.00 in, 0.10 cache read, 1.25 cache write, 5.00 out):
//     2000 in + 3000 read + 1000 write + 400 out = 2000 + 300 + 1250 + 2000 = $0.00555
// - us.anthropic.claude-3-5-haiku on Bedrock (0.80 in, 0.08 read, 1.00 write, 4.00 out):
//     10000 in + 4000 read + 0 write + 1000 out = 8000 + 320 + 4000 = $0.01232
// - a local model priced at 0 by override: $0; without a price: null (unpriced).
const CASES = [
  {
    provider: 'openai',
    model: 'gpt-4o',
    usage: {
      inputTokens: 1000,
      cacheReadTokens: 500,
      cacheWriteTokens: 0,
      outputTokens: 200,
      reasoningTokens: 0,
    },
    pico: 5_125_000_000,
  },
  {
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    usage: {
      inputTokens: 2000,
      cacheReadTokens: 3000,
      cacheWriteTokens: 1000,
      outputTokens: 400,
      reasoningTokens: 0,
    },
    pico: 5_550_000_000,
  },
  {
    provider: 'bedrock',
    model: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    usage: {
      inputTokens: 10000,
      cacheReadTokens: 4000,
      cacheWriteTokens: 0,
      outputTokens: 1000,
      reasoningTokens: 0,
    },
    pico: 12_320_000_000,
  },
] as const;

describe('cost of a call through each real SDK, from the provider-reported usage', () => {
  it.each(CASES)(
    '$provider $model costs exactly as computed by hand',
    async ({ provider, model, usage, pico }) => {
      fakes[provider]!.reply = reply(usage);
      const res = await core.dispatcher.dispatch(
        'llm.call',
        { provider, model, messages: [{ role: 'user', content: `price ${model}` }] },
        { transport: 'cli' },
      );
      expect(res).toMatchObject({
        ok: true,
        data: {
          costPicoUsd: pico,
          usage: {
            inputTokens: usage.inputTokens,
            cacheReadTokens: usage.cacheReadTokens,
            outputTokens: usage.outputTokens,
          },
        },
      });
    },
  );

  it('a local model is unpriced (null) until priced at 0 explicitly', async () => {
    const call = (content: string) =>
      core.dispatcher.dispatch(
        'llm.call',
        { provider: 'local', model: 'llama3.2:3b', messages: [{ role: 'user', content }] },
        { transport: 'cli' },
      );
    expect(await call('first')).toMatchObject({
      ok: true,
      data: { costPicoUsd: null, costUsd: null },
    });
    await core.dispatcher.dispatch(
      'prices.set',
      { provider: 'local', model: 'llama3.2:3b', input: '0', output: '0' },
      { transport: 'cli' },
    );
    expect(await call('second')).toMatchObject({ ok: true, data: { costPicoUsd: 0 } });
  });

  it('exposes calls, tokens, cost and latency as Prometheus metrics', async () => {
    const text = await core.services.llm.metrics.registry.metrics();
    expect(text).toMatch(
      /assay_llm_calls_total\{provider="openai",model="gpt-4o",status="ok"\} \d+/,
    );
    expect(text).toMatch(
      /assay_llm_tokens_total\{provider="anthropic",model="claude-haiku-4-5",type="cache_write"\} 1000/,
    );
    expect(text).toMatch(
      /assay_llm_cost_usd_total\{provider="bedrock",model="us\.anthropic\.claude-3-5-haiku-20241022-v1:0"\} 0\.01232/,
    );
    expect(text).toMatch(
      /assay_llm_unpriced_calls_total\{provider="local",model="llama3\.2:3b"\} 1/,
    );
    expect(text).toMatch(
      /assay_llm_latency_seconds_bucket\{le="0\.05",provider="openai",model="gpt-4o",status="ok"\}/,
    );
  });
});
