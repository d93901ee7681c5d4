import { describe, expect, it } from 'vitest';
import { parsePromptFile } from './read-prompt-files';

const problems = (text: string) => {
  const result = parsePromptFile('p.yaml', text);
  return result.ok ? [] : result.problems.map((p) => `${p.line}: ${p.message}`);
};

describe('parsePromptFile', () => {
  it('accepts a minimal hand-written file', () => {
    const result = parsePromptFile(
      'p.yaml',
      'name: hello\nkind: text\nversions:\n  - version: v1.0\n    content:\n      text: Hi {{name}}\n',
    );
    expect(result.ok).toBe(true);
  });

  it('points each problem at its line', () => {
    expect(problems('name: x\nname: y\n')).toEqual(['2: Map keys must be unique']);
    expect(problems('')).toEqual(['1: Invalid input: expected object, received null']);
    expect(
      problems(
        'name: x\nkind: text\nversions:\n  - version: v1.0\n    content: {text: a}\n    bogus: 1\n',
      ),
    ).toEqual(['6: "versions.0": Unrecognized key: "bogus"']);
    expect(
      problems(
        [
          'name: x',
          'kind: text',
          'labels:',
          '  production: v2.0',
          'versions:',
          '  - version: v1.0',
          '    content: {text: a}',
          '  - version: v1.0',
          '    parent: v3.0',
          '    content_hash: "0000000000000000000000000000000000000000000000000000000000000000"',
          '    content: {text: b}',
        ].join('\n'),
      ),
    ).toEqual([
      '8: v1.0 appears twice',
      '9: v1.0: parent v3.0 is not an older version in this file',
      '10: v1.0: content_hash does not match the content (edited by hand? remove the hash)',
      '4: label production points at v2.0, which is not in this file',
    ]);
  });

  it('survives alias bombs and odd documents without throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${'b'.repeat(i + 1)}: &b${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(', ')}]`,
      );
    for (const text of [
      bomb.join('\n'),
      '--- a\n--- b\n',
      '!!binary aGk=',
      '? [a, b]\n: c\n',
      '\t\u0000',
    ])
      expect(problems(text).length).toBeGreaterThan(0);
  });
});
