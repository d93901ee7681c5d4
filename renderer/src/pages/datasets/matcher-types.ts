/**
 * STOPGAP until the shared matcher editor (renderer/src/components/matchers/, fed by the core's
 * list of matcher types) lands: the common matchers and their options, by hand, so a case's
 * matchers are edited as forms. The core still validates each one; its message shows on the
 * option it names. Replace this file and case-matchers-slot.tsx with the shared editor.
 */
export type OptionKind = 'text' | 'number' | 'boolean';

export interface MatcherOption {
  readonly name: string;
  readonly label: string;
  readonly kind: OptionKind;
  readonly hint?: string;
}

export interface MatcherType {
  readonly type: string;
  readonly label: string;
  readonly options: readonly MatcherOption[];
}

const ignoreCase: MatcherOption = { name: 'ignoreCase', label: 'Ignore case', kind: 'boolean' };

export const MATCHER_TYPES: readonly MatcherType[] = [
  {
    type: 'contains',
    label: 'Contains',
    options: [{ name: 'value', label: 'Value', kind: 'text' }, ignoreCase],
  },
  {
    type: 'exact',
    label: 'Exact',
    options: [
      { name: 'value', label: 'Value', kind: 'text', hint: 'Empty: the expected output' },
      ignoreCase,
    ],
  },
  {
    type: 'starts-with',
    label: 'Starts with',
    options: [{ name: 'value', label: 'Value', kind: 'text' }, ignoreCase],
  },
  {
    type: 'regex',
    label: 'Regex',
    options: [
      { name: 'pattern', label: 'Pattern', kind: 'text', hint: 'A JavaScript regex, no slashes' },
      { name: 'flags', label: 'Flags', kind: 'text', hint: 'such as i or ms' },
    ],
  },
  {
    type: 'levenshtein',
    label: 'Levenshtein',
    options: [
      { name: 'value', label: 'Value', kind: 'text', hint: 'Empty: the expected output' },
      { name: 'maxDistance', label: 'Max distance', kind: 'number' },
    ],
  },
  { type: 'is-json', label: 'Is JSON', options: [] },
  {
    type: 'classification',
    label: 'Classification',
    options: [{ name: 'value', label: 'Label', kind: 'text', hint: 'Empty: the expected output' }],
  },
  {
    type: 'llm-judge',
    label: 'LLM judge',
    options: [{ name: 'rubric', label: 'Rubric', kind: 'text' }],
  },
  { type: 'cost', label: 'Cost', options: [{ name: 'maxUsd', label: 'Max USD', kind: 'number' }] },
  {
    type: 'latency',
    label: 'Latency',
    options: [{ name: 'maxMs', label: 'Max ms', kind: 'number' }],
  },
];

export function matcherTypeOf(type: string): MatcherType | null {
  return MATCHER_TYPES.find((t) => t.type === type) ?? null;
}
