import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput, ProviderId } from '../../shared/contract';
import { openTestCore } from '../support/test-database';
import type { Core } from '../../main/app/create-core';
import { startRawReplyFake, type RawReply, type RawReplyFake } from '../fakes/raw-reply-fake';
import { tempDir } from '../support/temp-dir';

/**
 * `models.list` (what `assay models` and the Settings page's "Show models" call) against
 * providers whose listing endpoint answers garbage: every provider's live listing must fall back
 * to the catalog with a one-line reason, or list what it can, and never let a validation dump,
 * a JSON body or a stack trace reach the caller.
 */

const PROVIDERS: readonly ProviderId[] = ['openai', 'anthropic', 'bedrock', 'local'];
type Listing = ChannelOutput<'models.list'>['providers'][number];

let fake: RawReplyFake;
let core: Core;

beforeAll(async () => {
  fake = await startRawReplyFake();
  core = await openTestCore(tempDir('assay-listing-garbage-'), {
    OPENAI_BASE_URL: `${fake.url}/v1`,
    OPENAI_API_KEY: 'sk-garbage-test-000000000',
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_API_KEY: 'sk-ant-garbage-test-000000',
    AWS_ENDPOINT_URL_BEDROCK: fake.url,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fake.url,
    AWS_ACCESS_KEY_ID: 'AKIDGARBAGETEST',
    AWS_SECRET_ACCESS_KEY: 'garbage-test-secret',
    AWS_REGION: 'us-east-1',
    ASSAY_LOCAL_BASE_URL: `${fake.url}/v1`,
  });
});

afterAll(async () => {
  core.close();
  await fake.close();
});

const json = (body: string, status = 200): RawReply => ({
  status,
  contentType: 'application/json',
  body,
});

/** The same value under every provider's list key (OpenAI, Anthropic and local: `data`, …). */
const underEveryKey = (value: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    data: value,
    modelSummaries: value,
    inferenceProfileSummaries: value,
    models: value,
    ...extra,
  });

const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** Over the 8 MB a listing may take: half a million well-formed entries. */
function hugeListing(): string {
  const entries = Array.from({ length: 450_000 }, (_, i) => `{"id":"m-${i}","modelId":"m-${i}"}`);
  return `{"data":[${entries.join(',')}]}`;
}

