import { chatStrategy } from './chat';
import { classificationStrategy } from './classification';
import { extractionStrategy } from './extraction';
import { generationStrategy } from './generation';
import type { OutputStrategy, PreparedOutput } from './types';

export type { OutputStrategy, PreparedOutput } from './types';

/** One line per strategy: adding an interaction type is a module plus a line here. */
const STRATEGY_LIST = [
  chatStrategy,
  extractionStrategy,
  classificationStrategy,
  generationStrategy,
];

export type InteractionType = (typeof STRATEGY_LIST)[number]['type'];

export const INTERACTION_TYPES: readonly InteractionType[] = STRATEGY_LIST.map((s) => s.type);

const STRATEGIES: ReadonlyMap<string, OutputStrategy> = new Map(
  STRATEGY_LIST.map((s) => [s.type, s]),
);

export function getStrategy(type: string): OutputStrategy | undefined {
  return STRATEGIES.get(type);
}

export function isInteractionType(type: string): type is InteractionType {
  return STRATEGIES.has(type);
}

/**
 * Prepares an output for matching. An unknown interaction type is judged as chat (text as is)
 * and says so in the note, so a typo in a dataset shows up in results instead of failing a run.
 */
export function prepareOutput(type: string, output: string): PreparedOutput {
  const strategy = STRATEGIES.get(type);
  if (strategy !== undefined) return strategy.prepare(output);
  return { text: output, note: `unknown interaction type "${type}"; output judged as chat` };
}
