import { z } from 'zod';
import {
  scoringRuleBodySchema,
  type ChannelInput,
  type ScoringFilter,
  type ScoringRuleView,
} from '../../../../shared/contract';

/**
 * The rule form is scoringRules.create's body schema from the contract, with the messages of
 * its sampling rate said in the percentage the form shows (the value stays the 0..1 rate).
 */
const rateMessage = 'a percentage from 0 to 100';
export const ruleFormSchema = scoringRuleBodySchema.extend({
  sampling: z.number({ error: rateMessage }).min(0, rateMessage).max(1, rateMessage),
});
export type RuleFormValues = z.input<typeof ruleFormSchema>;
export type RuleFormOutput = z.output<typeof ruleFormSchema>;

export const FILTER_FIELDS: readonly {
  readonly key: keyof ScoringFilter;
  readonly label: string;
  readonly hint: string;
}[] = [
  { key: 'types', label: 'Interaction types', hint: 'any of them; blank: every type' },
  { key: 'prompts', label: 'Prompts', hint: 'prompt names, any version' },
  { key: 'models', label: 'Models', hint: 'model ids, e.g. gpt-4o-mini' },
  { key: 'tags', label: 'Tags', hint: 'an interaction must carry all of them' },
  { key: 'users', label: 'Users', hint: 'user ids' },
];

export function ruleFormValues(rule: ScoringRuleView | null): RuleFormValues {
  if (!rule)
    return { name: '', scorecardId: '', filter: {}, sampling: 1, dailyBudgetUsd: 1, enabled: true };
  return {
    name: rule.name,
    scorecardId: rule.scorecardId,
    filter: rule.filter,
    sampling: rule.sampling,
    dailyBudgetUsd: rule.dailyBudgetUsd,
    enabled: rule.enabled,
  };
}

/** An edit sends every field the form shows; enabling is the list's switch, not the form's. */
export function ruleUpdate(
  id: string,
  values: RuleFormOutput,
): ChannelInput<'scoringRules.update'> {
  const { name, scorecardId, filter, sampling, dailyBudgetUsd } = values;
  return { id, name, scorecardId, filter, sampling, dailyBudgetUsd };
}

/** "a, b,,c " → ['a', 'b', 'c']; nothing → undefined (the filter field is left out). */
export function listOf(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? undefined : items;
}

/** A rate as the percentage the form shows, without float noise: 0.07 → 7. */
export const percentOf = (rate: number): number => Number((rate * 100).toFixed(6));

/**
 * The first message under a field's error: its own, or an item's (`tags.1` too long) with the
 * item's place, so a list field shows what is wrong with one of its values.
 */
export function firstMessage(error: unknown, at = ''): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string' && message !== '') return at ? `${at}: ${message}` : message;
  for (const [key, value] of Object.entries(error)) {
    if (key === 'ref' || key === 'type') continue;
    const place = /^\d+$/.test(key) ? `value ${Number(key) + 1}` : key;
    const found = firstMessage(value, at ? `${at}.${place}` : place);
    if (found) return found;
  }
  return null;
}
