import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PICO_PER_USD } from '../../../shared/money';
import { openTestStore } from '../../../test/support/test-database';
import type { Store } from '../../store/store';
import { ZERO_USAGE, type Usage } from '../types';
import { bundledCatalog } from './catalog';
import { PriceBook } from './price-book';
import { PriceOverrides } from './price-overrides';

let store: Store;

async function book(): Promise<{ prices: PriceBook; overrides: PriceOverrides }> {
  const overrides = new PriceOverrides(store.db);
  const prices = new PriceBook(bundledCatalog(), overrides);
  await prices.ready();
  return { prices, overrides };
}

const usage = (u: Partial<Usage>): Usage => ({ ...ZERO_USAGE, ...u });

// Worked by hand from the providers' published prices (USD per 1M tokens):
//   gpt-4o: in 2.50, cached 1.25, out 10.00
//     1000 x 2.50 + 500 x 1.25 + 200 x 10.00 = 2500 + 625 + 2000 = 5125 per 1M -> $0.005125
//   claude-sonnet-4-5: in 3.00, cache write 3.75, cache read 0.30, out 15.00
//     2000 x 3 + 1000 x 3.75 + 3000 x 0.30 + 500 x 15 = 6000 + 3750 + 900 + 7500 -> $0.01815
//   us.anthropic.claude-3-5-haiku (Bedrock): in 0.80, cache read 0.08, out 4.00
//     10000 x 0.80 + 4000 x 0.08 + 1000 x 4 = 8000 + 320 + 4000 -> $0.01232
//   amazon.titan-text-express-v1: in 0.20, out 0.60; 1000 x 0.2 + 1000 x 0.6 -> $0.0008
//   amazon.nova-micro-v1:0: in 0.035, cache read 0.00875, out 0.14
//     100 x 0.035 + 100 x 0.00875 + 100 x 0.14 = 3.5 + 0.875 + 14 = 18.375 -> $0.000018375
const TABLE: [string, string, Partial<Usage>, string][] = [
  ['openai', 'gpt-4o', { inputTokens: 1000, cacheReadTokens: 500, outputTokens: 200 }, '0.005125'],
  [
    'openai',
    'gpt-4o-2024-08-06',
    { inputTokens: 1000, cacheReadTokens: 500, outputTokens: 200 },
    '0.005125',
  ],
  [
    'anthropic',
    'claude-sonnet-4-5',
    { inputTokens: 2000, cacheWriteTokens: 1000, cacheReadTokens: 3000, outputTokens: 500 },
    '0.01815',
  ],
  [
    'bedrock',
    'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    { inputTokens: 10000, cacheReadTokens: 4000, outputTokens: 1000 },
    '0.01232',
  ],
  ['bedrock', 'amazon.titan-text-express-v1', { inputTokens: 1000, outputTokens: 1000 }, '0.0008'],
  [
    'bedrock',
    'global.amazon.nova-micro-v1:0',
    { inputTokens: 100, cacheReadTokens: 100, outputTokens: 100 },
    '0.000018375',
  ],
];

describe('PriceBook', () => {
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it.each(TABLE)('%s %s costs exactly $%s', async (provider, model, u, usd) => {
    const cost = (await book()).prices.cost(provider as 'openai', model, usage(u));
    // Compare as integers: the expected USD string scaled to pico-dollars by string math.
    const [whole, fraction = ''] = usd.split('.');
    const expected = Number(whole) * PICO_PER_USD + Number(fraction.padEnd(12, '0'));
    expect(cost).toBe(expected);
  });

  it('prices an unknown model as null (unpriced), never as free', async () => {
    const { prices } = await book();
    expect(
      prices.cost('local', 'llama3.2:3b', usage({ inputTokens: 10, outputTokens: 10 })),
    ).toBeNull();
    expect(prices.cost('openai', 'gpt-99', usage({ inputTokens: 1 }))).toBeNull();
  });

  it('uses a user override first, and a local model can be priced at 0 explicitly', async () => {
    const { prices, overrides } = await book();
    await overrides.set({
      provider: 'local',
      model: 'llama3.2:3b',
      input: 0,
      output: 0,
      cacheRead: null,
      cacheWrite: null,
    });
    expect(
      prices.cost('local', 'llama3.2:3b', usage({ inputTokens: 500, outputTokens: 500 })),
    ).toBe(0);
    await overrides.set({
      provider: 'openai',
      model: 'gpt-4o',
      input: 1_000_000,
      output: 1_000_000,
      cacheRead: null,
      cacheWrite: null,
    });
    expect(prices.find('openai', 'gpt-4o')?.source).toBe('override');
    expect(prices.cost('openai', 'gpt-4o', usage({ inputTokens: 10, cacheReadTokens: 10 }))).toBe(
      20_000_000,
    );
    expect(await overrides.delete('openai', 'gpt-4o')).toBe(true);
    expect(await overrides.delete('openai', 'gpt-4o')).toBe(false);
    expect(prices.find('openai', 'gpt-4o')?.source).toBe('catalog');
  });

  it('reads the overrides another process stored when it loads', async () => {
    const first = await book();
    await first.overrides.set({
      provider: 'local',
      model: 'qwen2.5:7b',
      input: 3,
      output: 4,
      cacheRead: null,
      cacheWrite: 5,
    });
    const { prices, overrides } = await book();
    expect(overrides.list()).toEqual([
      {
        provider: 'local',
        model: 'qwen2.5:7b',
        input: 3,
        output: 4,
        cacheRead: null,
        cacheWrite: 5,
        source: 'override',
      },
    ]);
    expect(prices.cost('local', 'qwen2.5:7b', usage({ inputTokens: 1, outputTokens: 1 }))).toBe(7);
  });

  it('refuses a lookup before the overrides are loaded, rather than miss one', () => {
    const prices = new PriceBook(bundledCatalog(), new PriceOverrides(store.db));
    expect(() => prices.find('openai', 'gpt-4o')).toThrow(/ready/);
  });
});

describe('bundled catalog', () => {
  const PROMISED: [string, RegExp][] = [
    ['Claude Sonnet 4.5', /claude-sonnet-4-5/],
    ['Claude 3.5 Sonnet v2', /claude-3-5-sonnet-20241022/],
    ['Claude 3.5 Sonnet', /claude-3-5-sonnet-20240620/],
    ['Claude 3.5 Haiku', /claude-3-5-haiku/],
    ['Claude 3 Opus', /claude-3-opus/],
    ['Claude 3 Sonnet', /claude-3-sonnet/],
    ['Claude 3 Haiku', /claude-3-haiku/],
    ['Titan Text Express', /^amazon\.titan-text-express/],
    ['Titan Text Lite', /^amazon\.titan-text-lite/],
    ['Llama 3.1 70B', /^meta\.llama3-1-70b/],
    ['Llama 3.1 8B', /^meta\.llama3-1-8b/],
    ['Llama 3.2 90B', /^meta\.llama3-2-90b/],
    ['Mistral 7B', /^mistral\.mistral-7b/],
    ['Mistral Large', /^mistral\.mistral-large/],
    ['Mixtral 8x7B', /^mistral\.mixtral-8x7b/],
  ];

  it.each(PROMISED)('prices %s on Bedrock', (_name, pattern) => {
    const found = bundledCatalog().models.filter(
      (m) => m.provider === 'bedrock' && pattern.test(m.id),
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.price.output).toBeGreaterThan(0);
  });

  it('has unique ids and aliases per provider', () => {
    const seen = new Set<string>();
    for (const m of bundledCatalog().models) {
      for (const id of [m.id, ...m.aliases]) {
        const key = `${m.provider}/${id}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});
