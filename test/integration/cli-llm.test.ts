import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerModelsSchema } from '../../shared/contract';
import { parseJson } from '../support/parse-json';
import type { FakeServer } from '../fakes/fake-http';
import { startOpenAiFake } from '../fakes/openai-fake';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

let fake: FakeServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  fake = await startOpenAiFake({ streamGapMs: 2 });
  env = {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-cli-test-0000000000',
    ASSAY_HOME: tempDir('assay-cli-llm-'),
  };
});
afterAll(() => fake.close());

describe('assay call and assay models', () => {
  it('prints the reply and a summary line', async () => {
    const res = await runCli(
      ['call', '--provider', 'openai', '--model', 'gpt-4o-mini', '--message', 'hello there'],
      env,
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('Echo: hello there\n');
    expect(res.stderr).toMatch(
      /^openai:gpt-4o-mini · \d+ in \/ \d+ out tokens · \$[\d.e-]+ · \d+ ms · span [0-9a-f-]{36}\n$/,
    );
  });

  it('streams with --stream and prints one JSON object with --json', async () => {
    const res = await runCli(
      [
        'call',
        '--provider',
        'openai',
        '--model',
        'gpt-4o',
        '--system',
        'terse',
        '--message',
        'json please',
        '--stream',
        '--json',
        '--no-cache',
      ],
      env,
    );
    expect(res.code).toBe(0);
    const out = parseJson(z.record(z.string(), z.unknown()), res.stdout, 'call --json');
    expect(out).toMatchObject({
      text: 'Echo: json please',
      cacheHit: false,
      usage: { inputTokens: expect.any(Number) },
    });
    for (const key of ['text', 'usage', 'costUsd', 'latencyMs', 'spanId'])
      expect(out).toHaveProperty(key);
    expect(res.stderr).toBe('Echo: json please');
  });

  it('exits 2 naming the field for a bad provider, and 1 for a provider failure', async () => {
    const bad = await runCli(
      ['call', '--provider', 'cohere', '--model', 'x', '--message', 'hi'],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/VALIDATION_FAILED: llm\.call: invalid "provider"/);
    const noKey = await runCli(
      ['call', '--provider', 'anthropic', '--model', 'claude-sonnet-4-5', '--message', 'hi'],
      {
        ...env,
        ANTHROPIC_API_KEY: '',
      },
    );
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/PROVIDER_AUTH: anthropic: no API key/);
  });

  it('lists models with prices, and marks unpriced ones', async () => {
    const table = await runCli(['models', '--provider', 'openai'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/openai\s+│\s+gpt-4o\s+│\s+\$2\.50\s+│\s+\$10\.00/);
    expect(table.stdout).toContain('Prices in USD per 1M tokens.');
    const json = await runCli(['models', '--provider', 'bedrock', '--no-live', '--json'], env);
    const parsed = parseJson(
      z.object({ providers: z.array(providerModelsSchema) }),
      json.stdout,
      'models --json',
    );
    expect(parsed.providers[0]).toMatchObject({ provider: 'bedrock', source: 'catalog' });
    expect(parsed.providers[0]!.models.map((m) => m.id)).toContain(
      'mistral.mixtral-8x7b-instruct-v0:1',
    );
  });
});
