import { describe, expect, it } from 'vitest';
import type { CaseDraft } from './case-draft';
import { serializeCsvDataset } from './format-csv';
import { readDatasetFile } from './import-dataset';

const read = (text: string) => readDatasetFile('csv', text, 'cases.csv');

function problemsOf(text: string): unknown[] {
  try {
    read(text);
  } catch (err) {
    return (err as { details: { problems: unknown[] } }).details.problems;
  }
  throw new Error('expected a failure');
}

describe('CSV datasets', () => {
  it('maps input, vars.NAME, plain names, expected, matchers, tags and description', () => {
    const text = [
      '\uFEFFdescription,input,vars.tags,locale,expected,matchers,tags',
      'refunds,"Can I return it, please?",vip,en-GB,Yes,"[{""type"":""contains"",""value"":""Yes""}]","a, b"',
      ',"multi',
      'line",,,"",,',
    ].join('\r\n');
    expect(read(text).drafts).toEqual([
      {
        description: 'refunds',
        vars: { input: 'Can I return it, please?', tags: 'vip', locale: 'en-GB' },
        expected: 'Yes',
        matchers: [{ type: 'contains', value: 'Yes' }],
        tags: ['a', 'b'],
      },
      {
        // An empty cell leaves the field out; a quoted empty cell is an empty string.
        description: '',
        vars: { input: 'multi\r\nline' },
        expected: '',
        matchers: [],
        tags: [],
      },
    ]);
  });

  it('reads expected_json as JSON and one matcher object as a list of one', () => {
    const text = 'input,expected_json,matchers\nx,"{""a"":[1,2]}","{""type"":""is-json""}"\n';
    expect(read(text).drafts[0]).toMatchObject({
      expected: { a: [1, 2] },
      matchers: [{ type: 'is-json' }],
    });
  });

  it('names the line and row of a bad row, and the header line of a bad column', () => {
    expect(
      problemsOf('input,matchers\na,\nb,"[{""type"":""regex"",""pattern"":""(""}]"\n'),
    ).toEqual([expect.objectContaining({ line: 3, row: 2, path: 'matchers[0].pattern' })]);
    expect(problemsOf('input,matchers\n"x\ny",\nb,{nope\n')).toEqual([
      expect.objectContaining({
        line: 4,
        row: 2,
        path: 'matchers',
        message: expect.stringMatching(/^not valid JSON/),
      }),
    ]);
    expect(problemsOf('input,expected,expected_json\na,b,"""c"""\n')).toEqual([
      {
        line: 2,
        row: 1,
        path: 'expected_json',
        message: 'give expected or expected_json, not both',
      },
    ]);
    expect(problemsOf('input,bad name,input\n')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('column "bad name"') }),
      expect.objectContaining({ line: 1, message: 'column "input" appears twice (as vars.input)' }),
    ]);
    expect(problemsOf('input,expected\na,b,c\n')).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringContaining('Invalid Record Length'),
      }),
    ]);
    expect(problemsOf('')).toEqual([
      { line: 1, path: '', message: 'no header row (the file is empty)' },
    ]);
  });

  it('warns about promptfoo-style columns instead of guessing', () => {
    const { parsed } = read('input,__expected\na,contains: b\n');
    expect(parsed.warnings).toEqual([
      { line: 1, message: expect.stringContaining('column "__expected" looks like promptfoo') },
    ]);
  });

  it('writes what it reads: absent and empty values, commas, quotes, newlines, JSON', () => {
    const drafts: CaseDraft[] = [
      {
        description: ' padded ',
        vars: { input: 'a, "quoted"\nline', expected: 'a var named expected', x: '' },
        expected: { nested: [1, 'two'] },
        matchers: [{ type: 'contains', value: 'a' }],
        tags: ['t1', 't2'],
      },
      { description: '', vars: { y: 'only y' }, expected: '', matchers: [], tags: [] },
      { description: '', vars: { input: 'z' }, expected: undefined, matchers: [], tags: [] },
      // Nothing in any column: still a row, not a blank line.
      { description: '', vars: {}, expected: undefined, matchers: [], tags: [] },
    ];
    const text = serializeCsvDataset(drafts);
    expect(text.split('\r\n')[0]).toBe(
      'description,input,vars.expected,x,y,expected,expected_json,matchers,tags',
    );
    expect(read(text).drafts).toEqual(drafts);
    const empty = { description: '', vars: {}, expected: undefined, matchers: [], tags: [] };
    expect(read(serializeCsvDataset([empty, empty])).drafts).toEqual([empty, empty]);
  });
});