const GARBAGE: readonly [string, RawReply][] = [
  ['a body that is not JSON', json('{"data": [')],
  [
    'an HTML page with status 200',
    { status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' },
  ],
  ['an empty body', json('')],
  ['JSON null', json('null')],
  ['a bare array', json('[{"id":"gpt-4o"}]')],
  ['a number', json('42')],
  ['lists that are null', json(underEveryKey(null))],
  ['lists that are strings', json(underEveryKey('gpt-4o'))],
  ['lists that are objects', json(underEveryKey({ id: 'gpt-4o' }))],
  [
    'entries none of which fit',
    json(underEveryKey([null, 5, 'x', { id: 7, modelId: 7, name: 7 }, { id: '' }, []])),
  ],
  [
    'deeply nested lists',
    {
      status: 200,
      contentType: 'application/json',
      body: `{"data":${deep(50_000)},"modelSummaries":${deep(50_000)},"models":${deep(50_000)}}`,
    },
  ],
  ['a huge reply', json(hugeListing())],
  [
    'a 500 with an HTML page',
    {
      status: 500,
      contentType: 'text/html',
      body: '<html>\n<body>\n<h1>502 Bad Gateway</h1>\n</body>\n</html>',
    },
  ],
];

async function listModels(provider: ProviderId): Promise<Listing> {
  const result = await core.dispatcher.dispatch(
    'models.list',
    { provider, live: true },
    { transport: 'http' },
  );
  // A failed channel here is exactly the bug: the caller would see an error instead of models.
  if (!result.ok) throw new Error(`models.list failed: ${result.error.code}`);
  const listing = (result.data as ChannelOutput<'models.list'>).providers[0];
  if (!listing) throw new Error('models.list returned no listing');
  return listing;
}

async function catalogIds(provider: ProviderId): Promise<string[]> {
  const result = await core.dispatcher.dispatch(
    'models.list',
    { provider, live: false },
    { transport: 'http' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as ChannelOutput<'models.list'>).providers[0]!.models.map((m) => m.id);
}

/** What a user may be shown: one short line, no validation dump, no JSON, no stack frame. */
function expectHumanLine(text: string): void {
  expect(text).not.toMatch(/\n/);
  expect(text.length).toBeLessThanOrEqual(400);
  expect(text).not.toMatch(/ZodError|"code"\s*:|\[\s*\{|\{\s*"|^\s*at |\.(ts|js):\d+/);
  expect(text).not.toMatch(/Cannot read properties|is not a function|is not iterable/);
}

describe('live model listing against garbage replies', () => {
  for (const [name, reply] of GARBAGE) {
    it(`falls back to the catalog with a reason for ${name}, for every provider`, async () => {
      fake.raw = reply;
      for (const provider of PROVIDERS) {
        const listing = await listModels(provider);
        expect({ provider, source: listing.source }).toEqual({ provider, source: 'catalog' });
        expect(listing.error, provider).toEqual(expect.any(String));
        expect(listing.error!.startsWith(`${provider}`), listing.error!).toBe(true);
        expectHumanLine(listing.error!);
        expect(listing.models.map((m) => m.id)).toEqual(await catalogIds(provider));
      }
    }, 60_000);
  }

  it('lists the entries that fit and skips the rest', async () => {
    const good = {
      id: 'good-model',
      modelId: 'good-model',
      name: 'good-model',
      outputModalities: ['TEXT'],
      inferenceProfileId: 'us.good-profile',
      inferenceProfileArn: 'arn:aws:bedrock:us-east-1:1:application-inference-profile/good',
      details: 'DEEP',
    };
    // Deep nesting inside an entry is none of the listing's business.
    fake.raw = json(
      underEveryKey([null, 7, { id: 42 }, good, { name: 'no id' }]).replaceAll(
        '"DEEP"',
        deep(10_000),
      ),
    );
    for (const provider of PROVIDERS) {
      const listing = await listModels(provider);
      expect({ provider, source: listing.source, error: listing.error }).toEqual({
        provider,
        source: 'live',
        error: null,
      });
      expect(listing.models.map((m) => m.id)).toContain('good-model');
      for (const m of listing.models) {
        expect(typeof m.id).toBe('string');
        expect(typeof m.name).toBe('string');
      }
    }
  });

  it('stops a paged listing whose next page never ends (Anthropic, Bedrock)', async () => {
    const entry = { id: 'loop-model', modelId: 'loop-model', outputModalities: ['TEXT'] };
    fake.raw = json(
      underEveryKey([entry], { has_more: true, last_id: 'loop-model', nextToken: 'again' }),
    );
    for (const provider of ['anthropic', 'bedrock'] as const) {
      const started = performance.now();
      const listing = await listModels(provider);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect({ provider, source: listing.source }).toEqual({ provider, source: 'catalog' });
      expectHumanLine(listing.error!);
    }
  });

  it('names an Anthropic-style entry without display_name by its id', async () => {
    fake.raw = json(JSON.stringify({ data: [{ id: 'claude-x', type: 'model' }] }));
    const listing = await listModels('anthropic');
    expect(listing).toMatchObject({ source: 'live', error: null });
    expect(listing.models.map((m) => [m.id, m.name])).toEqual([['claude-x', 'claude-x']]);
  });

  it('tests a connection to a garbage listing with a one-line failure', async () => {
    fake.raw = json(underEveryKey('nope'));
    for (const provider of PROVIDERS) {
      const result = await core.dispatcher.dispatch(
        'models.testConnection',
        { provider },
        { transport: 'http' },
      );
      expect(result.ok).toBe(true);
      const data = (result as { data: ChannelOutput<'models.testConnection'> }).data;
      expect(data.ok).toBe(false);
      expectHumanLine(data.message);
    }
  });
});
