import type { RunView } from '../../../../shared/contract';
import { targetOf } from './format';
import { promptKey } from './run-components';

export interface MatrixRow {
  /** The prompt and its component versions (see promptKey). */
  readonly key: string;
  /** A run of that prompt, to label the row with (`name@v1.2`, its components). */
  readonly run: RunView;
}

export interface MatrixGrid {
  /**
   * One row per prompt as rendered, in order of first appearance: a composition version run
   * with other component versions is another row, so the two never look identical.
   */
  readonly prompts: readonly MatrixRow[];
  /** `provider:model`, in order of first appearance. */
  readonly models: readonly string[];
  /** The newest run of each prompt × model, keyed `promptKey\u0001model`. */
  readonly cells: ReadonlyMap<string, RunView>;
}

export const cellKey = (prompt: string, model: string): string => `${prompt}\u0001${model}`;

/** Runs (newest first) as a prompt × model grid, keeping the newest run of each pair. */
export function matrixOf(runs: readonly RunView[]): MatrixGrid {
  const prompts: MatrixRow[] = [];
  const models: string[] = [];
  const cells = new Map<string, RunView>();
  // Oldest first, so rows and columns read in the order they were started.
  for (const run of [...runs].reverse()) {
    const model = targetOf(run);
    const key = promptKey(run);
    if (!prompts.some((p) => p.key === key)) prompts.push({ key, run });
    if (!models.includes(model)) models.push(model);
    cells.set(cellKey(key, model), run);
  }
  return { prompts, models, cells };
}
