import type { PromptService } from '../../prompts/prompt-service';
import type { BoardEntry, BoardScopeInfo } from '../../quality/leaderboards/sources';
import type { WriteQueue } from '../../store/write-queue';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema';
import { RunSummaryRepository, type BoardRun } from './run-summary-repository';
import { summarizeRun, type RunSummary } from './run-summary';

/**
 * Completed eval runs as leaderboard entries (the evals domain's side of the board; the
 * quality domain ranks them). Each run's figures are read from its stored summary: made when
 * the run completed, or, for a run completed before summaries existed, made and stored here
 * the first time a board reads it, then reused.
 */
export interface BoardEntryDeps {
  readonly db: Kysely<DB>;
  readonly writes: WriteQueue;
  readonly prompts: Pick<PromptService, 'versionNames'>;
}

/** Computes a run's summary from its results and stores it (kept if one is stored already). */
export async function storeRunSummary(
  deps: Pick<BoardEntryDeps, 'db' | 'writes'>,
  runId: string,
  byScorecard: boolean,
): Promise<RunSummary> {
  const inputs = await new RunSummaryRepository(deps.db).inputs(runId, byScorecard);
  const summary = summarizeRun(inputs, byScorecard);
  const at = new Date().toISOString();
  await deps.writes.run((tx) => new RunSummaryRepository(tx).save(runId, summary, at));
  return summary;
}

/** Runs whose summaries are made per query and write on the first read (50,000 results). */
const SUMMARIES_PER_BATCH = 50;

/**
 * Makes and stores the summaries of runs that have none, a batch of runs per query and per
 * write (one round trip per run was most of a first read on PostgreSQL), one batch in memory
 * at a time.
 */
async function fillSummaries(
  deps: Pick<BoardEntryDeps, 'db' | 'writes'>,
  runs: readonly BoardRun[],
): Promise<Map<string, RunSummary>> {
  const made = new Map<string, RunSummary>();
  for (const byScorecard of [false, true]) {
    const group = runs.filter((r) => r.byScorecard === byScorecard);
    for (let i = 0; i < group.length; i += SUMMARIES_PER_BATCH) {
      const ids = group.slice(i, i + SUMMARIES_PER_BATCH).map((r) => r.id);
      const inputs = await new RunSummaryRepository(deps.db).inputsOf(ids, byScorecard);
      const batch = ids.map((id) => [id, summarizeRun(inputs.get(id)!, byScorecard)] as const);
      const at = new Date().toISOString();
      await deps.writes.run(async (tx) => {
        const repo = new RunSummaryRepository(tx);
        for (const [id, summary] of batch) await repo.save(id, summary, at);
      });
      for (const [id, summary] of batch) made.set(id, summary);
    }
  }
  return made;
}

export async function boardEntriesOf(
  deps: BoardEntryDeps,
  datasetId: string,
): Promise<BoardEntry[]> {
  const runs = await new RunSummaryRepository(deps.db).boardRuns(datasetId);
  const made = await fillSummaries(
    deps,
    runs.filter((r) => r.summary === null),
  );
  const ids = runs.flatMap((r) => (r.promptVersionId === null ? [] : [r.promptVersionId]));
  const names = await deps.prompts.versionNames(ids);
  return runs.map((run) => entryOf(run, run.summary ?? made.get(run.id)!, names));
}

function entryOf(
  run: BoardRun,
  s: RunSummary,
  names: Map<string, { name: string; version: string; author: string }>,
): BoardEntry {
  const named = run.promptVersionId === null ? undefined : names.get(run.promptVersionId);
  return {
    source: 'eval_run',
    runId: run.id,
    promptVersionId: run.promptVersionId,
    promptName: named?.name ?? null,
    promptVersion: named?.version ?? null,
    label: named ? `${named.name}@${named.version}` : run.promptLabel,
    author: named?.author ?? null,
    provider: run.provider,
    model: run.model,
    at: run.finishedAt,
    ...s,
  };
}

/** Datasets with completed runs, named, for the leaderboard's scope picker. */
export async function boardScopesOf(
  db: Kysely<DB>,
  nameOf: (datasetId: string) => Promise<string | null>,
): Promise<BoardScopeInfo[]> {
  const rows = await new RunSummaryRepository(db).datasetsWithRuns();
  const named = await Promise.all(
    rows.map(async (r) => ({ ...r, name: await nameOf(r.datasetId) })),
  );
  return named.flatMap((r) =>
    r.name === null
      ? []
      : [
          {
            kind: 'dataset' as const,
            id: r.datasetId,
            name: r.name,
            entries: r.runs,
            lastAt: r.lastAt,
          },
        ],
  );
}
