import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../provider-error';
import {
  checkListing,
  fittingEntries,
  listedIdSchema,
  listUnder,
  MAX_LISTED_MODELS,
  MAX_LISTING_BYTES,
  readListingJson,
} from './listing-reply';

const source = { provider: 'openai', what: 'GET /models' } as const;
const entry = z.object({ id: listedIdSchema });

/** Runs `fn`, returning what it threw (or null). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return null;
  } catch (err) {
    return err;
  }
}

/** A reason fit for a user: one line, naming the provider, with no JSON of the reply in it. */
function expectOneLineReason(err: unknown): void {
  expect(err).toBeInstanceOf(ProviderError);
  const message = (err as ProviderError).message;
  expect(message).toMatch(/^openai: GET \/models: /);
  expect(message).not.toMatch(/[\n{]/);
}

describe('listUnder and fittingEntries', () => {
  it('never crash on any JSON: they give the fitting entries or a one-line reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 6 }),
          fc.record({ data: fc.jsonValue({ maxDepth: 4 }) }),
          fc.record({ data: fc.array(fc.jsonValue({ maxDepth: 3 })) }),
          fc.record({
            data: fc.array(fc.oneof(fc.record({ id: fc.string() }), fc.jsonValue())),
          }),
        ),
        (body) => {
          let list: readonly unknown[];
          try {
            list = listUnder(body, 'data', source);
          } catch (err) {
            expectOneLineReason(err);
            return;
          }
          expect(Array.isArray(list)).toBe(true);
          const fitting = fittingEntries(list, entry);
          for (const e of fitting) {
            expect(e.id.trim()).toBe(e.id);
            expect(e.id.length).toBeGreaterThan(0);
            expect(e.id.length).toBeLessThanOrEqual(512);
          }
          const err = thrown(() =>
            checkListing(
              { entries: list.length, fitting: fitting.length, models: fitting.length },
              source,
            ),
          );
          if (err !== null) expectOneLineReason(err);
          else expect(list.length === 0 || fitting.length > 0).toBe(true);
        },
      ),
    );
  });

  it('skip entries that do not fit and keep the rest in order', () => {
    const list = listUnder(
      { data: [{ id: 'a' }, null, { id: 3 }, { id: ' ' }, { id: 'b\u0000c' }, { id: ' b ' }] },
      'data',
      source,
    );
    expect(fittingEntries(list, entry)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('read a missing list as empty only when told to (Ollama sends "models": null)', () => {
    expect(listUnder({ models: null }, 'models', source, 'empty')).toEqual([]);
    expectOneLineReason(thrown(() => listUnder({ models: null }, 'models', source)));
    expect((thrown(() => listUnder({}, 'data', source)) as Error).message).toContain(
      '"data" list is missing',
    );
  });

  it('refuse a listing with more models than any provider has', () => {
    const err = thrown(() =>
      checkListing(
        { entries: MAX_LISTED_MODELS + 1, fitting: MAX_LISTED_MODELS + 1, models: 10_001 },
        source,
      ),
    );
    expectOneLineReason(err);
    expect((err as Error).message).toContain('10001 models');
  });
});

describe('readListingJson', () => {
  const response = (
    body: ConstructorParameters<typeof Response>[0],
    headers: Record<string, string> = {},
  ) => new Response(body, { headers: { 'content-type': 'application/json', ...headers } });

  it('parses a JSON reply', async () => {
    await expect(readListingJson(response('{"data":[]}'), source)).resolves.toEqual({ data: [] });
  });

  it('names the content type of a reply that is not JSON, never its text', async () => {
    const err = await readListingJson(
      response('<html>{"secret": 1}</html>', { 'content-type': 'text/html; charset=utf-8' }),
      source,
    ).catch((e: unknown) => e);
    expectOneLineReason(err);
    expect((err as Error).message).toBe('openai: GET /models: the reply is not JSON (text/html)');
  });

  it('says so for an empty reply', async () => {
    const err = await readListingJson(response(''), source).catch((e: unknown) => e);
    expect((err as Error).message).toBe('openai: GET /models: the reply is empty');
  });

  it('stops reading past the size limit, declared or streamed', async () => {
    const declared = await readListingJson(
      response('{}', { 'content-length': String(MAX_LISTING_BYTES + 1) }),
      source,
    ).catch((e: unknown) => e);
    expect((declared as Error).message).toContain('larger than 8 MB');

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
      },
    });
    const streamed = await readListingJson(response(endless), source).catch((e: unknown) => e);
    expectOneLineReason(streamed);
    expect((streamed as Error).message).toContain('larger than 8 MB');
    // It stopped right after the limit instead of reading on.
    expect(pulled).toBeLessThanOrEqual(MAX_LISTING_BYTES / (1024 * 1024) + 2);
  });
});
