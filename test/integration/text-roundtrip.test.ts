import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/app/create-core';
import { coreCall } from '../support/core-call';
import { openTestCore } from '../support/test-database';
import { tempDir } from '../support/temp-dir';

// Whatever text a user pastes or a model returns is kept byte for byte on both databases:
// U+0000 (which PostgreSQL text cannot hold), lone surrogates' neighbours, U+FFFF, emoji.
const awkward = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\uffff', '\u2028', '"', '\\', '🙂', 'é'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 30,
});

let core: Core;
beforeAll(async () => {
  core = await openTestCore(tempDir('assay-text-roundtrip-'), {});
  await coreCall(core, 'datasets.create', { name: 'texts', interactionType: 'chat' });
});
afterAll(async () => {
  await core.close();
});

describe('text round trip', () => {
  it('keeps case variables, expected output and descriptions exactly as given', async () => {
    await fc.assert(
      fc.asyncProperty(awkward, awkward, async (value, description) => {
        const { cases } = await coreCall(core, 'cases.add', {
          dataset: 'texts',
          cases: [{ vars: { q: value }, expected: value, description }],
        });
        const id = cases[0]!.id;
        const page = await coreCall(core, 'cases.list', { dataset: 'texts', limit: 500 });
        const stored = page.cases.find((c) => c.id === id)!;
        expect(stored.vars).toEqual({ q: value });
        expect(stored.expected).toBe(value);
        expect(stored.description).toBe(description);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a prompt whose text holds U+0000 and U+FFFF, and finds it by content hash', async () => {
    const text = 'before\u0000middle\uffffafter {{q}}';
    const created = await coreCall(core, 'prompts.create', {
      name: 'nul-text',
      kind: 'text',
      content: { text },
    });
    const read = await coreCall(core, 'prompts.get', { name: 'nul-text' });
    expect(read.version.content).toEqual({ text });
    expect(read.version.contentHash).toBe(created.contentHash);
  });
});
