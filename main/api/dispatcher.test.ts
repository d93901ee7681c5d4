import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import { createDispatcher, type Handlers } from './dispatcher';

/** A dispatcher over just the handlers a test gives (the rest are never called). */
const dispatcherWith = (handlers: Partial<Record<string, (input: unknown) => unknown>>) =>
  createDispatcher(handlers as unknown as Handlers);

const ctx = { transport: 'http' } as const;

/** What a user may be shown: one line, no validation dump, no JSON, no stack frame. */
function expectHumanLine(text: string): void {
  expect(text).not.toMatch(/\n/);
  expect(text).not.toMatch(/ZodError|"code"|\[\s*\{|\{\s*"|\bat .*:\d+:\d+/);
  expect(text.length).toBeLessThanOrEqual(400);
}

afterEach(() => vi.restoreAllMocks());

describe('dispatcher', () => {
  it('answers an output that breaks the contract with a one-line INTERNAL, logged once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dispatcher = dispatcherWith({
      'models.list': () => ({
        providers: [
          {
            provider: 'anthropic',
            source: 'live',
            error: null,
            // `name` is missing: what a provider entry without display_name used to produce.
            models: [{ id: 'claude-x', source: 'live', price: null }],
          },
        ],
      }),
    });
    const result = await dispatcher.dispatch('models.list', {}, ctx);
    expect(result.ok).toBe(false);
    const { error } = result as Extract<typeof result, { ok: false }>;
    expect(error.code).toBe('INTERNAL');
    expectHumanLine(error.message);
    expect(error.message).toContain('models.list');
    expect(error.message).toContain('providers.0.models.0.name');
    expect(error.details).toBeUndefined();
    // The details go to the log, once, for whoever investigates.
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]!.join(' '))).toContain('providers.0.models.0.name');
  });

  it('answers a ZodError thrown inside a handler the same way', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dispatcher = dispatcherWith({
      'prices.list': () => z.object({ asOf: z.string() }).parse({ asOf: 5 }),
    });
    const result = await dispatcher.dispatch('prices.list', {}, ctx);
    const { error } = result as Extract<typeof result, { ok: false }>;
    expect(error.code).toBe('INTERNAL');
    expectHumanLine(error.message);
    expect(error.message).toContain('asOf');
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('keeps an unexpected error to its first line', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dispatcher = dispatcherWith({
      'prices.list': () => {
        throw new SyntaxError('Unexpected token\n  at {"big": "json"}\n  more');
      },
    });
    const result = await dispatcher.dispatch('prices.list', {}, ctx);
    const { error } = result as Extract<typeof result, { ok: false }>;
    expect(error).toEqual({ code: 'INTERNAL', message: 'Internal error: Unexpected token' });
  });

  it('passes coded errors through and strips undeclared output fields', async () => {
    const dispatcher = dispatcherWith({
      'evals.get': () => {
        throw new AssayError('NOT_FOUND', 'evals.get: no run with id "x"');
      },
      'llm.cancel': () => ({ cancelled: true, secretPath: '/home/me/.assay/secret.key' }),
    });
    expect(await dispatcher.dispatch('evals.get', { runId: 'x' }, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'evals.get: no run with id "x"' },
    });
    expect(await dispatcher.dispatch('llm.cancel', { streamId: 's' }, ctx)).toEqual({
      ok: true,
      data: { cancelled: true },
    });
  });
});
