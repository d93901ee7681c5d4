import { stringify } from 'yaml';
import type { ImportWarning } from '../../../shared/contract';
import { canonicalJson } from '../../kit/canonical-json';
import { writeMatcher } from './assay-py-matchers';
import type { CaseDraft } from './case-draft';
import type { DatasetMeta } from './parsed-dataset';

/**
 * Writes a dataset in the assay-py shape (format-assay-py.ts reads it back to the same cases):
 * `name` ← description, `input` ← variables, matchers through the dialect table. A matcher the
 * dialect cannot say is written in Assay's own spelling, which the reader takes as it is, and
 * reported: never dropped.
 */

/**
 * A variable's text as the file most likely wrote it: numbers, booleans and JSON lists or maps
 * that the importer turned into text go back to their own YAML form. Only text that reads back
 * to the very same string is converted, so the round trip is exact.
 */
function fileValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text) return Number(text);
  if (/^[[{]/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      if (JSON.stringify(value) === text) return value;
    } catch {
      // Not JSON: it stays text.
    }
  }
  return text;
}

/** The matchers every case starts with (at least two cases): written once, as `matchers`. */
function sharedPrefix(drafts: readonly CaseDraft[]): number {
  if (drafts.length < 2) return 0;
  const keys = drafts.map((d) => d.matchers.map((m) => canonicalJson(m)));
  let n = 0;
  while (keys.every((k) => n < k.length && k[n] === keys[0]![n])) n++;
  return n;
}

class Writer {
  /** One warning per reason, with how often and where first: a 5,000-case export stays readable. */
  private readonly kept = new Map<string, { first: string; count: number }>();

  matchers(list: readonly unknown[], at: string): unknown[] {
    return list.map((m, j) => {
      const written = writeMatcher(m);
      if (written.ok) return written.matcher;
      const seen = this.kept.get(written.reason);
      if (seen) seen.count++;
      else this.kept.set(written.reason, { first: `${at}[${j}]`, count: 1 });
      return m;
    });
  }

  warnings(): ImportWarning[] {
    return [...this.kept].map(([reason, { first, count }]) => ({
      message: `${first}${count > 1 ? ` and ${count - 1} more` : ''}: ${reason}; written in Assay's spelling (assay-py import reads it back)`,
    }));
  }
}

export function serializeAssayPyDataset(
  meta: Required<DatasetMeta>,
  drafts: readonly CaseDraft[],
): { content: string; warnings: ImportWarning[] } {
  const w = new Writer();
  const shared = sharedPrefix(drafts);
  const test_cases = drafts.map((d, i) => {
    const own = d.matchers.slice(shared);
    const input = Object.fromEntries(
      Object.entries(d.vars).map(([name, text]) => [name, fileValue(text)]),
    );
    return {
      ...(d.description === '' ? {} : { name: d.description }),
      ...(Object.keys(input).length === 0 ? {} : { input }),
      ...(d.expected === undefined ? {} : { expected: d.expected }),
      ...(own.length === 0 ? {} : { matchers: w.matchers(own, `test_cases[${i}].matchers`) }),
      ...(d.tags.length === 0 ? {} : { tags: [...d.tags] }),
    };
  });
  const file = {
    name: meta.name,
    interaction_type: meta.interactionType,
    ...(meta.description === '' ? {} : { description: meta.description }),
    ...(meta.tags.length === 0 ? {} : { tags: meta.tags }),
    ...(shared === 0
      ? {}
      : { matchers: w.matchers(drafts[0]!.matchers.slice(0, shared), 'matchers') }),
    test_cases,
  };
  // lineWidth 0: never fold long lines, so inputs read (and diff) as written.
  const content = stringify(file, { lineWidth: 0, aliasDuplicateObjects: false });
  return { content, warnings: w.warnings() };
}
