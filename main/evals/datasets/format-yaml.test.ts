import { describe, expect, it } from 'vitest';
import { readDatasetFile } from './import-dataset';

const read = (text: string) => readDatasetFile('yaml', text, 'suite.yaml');

describe('YAML datasets', () => {
  it('reads metadata, input or vars, expected, matchers, tags and merged default matchers', () => {
    const { parsed, drafts } = read(
      [
        'name: support-faq',
        'interaction_type: classification',
        'description: Refund questions',
        'tags: [support]',
        'default_matchers:',
        '  - { type: not-contains, value: As an AI }',
        'test_cases:',
        '  - description: refund window',
        '    input: Can I return it?',
        '    expected: Yes, within 30 days.',
        '    matchers:',
        '      - { type: contains, value: 30 days }',
        '    tags: [refunds]',
        '  - vars: { input: 42, locale: en-GB, flags: [a, b], on: true }',
        '    expected: { intent: refund, confidence: 0.9 }',
      ].join('\n'),
    );
    expect(parsed.meta).toEqual({
      name: 'support-faq',
      interactionType: 'classification',
      description: 'Refund questions',
      tags: ['support'],
    });
    expect(drafts).toEqual([
      {
        description: 'refund window',
        vars: { input: 'Can I return it?' },
        expected: 'Yes, within 30 days.',
        matchers: [
          { type: 'not-contains', value: 'As an AI' },
          { type: 'contains', value: '30 days' },
        ],
        tags: ['refunds'],
      },
      {
        description: '',
        vars: { input: '42', locale: 'en-GB', flags: '["a","b"]', on: 'true' },
        expected: { intent: 'refund', confidence: 0.9 },
        matchers: [{ type: 'not-contains', value: 'As an AI' }],
        tags: [],
      },
    ]);
  });

  it('reads a bare list as test_cases', () => {
    expect(read('- input: a\n- input: b\n').drafts.map((d) => d.vars)).toEqual([
      { input: 'a' },
      { input: 'b' },
    ]);
  });

  it('names file, line and field of an invalid matcher', () => {
    const text = [
      'test_cases:',
      '  - input: a',
      '  - input: b',
      '  - input: c',
      '  - input: d',
      '    matchers:',
      '      - type: regex',
      '        pattern: "[unclosed"',
    ].join('\n');
    expect(() => read(text)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(
          /^datasets\.import: suite\.yaml:8: test_cases\[3\]\.matchers\[0\]\.pattern: Invalid regular expression/,
        ),
      }),
    );
  });

  it('reports a bad default matcher once, at default_matchers', () => {
    const text = 'default_matchers:\n  - type: nope\ntest_cases:\n  - input: a\n  - input: b\n';
    let err: unknown;
    try {
      read(text);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      message: expect.stringMatching(
        /^datasets\.import: suite\.yaml:2: default_matchers\[0\]\.type: unknown matcher type "nope"/,
      ),
      details: {
        problems: [expect.objectContaining({ line: 2, path: 'default_matchers[0].type' })],
      },
    });
  });

  it('refuses unknown keys, input with vars.input, null variables and bad names, with lines', () => {
    const problems = (text: string) => {
      try {
        read(text);
      } catch (err) {
        return (err as { details: { problems: unknown[] } }).details.problems;
      }
      throw new Error('expected a failure');
    };
    expect(problems('test_cases:\n  - input: a\n    matcher: []\n')).toEqual([
      { line: 3, path: 'test_cases[0].matcher', message: 'unknown key "matcher"' },
    ]);
    expect(problems('test_cases:\n  - input: a\n    vars: { input: b }\n')).toEqual([
      { line: 2, path: 'test_cases[0].input', message: 'give input or vars.input, not both' },
    ]);
    expect(problems('test_cases:\n  - vars:\n      x: null\n')).toEqual([
      { line: 3, path: 'test_cases[0].vars.x', message: 'has no value; use "" or leave it out' },
    ]);
    expect(problems('test_cases:\n  - vars:\n      "bad name": x\n')[0]).toMatchObject({
      line: 3,
      path: 'test_cases[0].vars.bad name',
    });
    expect(problems('test_cases:\n  - input: a\n    tags: ["x,y"]\n')[0]).toMatchObject({
      line: 3,
      path: 'test_cases[0].tags[0]',
      message: 'no commas',
    });
    expect(problems('name: x\ntest_cases: [\n')[0]).toMatchObject({ line: 3, path: '' });
  });

  it('hints at the promptfoo format when given a promptfoo config', () => {
    expect(() => read('prompts: [x]\ntests:\n  - vars: { a: 1 }\n')).toThrow(
      /import it as promptfoo/,
    );
  });

  it('refuses alias bombs with a coded error instead of expanding them', () => {
    const lines = ['a: &a { input: x }'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(10)
          .fill(`*${names[i - 1]}`)
          .join(', ')}]`,
      );
    lines.push(`test_cases: [${Array(10).fill('*i').join(', ')}]`);
    expect(() => read(lines.join('\n'))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('Excessive alias count'),
      }),
    );
  });
});
