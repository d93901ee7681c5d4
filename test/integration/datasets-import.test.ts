import { openTestCore } from '../support/test-database';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseInput,
  Channel,
  ChannelInput,
  ChannelOutput,
  DatasetFormat,
  TestCaseView,
} from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { tempDir } from '../support/temp-dir';

let core: Core;

beforeAll(async () => {
  // Kept for the whole file: temp-dir cleans up after each test, and SQLite keeps the open
  // file alive on its own until close.
  const dataDir = tempDir('assay-datasets-import-');
  core = await openTestCore(dataDir, {});
});
afterAll(async () => {
  await core.close();
});

const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
  core.dispatcher.dispatch(channel, input, { transport: 'http' });

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

async function fail<C extends Channel>(channel: C, input: ChannelInput<C>) {
  const result = await call(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

let counter = 0;
const freshName = (): string => `ds-${++counter}`;

/** What a case holds, without the ids and timestamps a dataset assigns. */
const content = (c: TestCaseView) => ({
  description: c.description,
  vars: c.vars,
  expected: c.expected,
  matchers: c.matchers,
  tags: c.tags,
});

async function allCases(name: string) {
  return (await ok('datasets.get', { name, limit: 1000 })).cases.map(content);
}

describe('datasets.import', () => {
  it('imports each format, names the dataset from input, file or file name, and appends', async () => {
    const yaml = await ok('datasets.import', {
      format: 'yaml',
      fileName: 'evals/Support FAQ.yaml',
      content:
        'name: from-file\ninteraction_type: generation\ntags: [gold]\ntest_cases:\n  - input: a\n',
    });
    expect(yaml).toMatchObject({
      dataset: { name: 'from-file', interactionType: 'generation', tags: ['gold'], caseCount: 1 },
      added: 1,
      warnings: [],
      suggested: { prompts: [], providers: [] },
    });
    const csv = await ok('datasets.import', {
      format: 'csv',
      fileName: 'data/Support FAQ.csv',
      content: 'input,expected\nq1,a1\nq2,a2\n',
      interactionType: 'classification',
    });
    expect(csv.dataset).toMatchObject({
      name: 'support-faq',
      interactionType: 'classification',
      caseCount: 2,
    });
    const jsonl = await ok('datasets.import', {
      name: 'explicit',
      format: 'jsonl',
      fileName: 'whatever.jsonl',
      content: '{"input": "x"}\n',
    });
    expect(jsonl.dataset.name).toBe('explicit');

    const appended = await ok('datasets.import', {
      name: 'support-faq',
      format: 'jsonl',
      content: '{"input": "q3"}\n{"input": "q4"}\n',
      mode: 'append',
    });
    expect(appended).toMatchObject({ added: 2, dataset: { caseCount: 4 } });
    expect((await allCases('support-faq')).map((c) => c.vars.input)).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
    ]);

    expect(
      await fail('datasets.import', {
        format: 'csv',
        fileName: 'support-faq.csv',
        content: 'input\nx\n',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('append mode') });
    expect(
      await fail('datasets.import', {
        name: 'missing',
        format: 'csv',
        content: 'input\nx\n',
        mode: 'append',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fail('datasets.import', { format: 'csv', content: 'input\nx\n' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('give the dataset a name'),
    });
    expect(
      await fail('datasets.import', {
        format: 'yaml',
        fileName: 'f.yaml',
        content: 'name: Not Valid\ntest_cases: []\n',
      }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^datasets\.import: f\.yaml:1: name: /),
    });
  });

  it('warns when an appended file disagrees on the interaction type', async () => {
    const name = freshName();
    await ok('datasets.create', { name, interactionType: 'chat' });
    const result = await ok('datasets.import', {
      name,
      format: 'yaml',
      content: 'interaction_type: extraction\ntest_cases:\n  - input: x\n',
      mode: 'append',
    });
    expect(result.warnings).toEqual([
      { message: 'the file says interaction_type extraction; the dataset stays chat' },
    ]);
  });

  it('rejects a bad file naming file, line and field, and writes nothing', async () => {
    const name = freshName();
    await ok('datasets.create', { name });
    await ok('cases.add', { dataset: name, cases: [{ vars: { input: 'keep' } }] });
    const error = await fail('datasets.import', {
      name,
      fileName: 'cases.yaml',
      format: 'yaml',
      mode: 'append',
      content: [
        'test_cases:',
        '  - input: fine',
        '  - input: also fine',
        '    matchers: [{ type: contains, value: x }]',
        '  - input: x',
        '  - input: bad',
        '    matchers:',
        '      - type: regex',
        '        pattern: "(unclosed"',
      ].join('\n'),
    });
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^datasets\.import: cases\.yaml:9: test_cases\[3\]\.matchers\[0\]\.pattern: Invalid regular expression/,
      ),
      details: {
        file: 'cases.yaml',
        problems: [expect.objectContaining({ line: 9, path: 'test_cases[3].matchers[0].pattern' })],
      },
    });
    expect((await allCases(name)).map((c) => c.vars.input)).toEqual(['keep']);
  });

  it('refuses inputs over 50 MB and over 100,000 cases with PAYLOAD_TOO_LARGE', async () => {
    const big = `input\n${'x'.repeat(50 * 1024 * 1024)}\n`;
    expect(
      await fail('datasets.import', { name: freshName(), format: 'csv', content: big }),
    ).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('50 MB'),
    });
    const tooMany = '{}\n'.repeat(100_001);
    for (const [format, text] of [
      ['jsonl', tooMany],
      ['csv', `input\n${'x\n'.repeat(100_001)}`],
      ['yaml', `test_cases:\n${'- {}\n'.repeat(100_001)}`],
    ] as const) {
      const error = await fail('datasets.import', { name: freshName(), format, content: text });
      expect(error, format).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringContaining('100000'),
      });
    }

    // The limit is per dataset: a full one takes no more, whichever way cases arrive.
    const name = freshName();
    const started = performance.now();
    const full = await ok('datasets.import', {
      name,
      format: 'jsonl',
      content: '{"input": "x"}\n'.repeat(100_000),
    });
    expect(full.added).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(await fail('cases.add', { dataset: name, cases: [{ vars: {} }] })).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('on top of the 100000 it holds'),
    });
    expect((await ok('cases.list', { dataset: name, search: 'nothing like it' })).total).toBe(0);
  }, 60_000);
});

