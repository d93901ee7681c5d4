import type { ResultView, RunView } from '../../../../shared/contract';
import type { MatrixFilter } from './eval-route';
import { targetOf } from './format';
import { outputText } from './result-columns';
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

/** The runs of a grid as matrix columns: each prompt's models in turn, newest run of each pair. */
export function columnsOf(grid: MatrixGrid): RunView[] {
  return grid.prompts.flatMap((row) =>
    grid.models.flatMap((model) => {
      const run = grid.cells.get(cellKey(row.key, model));
      return run ? [run] : [];
    }),
  );
}

/** One case (one repeat of it) across the matrix's runs. */
export interface CaseRow {
  readonly key: string;
  readonly position: number;
  readonly repeatIndex: number;
  readonly vars: Readonly<Record<string, string>>;
  readonly expected: unknown;
  /** The case's result in each column's run, in column order; undefined where it has none. */
  readonly cells: readonly (ResultView | undefined)[];
}

/** Cases down, runs across: results matched by case and repeat, in dataset order. */
export function caseRowsOf(
  runs: readonly RunView[],
  byRun: ReadonlyMap<string, readonly ResultView[]>,
): CaseRow[] {
  const rows = new Map<string, { first: ResultView; cells: (ResultView | undefined)[] }>();
  runs.forEach((run, column) => {
    for (const result of byRun.get(run.id) ?? []) {
      const key = `${result.caseKey}#${result.repeatIndex}`;
      let row = rows.get(key);
      if (!row) {
        row = { first: result, cells: Array.from({ length: runs.length }, () => undefined) };
        rows.set(key, row);
      }
      row.cells[column] = result;
    }
  });
  return [...rows.entries()]
    .map(([key, { first, cells }]) => ({
      key,
      position: first.position,
      repeatIndex: first.repeatIndex,
      vars: first.vars,
      expected: first.expected,
      cells,
    }))
    .sort((a, b) => a.position - b.position || a.repeatIndex - b.repeatIndex);
}

const failed = (r: ResultView | undefined) => r?.status === 'fail' || r?.status === 'error';

/** A row with at least one failed or errored cell. */
export const hasFailure = (row: CaseRow): boolean => row.cells.some(failed);

/**
 * A row whose cells disagree: one passes where another does not, or their outputs differ. Only
 * cells with a result are compared (a run still going has not reached every case).
 */
export function isDifferent(row: CaseRow): boolean {
  const present = row.cells.filter((c): c is ResultView => c !== undefined);
  const [first, ...rest] = present;
  if (!first) return false;
  return rest.some(
    (c) =>
      (c.status === 'pass') !== (first.status === 'pass') || outputText(c) !== outputText(first),
  );
}

export const MATRIX_ROW_FILTERS: Record<MatrixFilter, (row: CaseRow) => boolean> = {
  all: () => true,
  failures: hasFailure,
  different: isDifferent,
};
