import { describe, expect, it } from 'vitest';
import type { CaseDraft } from './case-draft';
import { serializeJsonlDataset } from './format-jsonl';
import { readDatasetFile } from './import-dataset';

const read = (text: string) => readDatasetFile('jsonl', text, 'cases.jsonl');

describe('JSONL datasets', () => {
  it('reads one case per line and skips blank lines', () => {
    const text = [
      '{"input": "a", "expected": "b", "tags": ["x"]}',
      '',
      '{"vars": {"input": "c", "n": 2}, "matchers": [{"type": "is-json"}]}\r',
    ].join('\n');
    expect(read(text).drafts).toEqual([
      { description: '', vars: { input: 'a' }, expected: 'b', matchers: [], tags: ['x'] },
      {
        description: '',
        vars: { input: 'c', n: '2' },
        expected: undefined,
        matchers: [{ type: 'is-json' }],
        tags: [],
      },
    ]);
  });

  it('names the line of bad JSON, a bad entry and a bad matcher', () => {
    const text = [
      '{"input": "ok"}',
      '{"input": "no close"',
      '["not", "an", "object"]',
      '{"input": "x", "matchers": [{"type": "contains"}]}',
    ].join('\n');
    let err: unknown;
    try {
      read(text);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^datasets\.import: cases\.jsonl:2: not valid JSON/),
      details: {
        problems: [
          expect.objectContaining({ line: 2, path: '' }),
          expect.objectContaining({
            line: 3,
            message: expect.stringContaining('must be a mapping'),
          }),
        ],
      },
    });
    expect(() => read('{"input": "x", "matchers": [{"type": "contains"}]}')).toThrow(
      /^datasets\.import: cases\.jsonl:1: matchers\[0\]\.value: /,
    );
  });

  it('round-trips what it writes', () => {
    const drafts: CaseDraft[] = [
      {
        description: 'd',
        vars: { input: 'line\nbreak' },
        expected: [1, { a: null }],
        matchers: [{ type: 'exact', value: 'x' }],
        tags: ['t'],
      },
      { description: '', vars: { a: '1', input: '' }, expected: undefined, matchers: [], tags: [] },
    ];
    expect(read(serializeJsonlDataset(drafts)).drafts).toEqual(drafts);
  });
});
