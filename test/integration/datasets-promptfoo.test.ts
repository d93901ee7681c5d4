import { openTestCore } from '../support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Core } from '../../main/app/create-core';
import { tempDir } from '../support/temp-dir';

let core: Core;

beforeAll(async () => {
  const dataDir = tempDir('assay-datasets-promptfoo-');
  core = await openTestCore(dataDir, {});
});
afterAll(async () => {
  await core.close();
});

const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
  core.dispatcher.dispatch(channel, input, { transport: 'cli' });

async function ok<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as ChannelOutput<C>;
}

/** A config as teams write them: several assertion styles, one type Assay has no match for. */
const CONFIG = `# yaml-language-server: $schema=https://promptfoo.dev/config-schema.json
description: Customer support bot
prompts:
  - "You are a support agent. Answer: {{question}}"
  - file://prompts/support_v2.txt
providers:
  - openai:gpt-4o-mini
  - id: anthropic:messages:claude-3-5-haiku-20241022
    config:
      temperature: 0
defaultTest:
  vars:
    tone: friendly
  assert:
    - type: not-contains
      value: As an AI language model
tests:
  - description: Refund window
    vars:
      question: Can I return my shoes after 20 days?
    assert:
      - type: icontains
        value: 30 days
      - type: llm-rubric
        value: Is polite and mentions the refund policy
        provider: openai:gpt-4o
  - description: Order status as JSON
    vars:
      question: Where is order 1234?
      tone: terse
    assert:
      - type: is-json
      - type: javascript
        value: JSON.parse(output).orderId === '1234'
      - type: perplexity
        threshold: 1.5
  - vars:
      question: Say hello
    assert:
      - type: equals
        value: Hello!
      - type: similar
        value: Hi there
        threshold: 0.8
      - type: contains
        value: hello
      - type: python
        value: file://checks/greeting.py
  - vars:
      question: [Hi in French, Hi in German]
    assert:
      - type: contains-any
        value: [Bonjour, Hallo]
`;

