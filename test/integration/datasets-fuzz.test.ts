import { openTestCore } from '../support/test-database';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { channels, type Channel } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import type { Core } from '../../main/app/create-core';
import { parseMatcherSpec } from '../../main/evals/matchers/registry';
import { tempDir } from '../support/temp-dir';

let core: Core;

beforeAll(async () => {
  const dataDir = tempDir('assay-datasets-fuzz-');
  core = await openTestCore(dataDir, {});
  const ok = async (channel: Channel, input: unknown) => {
    const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };
  await ok('datasets.create', { name: 'base', tags: ['seed'] });
  await ok('cases.add', {
    dataset: 'base',
    cases: [
      { vars: { input: 'a' }, expected: 'b', matchers: [{ type: 'contains', value: 'b' }] },
      { vars: { input: 'c', locale: 'en' }, expected: { x: 1 }, tags: ['t'] },
    ],
  });
  await ok('datasets.create', { name: 'gone' });
  await ok('datasets.delete', { name: 'gone' });
});
afterAll(async () => {
  await core.close();
});

/** Every row of the dataset tables: what "nothing changed" compares. */
async function dump(): Promise<unknown> {
  const { db } = core.store;
  return [
    await db.selectFrom('dataset').selectAll().orderBy('id').execute(),
    await db.selectFrom('test_case').selectAll().orderBy('id').execute(),
  ];
}

const BAD_PATTERNS = ['(', '[a-', '*x', 'a{2,1}', '(?<n>a)(?<n>b)', '\\'];
const badPattern = fc.constantFrom(...BAD_PATTERNS);
/** A matcher the library refuses: unknown type, missing field, or bad settings. */
const badMatcher = fc.oneof(
  fc
    .string()
    .filter((type) => !parseMatcherSpec({ type }).ok)
    .map((type) => ({ type })),
  badPattern.map((pattern) => ({ type: 'regex', pattern })),
  fc.constant({ type: 'contains' }),
  fc
    .double({ min: 1.01, max: 1e6, noNaN: true })
    .map((threshold) => ({ type: 'similarity', value: 'x', threshold })),
  fc.anything().filter((m) => !parseMatcherSpec(m).ok),
);
const junk = fc.string({ minLength: 1, maxLength: 40 });
const noQuotes = junk.map((s) => s.replaceAll('"', ''));
const line = (s: string) => s.replace(/[\r\n]/g, ' ');
/** A YAML line that never parses: a flow sequence left open (nothing in `s` can close it). */
const unclosed = (s: string) => `broken: [unclosed ${s.replace(/[\]#\r\n]/g, '')}`;

const validYaml = () => ({
  name: 'fresh',
  test_cases: [{ input: 'q', expected: 'a', matchers: [{ type: 'contains', value: 'a' }] }],
});

type Text = { format: 'yaml' | 'csv' | 'jsonl' | 'promptfoo'; content: string };
const yaml = (content: string): Text => ({ format: 'yaml', content });
const csv = (content: string): Text => ({ format: 'csv', content });
const jsonl = (content: string): Text => ({ format: 'jsonl', content });
const promptfoo = (content: string): Text => ({ format: 'promptfoo', content });

