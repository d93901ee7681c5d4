import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeId, slug, spanFileName, timeStamp, traceFolderName } from './file-names';

const ROOT = path.resolve('/tmp/export-root');

/** What every computed name must be: one plain segment that resolves inside the root. */
function assertSafeSegment(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(200);
  expect(name).not.toMatch(/[/\\:\0]/);
  expect(name).not.toMatch(/^\.+$/);
  expect(name.startsWith('.')).toBe(false);
  const resolved = path.resolve(ROOT, name);
  expect(path.dirname(resolved)).toBe(ROOT);
}

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '../../x',
    '..',
    '.',
    '/etc/passwd',
    'C:\\Windows\\x',
    '..\\..\\x',
    '',
    ' ',
    '\0',
    'a/../../b',
  ),
  fc
    .array(fc.constantFrom('..', '/', '\\', '.', 'x', ':', '\0', 'é'), { maxLength: 40 })
    .map((a) => a.join('')),
);

describe('export file names', () => {
  it('keep any span name or id, however hostile, one segment inside the export folder', () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        fc.nat(100_000),
        (name, id, kind, started, i) => {
          const folder = traceFolderName({ id, name, startedAt: started });
          assertSafeSegment(folder);
          const file = spanFileName(i, i + 1, { kind, name });
          assertSafeSegment(file);
          expect(path.dirname(path.resolve(ROOT, folder, file))).toBe(path.join(ROOT, folder));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps hex and UUID ids as they are (greppable) and tells apart ids that slug alike', () => {
    expect(safeId('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(safeId('0193a3c2-7f00-7aaa-8bbb-0123456789ab')).toBe(
      '0193a3c2-7f00-7aaa-8bbb-0123456789ab',
    );
    expect(safeId('../../x')).not.toBe(safeId('..//x'));
    expect(safeId('../../x')).toMatch(/^x-[0-9a-f]{12}$/);
  });

  it('names folders by UTC start time first, so a listing sorts by time', () => {
    const a = traceFolderName({
      id: 'b',
      name: 'Chat: answer?',
      startedAt: '2026-12-06T10:00:00.000+02:00',
    });
    const b = traceFolderName({ id: 'a', name: 'zzz', startedAt: '2026-12-06T09:00:01.000Z' });
    expect(a).toBe('2026-12-06T08-00-00Z_chat-answer_b');
    expect([b, a].sort()).toEqual([a, b]);
    expect(timeStamp('not a time')).toBe('unknown-time');
  });

  it('numbers span files wide enough to sort, with kind and a slug of the name', () => {
    expect(spanFileName(0, 3, { kind: 'llm', name: 'openai:gpt-4o' })).toBe(
      '01-llm-openai-gpt-4o.md',
    );
    expect(spanFileName(9, 250, { kind: 'tool', name: '' })).toBe('010-tool-unnamed.md');
    expect(slug('Ünïcödé  Nàmé!!')).toBe('unicode-name');
  });
});