describe('promptfoo import', () => {
  it('refuses a config with assertions Assay cannot run, naming each by type and line', async () => {
    const result = await call('datasets.import', {
      name: 'support-bot',
      fileName: 'promptfooconfig.yaml',
      format: 'promptfoo',
      content: CONFIG,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lineOf = (needle: string) => CONFIG.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message).toMatch(
      /^datasets\.import: promptfooconfig\.yaml:\d+: tests\[1\]\.assert\[2\]: assertion "perplexity" cannot run in Assay.*--skip-unmapped.*\(and 1 more\)$/,
    );
    expect((result.error.details as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({ line: lineOf('type: perplexity'), path: 'tests[1].assert[2]' }),
      expect.objectContaining({ line: lineOf('type: python'), path: 'tests[2].assert[3]' }),
    ]);
    // Nothing was created.
    expect((await call('datasets.get', { name: 'support-bot' })).ok).toBe(false);
  });

  it('with skipUnmapped, maps the rest and keeps each unmappable assertion as unmapped', async () => {
    const imported = await ok('datasets.import', {
      name: 'support-bot',
      fileName: 'promptfooconfig.yaml',
      format: 'promptfoo',
      content: CONFIG,
      skipUnmapped: true,
    });
    const { dataset, added, warnings, suggested } = imported;
    expect(dataset).toMatchObject({
      name: 'support-bot',
      description: 'Customer support bot',
      caseCount: 5,
    });
    expect(added).toBe(5);
    expect(suggested).toEqual({
      prompts: ['You are a support agent. Answer: {{question}}', 'file://prompts/support_v2.txt'],
      providers: ['openai:gpt-4o-mini', 'anthropic:messages:claude-3-5-haiku-20241022'],
    });

    const lineOf = (needle: string) => CONFIG.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(warnings).toEqual([
      {
        line: lineOf('type: perplexity'),
        message: expect.stringMatching(
          /^tests\[1\]\.assert\[2\]: assertion "perplexity" was not imported \(its case is unscored\)/,
        ),
      },
      {
        line: lineOf('type: python'),
        message: expect.stringMatching(
          /^tests\[2\]\.assert\[3\]: assertion "python" was not imported \(its case is unscored\)/,
        ),
      },
    ]);

    const { cases } = await ok('datasets.get', { name: 'support-bot' });
    const notAi = { type: 'contains', value: 'As an AI language model', not: true };
    expect(cases[0]).toMatchObject({
      description: 'Refund window',
      vars: { question: 'Can I return my shoes after 20 days?', tone: 'friendly' },
      matchers: [
        notAi,
        { type: 'contains', value: '30 days', ignoreCase: true },
        {
          type: 'llm-judge',
          rubric: 'Is polite and mentions the refund policy',
          provider: 'openai',
          model: 'gpt-4o',
        },
      ],
    });
    expect(cases[0]).not.toHaveProperty('expected');
    expect(cases[1]!.vars).toEqual({ question: 'Where is order 1234?', tone: 'terse' });
    expect(cases[1]!.matchers.map((m) => m.type)).toEqual([
      'contains',
      'is-json',
      'javascript',
      'unmapped',
    ]);
    expect(cases[2]!.matchers).toEqual([
      notAi,
      { type: 'exact', value: 'Hello!' },
      { type: 'similarity', value: 'Hi there', threshold: 0.8 },
      { type: 'contains', value: 'hello' },
      {
        type: 'unmapped',
        source: 'python',
        reason: 'promptfoo assertion type "python" has no Assay equivalent',
      },
    ]);
    // A list-valued var expands into one case per value, as promptfoo runs it.
    expect(cases.slice(3).map((c) => c.vars.question)).toEqual(['Hi in French', 'Hi in German']);
    expect(cases[3]!.matchers[1]).toEqual({
      type: 'contains',
      values: ['Bonjour', 'Hallo'],
      mode: 'any',
    });
  });

  it('rejects a mapped assertion that is invalid, naming its line, and imports nothing', async () => {
    const config = [
      'prompts: ["{{q}}"]',
      'tests:',
      '  - vars: { q: a }',
      '    assert:',
      '      - type: perplexity',
      '      - type: regex',
      '        value: "(unclosed"',
    ].join('\n');
    const result = await call('datasets.import', {
      name: 'bad-regex',
      fileName: 'promptfooconfig.yaml',
      format: 'promptfoo',
      content: config,
      skipUnmapped: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^datasets\.import: promptfooconfig\.yaml:6: tests\[0\]\.assert\[1\]\.pattern: Invalid regular expression/,
      ),
    });
    const created = await call('datasets.get', { name: 'bad-regex' });
    expect(created.ok).toBe(false);
  });

  it('warns about settings it does not import', async () => {
    const result = await ok('datasets.import', {
      fileName: 'evals/refunds/promptfooconfig.yaml',
      format: 'promptfoo',
      content: [
        'prompts: file://prompt.txt',
        'providers: openai:gpt-4o-mini',
        'outputPath: results.json',
        'tests:',
        '  - vars: { q: a }',
        '    assert: [{ type: contains, value: a }]',
        'defaultTest:',
        '  options: { provider: openai:gpt-4o }',
      ].join('\n'),
    });
    expect(result.dataset).toMatchObject({ name: 'refunds', caseCount: 1 });
    expect(result.suggested).toEqual({
      prompts: ['file://prompt.txt'],
      providers: ['openai:gpt-4o-mini'],
    });
    expect(result.warnings).toEqual([
      { line: 3, message: 'outputPath: not imported: outputPath' },
      { line: 8, message: 'defaultTest.options: not imported: options' },
    ]);
  });

  it('refuses what it cannot represent, naming each line, and creates nothing', async () => {
    const refusals: [string, string[], RegExp][] = [
      ['tests-file', ['tests: file://tests.csv'], /:1: tests: file:\/\/tests\.csv is not loaded/],
      ['tests-map', ['tests:', '  a: 1'], /:1: tests: tests must be a list of tests/],
      ['tests-number', ['tests: 3'], /:1: tests: tests must be a list/],
      [
        'test-file',
        ['tests:', '  - vars: { q: a }', '  - file://more.yaml'],
        /:3: tests\[1\]: file:\/\/more\.yaml is not loaded/,
      ],
      ['test-scalar', ['tests:', '  - 42'], /:2: tests\[0\]: a test must be a mapping/],
      [
        'var-file',
        ['tests:', '  - vars: { q: file://q.txt }'],
        /:2: tests\[0\]\.vars\.q: file:\/\/q\.txt is not loaded/,
      ],
      [
        'unknown-provider',
        ['providers: [openai:gpt-4o-mini, cohere:command-r]', 'tests: []'],
        /:1: providers\[1\]: provider "cohere:command-r" has no Assay equivalent/,
      ],
      [
        'provider-object',
        ['providers:', '  - id: vertex:gemini-pro', 'tests: []'],
        /:2: providers\[0\]: provider "vertex:gemini-pro" has no Assay equivalent/,
      ],
      [
        'judge-provider',
        [
          'tests:',
          '  - assert:',
          '      - { type: llm-rubric, value: ok, provider: "mistral:large" }',
        ],
        /:3: tests\[0\]\.assert\[0\]\.provider: provider must be one of/,
      ],
      [
        'assert-map',
        ['tests:', '  - assert: { type: contains }'],
        /:2: tests\[0\]\.assert: assert must be a list/,
      ],
      [
        'default-file',
        ['defaultTest: file://defaults.yaml', 'tests: []'],
        /:1: defaultTest: file:\/\/defaults\.yaml is not loaded/,
      ],
    ];
    for (const [name, lines, message] of refusals) {
      const result = await call('datasets.import', {
        name: `refused-${name}`,
        fileName: 'promptfooconfig.yaml',
        format: 'promptfoo',
        content: lines.join('\n'),
        skipUnmapped: true,
      });
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, name).toBe('VALIDATION_FAILED');
      expect(result.error.message, name).toMatch(message);
      expect((await call('datasets.get', { name: `refused-${name}` })).ok, name).toBe(false);
    }
  });

  it('refuses a small config that would expand into gigabytes of cases, at once', async () => {
    // 30,000 values of one var, each case carrying a 60,000-element assertion: under 400 kB of
    // YAML, 5 GB once expanded. It took the server half a minute before it was bounded.
    const values = `[${'0,'.repeat(30_000)}0]`;
    const big = `[${'1,'.repeat(60_000)}1]`;
    const started = performance.now();
    const result = await call('datasets.import', {
      name: 'expanded',
      fileName: 'promptfooconfig.yaml',
      format: 'promptfoo',
      content: `tests:\n  - vars: { q: ${values} }\n    assert: [{ type: equals, value: ${big} }]\n`,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/^datasets\.import: the cases would store more than/),
      },
    });
    expect((await call('datasets.get', { name: 'expanded' })).ok).toBe(false);
  });
});
