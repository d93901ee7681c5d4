import crypto from 'node:crypto';
import type { ScoringFilter } from '../../../shared/contract/scoring-rules';

/** What a rule's filter reads of an interaction. */
export interface RuleFacts {
  readonly id: string;
  readonly type: string;
  readonly promptName: string | null;
  readonly model: string | null;
  readonly tags: readonly string[];
  readonly userId: string | null;
}

function oneOf(allowed: readonly string[] | undefined, value: string | null): boolean {
  return (
    allowed === undefined || allowed.length === 0 || (value !== null && allowed.includes(value))
  );
}

export function matchesFilter(filter: ScoringFilter, facts: RuleFacts): boolean {
  return (
    oneOf(filter.types, facts.type) &&
    oneOf(filter.prompts, facts.promptName) &&
    oneOf(filter.models, facts.model) &&
    oneOf(filter.users, facts.userId) &&
    (filter.tags ?? []).every((tag) => facts.tags.includes(tag))
  );
}

/**
 * Whether a rule samples this interaction: a hash of rule and interaction, not a coin flipped
 * per arrival, so re-running a rule (after a restart, on a replayed batch) samples the same
 * interactions and never scores one twice, and two rules sample independently.
 */
export function sampled(ruleId: string, interactionId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  const digest = crypto.createHash('sha256').update(`${ruleId}\u0000${interactionId}`).digest();
  // 48 bits: an exact integer in a double, uniform in [0, 1) once divided.
  return digest.readUIntBE(0, 6) / 2 ** 48 < rate;
}