const malformedText: fc.Arbitrary<Text> = fc.oneof(
  // YAML
  junk.map((s) => yaml(`${stringify(validYaml())}\n${unclosed(s)}`)),
  fc
    .anything()
    .filter((v) => !Array.isArray(v) && !(typeof v === 'object' && v !== null && 'test_cases' in v))
    .map((v) => yaml(stringify(v) ?? '')),
  fc
    .anything()
    .filter((v) => !Array.isArray(v))
    .map((test_cases) => yaml(stringify({ test_cases }))),
  fc.stringMatching(/^[a-z]{1,8}$/).map((k) => {
    const f = validYaml();
    (f.test_cases[0] as Record<string, unknown>)[`x_${k}`] = 1;
    return yaml(stringify(f));
  }),
  badMatcher.map((m) => yaml(stringify({ ...validYaml(), default_matchers: [m] }))),
  badMatcher.map((m) =>
    yaml(stringify({ test_cases: [{ input: 'q' }, { input: 'r', matchers: [m] }] })),
  ),
  junk
    .filter((t) => !['chat', 'extraction', 'classification', 'generation'].includes(t))
    .map((t) => yaml(stringify({ ...validYaml(), interaction_type: t }))),
  fc
    .constantFrom(null, [1], { a: 1 })
    .map((v) => yaml(stringify({ test_cases: [{ vars: { x: v === null ? null : 'ok', y: v } }] })))
    .filter((t) => t.content.includes('null')),
  junk.map((t) => yaml(stringify({ test_cases: [{ input: 'q', tags: [`${t},x`] }] }))),
  // CSV
  noQuotes.map((s) => csv(`input,expected\nq,a\n"${s}`)),
  junk.map((s) => csv(`input,matchers\nq,"{{${s.replaceAll('"', '""')}"\n`)),
  junk.map((s) => csv(`input,expected_json\nq,"{{${s.replaceAll('"', '""')}"\n`)),
  fc
    .integer({ min: 3, max: 9 })
    .map((n) => csv(`input,expected\n${Array(n).fill('x').join(',')}\n`)),
  fc.stringMatching(/^[a-z]{1,8}$/).map((c) => csv(`${c},input,${c}\nx,y,z\n`)),
  noQuotes.map((s) => csv(`input,"bad x${line(s).replaceAll(',', '')}"\nx,y\n`)),
  badMatcher.map((m) => csv(`input,matchers\nq,"${JSON.stringify([m]).replaceAll('"', '""')}"\n`)),
  // JSONL
  junk
    .map(line)
    .filter((s) => {
      try {
        const v: unknown = JSON.parse(s);
        return typeof v !== 'object' || v === null || Array.isArray(v);
      } catch {
        return s.trim() !== '';
      }
    })
    .map((s) => jsonl(`{"input": "ok"}\n${s}\n`)),
  fc
    .anything()
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => jsonl(`${JSON.stringify(v) ?? 'undefined'}\n`)),
  badMatcher.map((m) => jsonl(`${JSON.stringify({ input: 'q', matchers: [m] })}\n`)),
  fc.stringMatching(/^[a-z]{1,8}$/).map((k) => jsonl(`{"input": "q", "x_${k}": true}\n`)),
  // promptfoo
  junk.map((s) => promptfoo(`prompts: ["{{q}}"]\ntests:\n  - vars: {q: a}\n${unclosed(s)}`)),
  fc
    .oneof(fc.array(fc.anything()), fc.string(), fc.integer())
    .map((v) => promptfoo(stringify(v) ?? '')),
  badPattern.map((p) =>
    promptfoo(stringify({ tests: [{ vars: { q: 'a' }, assert: [{ type: 'regex', value: p }] }] })),
  ),
  fc
    .constantFrom('contains', 'icontains', 'starts-with', 'regex')
    .map((type) => promptfoo(stringify({ tests: [{ vars: { q: 'a' }, assert: [{ type }] }] }))),
  fc.constant(0).map(() =>
    promptfoo(
      stringify({
        defaultTest: { assert: [{ type: 'regex', value: '(' }] },
        tests: [{ vars: { q: 'a' } }],
      }),
    ),
  ),
  fc.constant(0).map(() => promptfoo(stringify({ tests: [{ vars: { q: null } }] }))),
  fc.integer({ min: 317, max: 400 }).map((n) => {
    const many = Array.from({ length: n }, (_, i) => `v${i}`);
    return promptfoo(stringify({ tests: [{ vars: { a: many, b: many } }] }));
  }),
);

/** Whole inputs that break a channel's own contract (random objects). */
const malformedCall = fc
  .oneof(
    fc.anything().map((input) => ({ channel: 'datasets.import' as const, input })),
    fc
      .anything()
      .map((cases) => ({ channel: 'cases.add' as const, input: { dataset: 'base', cases } })),
    fc
      .record({ vars: fc.anything(), matchers: fc.anything() })
      .map((c) => ({ channel: 'cases.add' as const, input: { dataset: 'base', cases: [c] } })),
    fc.anything().map((input) => ({ channel: 'datasets.create' as const, input })),
    fc
      .record({ name: fc.constant('base'), newName: fc.anything(), tags: fc.anything() })
      .map((input) => ({ channel: 'datasets.update' as const, input })),
  )
  .filter(({ channel, input }) => !channels[channel].input.safeParse(input).success);

describe('malformed datasets', () => {
  it('answer 100 random inputs with a coded error and leave every dataset unchanged', async () => {
    const before = await dump();
    const extension = { yaml: 'yaml', csv: 'csv', jsonl: 'jsonl', promptfoo: 'yaml' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .tuple(malformedText, fc.boolean())
              .map(([text, append]) => ({ text, append })),
          },
          { weight: 1, arbitrary: malformedCall.map((call) => ({ call })) },
        ),
        async (item) => {
          const result =
            'call' in item
              ? await core.dispatcher.dispatch(item.call.channel, item.call.input, {
                  transport: 'http',
                })
              : await core.dispatcher.dispatch(
                  'datasets.import',
                  {
                    name: item.append ? 'base' : 'fresh',
                    fileName: `fuzz.${extension[item.text.format]}`,
                    format: item.text.format,
                    content: item.text.content,
                    mode: item.append ? 'append' : 'create',
                  },
                  { transport: 'http' },
                );
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(Object.keys(ERROR_CODES)).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          if ('text' in item && result.error.code === 'VALIDATION_FAILED')
            expect(result.error.message).toMatch(/^datasets\.import: fuzz\.\w+:\d+: /);
          expect(await dump()).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
