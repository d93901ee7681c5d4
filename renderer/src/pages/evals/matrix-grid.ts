import type { RunView } from '../../../../shared/contract';
import { targetOf } from './format';

export interface MatrixGrid {
  /** Prompt labels (`name@v1.2`, `inline prompt`), in order of first appearance. */
  readonly prompts: readonly string[];
  /** `provider:model`, in order of first appearance. */
  readonly models: readonly string[];
  /** The newest run of each prompt × model, keyed `prompt\u0000model`. */
  readonly cells: ReadonlyMap<string, RunView>;
}

export const cellKey = (prompt: string, model: string): string => `${prompt}\u0000${model}`;

/** Runs (newest first) as a prompt × model grid, keeping the newest run of each pair. */
export function matrixOf(runs: readonly RunView[]): MatrixGrid {
  const prompts: string[] = [];
  const models: string[] = [];
  const cells = new Map<string, RunView>();
  // Oldest first, so rows and columns read in the order they were started.
  for (const run of [...runs].reverse()) {
    const model = targetOf(run);
    if (!prompts.includes(run.prompt)) prompts.push(run.prompt);
    if (!models.includes(model)) models.push(model);
    cells.set(cellKey(run.prompt, model), run);
  }
  return { prompts, models, cells };
}