// Values that stress every format: commas, quotes, newlines, YAML-looking text, leading and
// trailing spaces, empty strings, non-ASCII.
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'null',
    '1.0',
    '- x',
    'a: b',
    '#c',
    '"q"',
    "'s'",
    'a,b',
    'l1\nl2',
    'l1\r\nl2',
    ' pad ',
    '{"j": 1}',
    '[1]',
    '~',
    '0x1F',
  ),
);
const varName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((n) => n !== '__proto__');
const matcher = fc.oneof(
  tricky.filter((s) => s !== '').map((value) => ({ type: 'contains', value })),
  fc.constant({ type: 'is-json' }),
  tricky.map((value) => ({ type: 'exact', value })),
  fc.constant({ type: 'regex', pattern: '^a+$', flags: 'i' }),
);
const caseArb: fc.Arbitrary<CaseInput> = fc.record(
  {
    vars: fc.dictionary(varName, tricky, { maxKeys: 4 }),
    expected: fc
      .oneof(
        tricky,
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
      )
      .filter((v) => v !== null),
    matchers: fc.array(matcher, { maxLength: 3 }),
    tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}[a-z0-9]$/), { maxLength: 3 }),
    description: tricky,
  },
  { requiredKeys: ['vars'] },
) as fc.Arbitrary<CaseInput>;

describe('export → import round trip', () => {
  for (const format of ['yaml', 'csv', 'jsonl'] as DatasetFormat[]) {
    it(`reproduces the cases through ${format}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 6 }), async (cases) => {
          const source = freshName();
          await ok('datasets.create', { name: source, interactionType: 'extraction', tags: ['x'] });
          await ok('cases.add', { dataset: source, cases });
          const { content: text, cases: count } = await ok('datasets.export', {
            name: source,
            format,
          });
          expect(count).toBe(cases.length);
          const target = freshName();
          const imported = await ok('datasets.import', { name: target, format, content: text });
          expect(imported.added).toBe(cases.length);
          expect(await allCases(target)).toEqual(await allCases(source));
          if (format === 'yaml')
            expect(imported.dataset).toMatchObject({ interactionType: 'extraction', tags: ['x'] });
        }),
        { numRuns: 40 },
      );
    }, 60_000);
  }
});
