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

export async function boardEntriesOf(
  deps: BoardEntryDeps,
  datasetId: string,
): Promise<BoardEntry[]> {
  const runs = await new RunSummaryRepository(deps.db).boardRuns(datasetId);
  const summaries: RunSummary[] = [];
  // One run at a time: a thousand old runs read at once would hold all their results.
  for (const run of runs)
    summaries.push(run.summary ?? (await storeRunSummary(deps, run.id, run.byScorecard)));
  const ids = runs.flatMap((r) => (r.promptVersionId === null ? [] : [r.promptVersionId]));
  const names = await deps.prompts.versionNames(ids);
  return runs.map((run, i) => entryOf(run, summaries[i]!, names));
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
