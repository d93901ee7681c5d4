import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CaseDraft } from './case-draft';
import { readDatasetFile } from './import-dataset';
import { serializeAssayPyDataset } from './write-assay-py';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../test/integration/fixtures/python-era/support-triage.yaml',
);
const fixture = fs.readFileSync(FIXTURE, 'utf8');

const read = (text: string, format: 'yaml' | 'assay-py' = 'yaml') =>
  readDatasetFile(format, text, 'triage.yaml');

/** The error a file gets, so a test can assert its code and message. */
function refusal(text: string): { code: string; message: string; details: unknown } {
  try {
    read(text);
  } catch (err) {
    return err as { code: string; message: string; details: unknown };
  }
  throw new Error('the file was accepted');
}

const meta = {
  name: 'support-triage',
  interactionType: 'extraction' as const,
  description: 'Routing and order extraction for inbound support tickets',
  tags: ['support', 'triage'],
};

describe('assay-py datasets', () => {
  it('reads the Python-era fixture as it is, told apart from Assay YAML by its content', () => {
    const { parsed, drafts } = read(fixture);
    expect(parsed.format).toBe('assay-py');
    expect(parsed.meta).toEqual(meta);
    expect(drafts).toHaveLength(7);
    const nonEmpty = { type: 'regex', pattern: '\\S' };
    expect(drafts[0]).toEqual({
      description: 'double charge is routed to billing',
      vars: {
        ticket: 'I was charged twice for order A-1001, please refund me',
        customer_tier: 'gold',
        order_total: '42.5',
      },
      expected: 'billing',
      matchers: [nonEmpty, { type: 'exact', ignoreCase: true, trim: true }],
      tags: [],
    });
    expect(drafts[1]!.matchers[1]).toEqual({
      type: 'contains',
      value: 'account',
      ignoreCase: false,
    });
    expect(drafts[2]!.vars.first_contact).toBe('true');
    expect(drafts[2]!.matchers.slice(1)).toEqual([
      { type: 'contains', value: 'TRACKING', ignoreCase: true },
      { type: 'regex', pattern: '^shipping\\b', flags: 'i' },
    ]);
    expect(drafts[3]).toMatchObject({
      vars: { labels: '["urgent","shipping"]' },
      expected: { order_id: 'B-2002', total: 129.99, category: 'Shipping' },
      matchers: [
        nonEmpty,
        { type: 'json-structure', required: ['order_id', 'total', 'category'] },
        {
          type: 'field-accuracy',
          fields: [
            'order_id',
            { path: 'total', numberTolerance: 0.01 },
            { path: 'category', ignoreCase: true, trim: true },
          ],
        },
      ],
    });
    expect(drafts[4]!.matchers[2]).toEqual({
      type: 'field-accuracy',
      fields: ['order_id', 'total'],
    });
    expect(drafts[5]!.matchers[1]).toEqual({
      type: 'llm-judge',
      rubric: 'The reply apologises and offers a concrete next step',
      scale: [1, 2, 3, 4, 5],
      threshold: 0.75,
    });
    expect(drafts[6]!.matchers[1]).toEqual({
      type: 'llm-judge',
      rubric: 'The reply never promises a refund amount',
    });
    // Asked for by name, the same file reads the same.
    expect(read(fixture, 'assay-py').drafts).toEqual(drafts);
  });

  it('exports the imported fixture back to the same file (parsed), rubric written as criteria', () => {
    const { drafts } = read(fixture);
    const { content, warnings } = serializeAssayPyDataset(meta, drafts);
    expect(warnings).toEqual([]);
    const original = parse(fixture) as { test_cases: { matchers: Record<string, unknown>[] }[] };
    // The one documented difference: `rubric` and `criteria` are one option, written as criteria.
    const judge = original.test_cases[6]!.matchers[0]!;
    original.test_cases[6]!.matchers[0] = { type: 'llm_judge', criteria: judge.rubric };
    expect(parse(content)).toEqual(original);
    expect(read(content).drafts).toEqual(drafts);
  });

  it('names file, line and "did you mean" for an unknown matcher type or option', () => {
    const text = [
      'test_cases:',
      '  - name: a',
      '    input: { q: x }',
      '    matchers:',
      '      - type: json_structur',
      '        required_keys: [a]',
      '  - name: b',
      '    matchers:',
      '      - type: contains',
      '        value: x',
      '        case_sensitve: false',
    ].join('\n');
    const err = refusal(text);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(
      /^datasets\.import: triage\.yaml:5: test_cases\[0\]\.matchers\[0\]\.type: unknown matcher type "json_structur"; did you mean "json_structure"\?/,
    );
    expect(err.details).toMatchObject({
      problems: [
        { line: 5 },
        {
          line: 11,
          path: 'test_cases[1].matchers[0].case_sensitve',
          message: expect.stringMatching(
            /^unknown option "case_sensitve" for contains; did you mean "case_sensitive"\?/,
          ),
        },
      ],
    });
  });

  it('points a value that does not validate at the option as the file wrote it', () => {
    const cases = (matcher: string, input = '{ q: x }') =>
      [
        'test_cases:',
        '  - name: a',
        `    input: ${input}`,
        '  - name: b',
        '    matchers:',
        `      - ${matcher}`,
      ].join('\n');
    const at = (text: string) => {
      const { details } = refusal(text) as {
        details: { problems: { line: number; path: string }[] };
      };
      return details.problems.map((p) => `${p.line} ${p.path}`);
    };
    expect(at(cases('{ type: regex, pattern: "([" }'))).toEqual([
      '6 test_cases[1].matchers[0].pattern',
    ]);
    expect(at(cases('{ type: json_structure, required_keys: [] }'))).toEqual([
      '6 test_cases[1].matchers[0].required_keys',
    ]);
    expect(at(cases('{ type: exact, case_sensitive: "no" }'))).toEqual([
      '6 test_cases[1].matchers[0].case_sensitive',
    ]);
    expect(at(cases('{ type: llm_judge, criteria: "" }'))).toEqual([
      '6 test_cases[1].matchers[0].criteria',
    ]);
    expect(at(cases('{ type: llm_judge, rubric: x, scale: 1 }'))).toEqual([
      '6 test_cases[1].matchers[0].scale',
    ]);
    expect(at(cases('{ type: llm_judge, rubric: x, scale: [5, 3, 5] }'))).toEqual([
      '6 test_cases[1].matchers[0].scale[2]',
    ]);
    expect(at(cases('{ type: llm_judge, criteria: x, rubric: y }'))).toEqual([
      '6 test_cases[1].matchers[0].rubric',
    ]);
    const field = [
      'test_cases:',
      '  - name: a',
      '    matchers:',
      '      - type: field_accuracy',
      '        fields:',
      '          id:',
      '          total:',
      '            numeric_tolerance: -1',
    ].join('\n');
    expect(at(field)).toEqual(['8 test_cases[0].matchers[0].fields.total.numeric_tolerance']);
    expect(at(cases('{ type: exact }', '{ "bad name": 1 }'))).toEqual([
      '3 test_cases[0].input.bad name',
    ]);
  });

  it('reads Assay-spelled matchers as they are and every scale spelling', () => {
    const text = [
      'test_cases:',
      '  - name: a',
      '    matchers:',
      '      - { type: levenshtein, value: x, maxDistance: 2 }',
      '      - { type: not-contains, value: sorry }',
      '      - { type: contains, value: x, ignoreCase: true }',
      '      - { type: llm_judge, criteria: c, scale: [1, 5] }',
      '      - { type: llm_judge, criteria: c, scale: "0-3" }',
      '      - { type: llm_judge, criteria: c, scale: pass_fail }',
      '      - { type: llm_judge, criteria: c, scale: [100, 65, 35, 0] }',
    ].join('\n');
    expect(read(text).drafts[0]!.matchers).toEqual([
      { type: 'levenshtein', value: 'x', maxDistance: 2 },
      { type: 'not-contains', value: 'sorry' },
      { type: 'contains', value: 'x', ignoreCase: true },
      { type: 'llm-judge', rubric: 'c', scale: [1, 2, 3, 4, 5] },
      { type: 'llm-judge', rubric: 'c', scale: [0, 1, 2, 3] },
      { type: 'llm-judge', rubric: 'c', scale: 'pass-fail' },
      { type: 'llm-judge', rubric: 'c', scale: [100, 65, 35, 0] },
    ]);
  });

  it('writes what the dialect cannot say in Assay spelling, with a warning, and reads it back', () => {
    const drafts: CaseDraft[] = [
      {
        description: 'made in the workbench',
        vars: { q: 'x', n: '007' },
        expected: 'y',
        matchers: [
          { type: 'levenshtein', value: 'y', maxDistance: 1 },
          { type: 'llm-judge', rubric: 'r', provider: 'openai', model: 'gpt-4o-mini' },
          { type: 'contains', value: 'y', not: true },
          { type: 'llm-judge', rubric: 'r', scale: [100, 0] },
          { type: 'field-accuracy', fields: ['a', 'a', { path: 'b', trim: true }] },
        ],
        tags: ['wb'],
      },
    ];
    const { content, warnings } = serializeAssayPyDataset({ ...meta, tags: [] }, drafts);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^test_cases\[0\]\.matchers\[0\]: levenshtein has no assay-py type;/),
      expect.stringMatching(/^test_cases\[0\]\.matchers\[1\]: llm-judge option provider has no/),
      expect.stringMatching(/^test_cases\[0\]\.matchers\[2\]: contains option not has no/),
      expect.stringMatching(/^test_cases\[0\]\.matchers\[4\]: field-accuracy option fields has no/),
    ]);
    const file = parse(content) as { test_cases: { input: unknown; matchers: unknown[] }[] };
    expect(file.test_cases[0]!.input).toEqual({ q: 'x', n: '007' });
    expect(file.test_cases[0]!.matchers[3]).toEqual({
      type: 'llm_judge',
      criteria: 'r',
      scale: [{ grade: 100 }, { grade: 0 }],
    });
    const back = read(content).drafts[0]!;
    expect(back.matchers.slice(0, 3)).toEqual(drafts[0]!.matchers.slice(0, 3));
    expect(back.matchers[3]).toEqual({
      type: 'llm-judge',
      rubric: 'r',
      scale: [{ grade: 100 }, { grade: 0 }],
    });
    expect(back.matchers[4]).toEqual(drafts[0]!.matchers[4]);
  });

  it('refuses unknown keys, takes suite settings out with a warning, and makes a name', () => {
    expect(refusal('name: x\ntest_cass: []\nmatchers: []\n').message).toMatch(
      /triage\.yaml:2: test_cass: unknown key "test_cass"; did you mean "test_cases"\?/,
    );
    expect(refusal('matchers: []\ndefault_matchers: []\ntest_cases: []\n').message).toMatch(
      /triage\.yaml:2: default_matchers: give matchers or default_matchers, not both/,
    );
    expect(refusal('test_cases:\n  - nmae: a\n    input: { q: 1 }\n').message).toMatch(
      /triage\.yaml:2: test_cases\[0\]\.nmae: unknown key "nmae"; did you mean "name"\?/,
    );
    expect(refusal('test_cases:\n  - name: a\n    vars: { q: 1 }\n').message).toMatch(
      /triage\.yaml:3: test_cases\[0\]\.vars: unknown key "vars"; "vars" is Assay's spelling; this file's is "input"\./,
    );
    const { parsed } = read(
      'name: Support Triage (v2)\nprompt: "Classify: {{ticket}}"\nmodels: [openai:gpt-4o-mini]\njudge_model: openai:gpt-4o\ntest_cases:\n  - name: a\n',
    );
    expect(parsed.meta.name).toBe('support-triage-v2');
    expect(parsed.warnings).toEqual([
      {
        line: 1,
        message:
          'name "Support Triage (v2)" is not a dataset name; imported as "support-triage-v2"',
      },
      {
        line: 2,
        message:
          'not imported into the dataset: prompt, models, judge_model (suite settings: assay eval reads them)',
      },
    ]);
    expect(parsed.suggested).toEqual({
      prompts: ['Classify: {{ticket}}'],
      providers: ['openai:gpt-4o-mini'],
    });
  });

  it('leaves Assay YAML to its own reader', () => {
    const { parsed, drafts } = read(
      'name: faq\ndefault_matchers: [{ type: not-contains, value: x }]\ntest_cases:\n  - description: d\n    input: q\n    matchers: [{ type: contains, value: a, ignoreCase: true }]\n',
    );
    expect(parsed.format).toBeUndefined();
    expect(drafts[0]!.matchers).toEqual([
      { type: 'not-contains', value: 'x' },
      { type: 'contains', value: 'a', ignoreCase: true },
    ]);
  });
});
