import type { ResultCounts, RunRepository } from './run-repository';
import type { RunCaseRecord, RunRecord } from './run-rows';

/** One (case, repeat) of a run. */
export interface WorkItem {
  readonly c: RunCaseRecord;
  readonly repeat: number;
}

/** What is left of a run, and where its counts stand before any of it runs. */
export interface RunPlan {
  /** Every (case, repeat) without a stored result, in case order. */
  readonly todo: readonly WorkItem[];
  /** Cases times repeats: what a complete run stores. */
  readonly total: number;
  /** Results stored before this execution (a resumed run starts from them). */
  readonly stored: ResultCounts & { readonly done: number };
}

/**
 * Reads the run's cases and stored results. Counts come from what is stored, so a resumed run
 * (or one another process works on too) reports progress over the whole run.
 */
export async function planRun(repo: RunRepository, run: RunRecord): Promise<RunPlan> {
  const [done, cases, counts] = await Promise.all([
    repo.doneKeys(run.id),
    repo.cases(run.id),
    repo.resultCounts(run.id),
  ]);
  const todo: WorkItem[] = [];
  for (const c of cases)
    for (let r = 0; r < run.repeat; r++)
      if (!done.has(`${c.caseKey}#${r}`)) todo.push({ c, repeat: r });
  const total = cases.length * run.repeat;
  return { todo, total, stored: { ...counts, done: total - todo.length } };
}
