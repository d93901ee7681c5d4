import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { PromptContent, PromptMessage } from '../../shared/contract';
import { canonicalJson } from '../kit/canonical-json';

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffPart {
  readonly value: string;
  readonly added: boolean;
  readonly removed: boolean;
}

export interface DiffSection {
  readonly title: string;
  readonly change: SectionChange;
  readonly before: string;
  readonly after: string;
  readonly parts: DiffPart[];
}

const parts = (changes: ChangeObject<string>[]): DiffPart[] =>
  changes.map((c) => ({ value: c.value, added: c.added, removed: c.removed }));

/** JSON with sorted keys, indented: two equal configs print identically, line for line. */
const prettyJson = (value: unknown): string =>
  JSON.stringify(JSON.parse(canonicalJson(value ?? {})), null, 2);

/** How a message reads in a diff; a ref shows what it points at, e.g. `→ tone@production`. */
function messageText(m: PromptMessage): string {
  if ('placeholder' in m) return `[placeholder: ${m.placeholder}]`;
  if ('ref' in m) {
    const at = m.ref.version ?? m.ref.label;
    return at ? `→ ${m.ref.prompt}@${at}` : `→ ${m.ref.prompt}`;
  }
  return m.content;
}

const roleOf = (m: PromptMessage): string => ('placeholder' in m ? 'placeholder' : m.role);

function section(
  title: string,
  before: string | undefined,
  after: string | undefined,
  lines = false,
): DiffSection {
  const a = before ?? '';
  const b = after ?? '';
  const change: SectionChange =
    before === undefined
      ? 'added'
      : after === undefined
        ? 'removed'
        : a === b
          ? 'unchanged'
          : 'changed';
  return {
    title,
    change,
    before: a,
    after: b,
    parts: parts(lines ? diffLines(a, b) : diffWordsWithSpace(a, b)),
  };
}

function messageSections(before: PromptMessage[], after: PromptMessage[]): DiffSection[] {
  const out: DiffSection[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const a = before[i];
    const b = after[i];
    const roles = [a, b].filter((m) => m !== undefined).map(roleOf);
    const role =
      roles[0] === roles[1] || roles.length === 1 ? roles[0] : `${roles[0]} → ${roles[1]}`;
    const s = section(`message ${i + 1} (${role})`, a && messageText(a), b && messageText(b));
    // A role change with the same words is still a change.
    out.push(s.change === 'unchanged' && roles[0] !== roles[1] ? { ...s, change: 'changed' } : s);
  }
  return out;
}

/**
 * Sections of a version diff: the text (or one per message position), the variables' defaults
 * when either side lists any, and the config. Text is compared word by word, JSON line by line.
 */
export function diffContents(before: PromptContent, after: PromptContent): DiffSection[] {
  const sections =
    before.messages || after.messages
      ? messageSections(before.messages ?? [], after.messages ?? [])
      : [section('text', before.text ?? '', after.text ?? '')];
  if (before.variables?.length || after.variables?.length)
    sections.push(
      section(
        'variables',
        prettyJson(before.variables ?? []),
        prettyJson(after.variables ?? []),
        true,
      ),
    );
  sections.push(section('config', prettyJson(before.config), prettyJson(after.config), true));
  return sections;
}
