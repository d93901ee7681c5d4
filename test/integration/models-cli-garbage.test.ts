import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerModelsSchema } from '../../shared/contract';
import { parseJson } from '../support/parse-json';
import { startRawReplyFake, type RawReplyFake } from '../fakes/raw-reply-fake';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/** `assay models` against providers that answer their listing with garbage. */

let fake: RawReplyFake;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startRawReplyFake();
  env = {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-models-cli-garbage-0000',
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_API_KEY: 'sk-ant-models-cli-garbage-0000',
    AWS_ENDPOINT_URL_BEDROCK: fake.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
    AWS_ACCESS_KEY_ID: 'AKIDMODELSCLITEST',
    AWS_SECRET_ACCESS_KEY: 'models-cli-secret',
    AWS_REGION: 'us-east-1',
    ASSAY_LOCAL_BASE_URL: `${fake.url}/v1`,
  };
});
afterAll(() => fake.close());

const FALLBACK_LINE =
  /^(openai|anthropic|bedrock|local): live listing failed \((.+)\); showing the catalog\.$/;

const providersSchema = z.object({ providers: z.array(providerModelsSchema) });
describe('assay models against garbage listings', () => {
  it('shows the catalog with one line per provider saying why', async () => {
    fake.raw = {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data: 'gpt-4o', modelSummaries: 'x', models: 'y' }),
    };
    const res = await runCli(['models', '--data-dir', tempDir('assay-models-cli-')], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/openai\s+│\s+gpt-4o\s+│\s+\$2\.50/);
    // Only the fallback lines: the AWS SDK may add its own Node version notice.
    const lines = res.stderr.split('\n').filter((l) => l.includes('live listing'));
    expect(lines.map((l) => FALLBACK_LINE.exec(l)?.[1])).toEqual([
      'openai',
      'anthropic',
      'bedrock',
      'local',
    ]);
    for (const line of lines) expect(line).not.toMatch(/\{|\[|Cannot read/);
    expect(res.stderr).not.toMatch(/ZodError|INTERNAL|\n\s+at /);
  });

  it('lists an Anthropic-compatible server whose models have no display name', async () => {
    fake.raw = {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data: [{ id: 'claude-proxy-1', type: 'model' }], has_more: false }),
    };
    const res = await runCli(
      ['models', '--provider', 'anthropic', '--json', '--data-dir', tempDir('assay-models-cli-')],
      env,
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const out = parseJson(providersSchema, res.stdout, 'models --json');
    expect(out.providers[0]!.source).toBe('live');
    expect(out.providers[0]!.models).toMatchObject([
      { id: 'claude-proxy-1', name: 'claude-proxy-1' },
    ]);
  });
});
