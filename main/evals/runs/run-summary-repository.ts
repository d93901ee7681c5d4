import type { Kysely, Selectable } from 'kysely';
import type { DB, EvalRunSummaryTable } from '../../store/schema';
import { readJson } from '../../store/json-column';
import type { RunParameters } from './run-rows';
import type { RunSummary, SummaryInput } from './run-summary';

/** A completed run as a leaderboard lists it, with its stored summary (null: not yet made). */
export interface BoardRun {
  readonly id: string;
  readonly promptVersionId: string | null;
  readonly promptLabel: string;
  readonly provider: string;
  readonly model: string;
  readonly finishedAt: string;
  /** Whether a scorecard graded the run (its summary is then made from the scorecard's verdicts). */
  readonly byScorecard: boolean;
  readonly summary: RunSummary | null;
}

function toSummary(
  row: Omit<Selectable<EvalRunSummaryTable>, 'run_id' | 'computed_at'>,
): RunSummary {
  return {
    results: row.results,
    scored: row.scored,
    errors: row.errors,
    meanScore: row.mean_score,
    passRate: row.pass_rate,
    costPicoUsd: row.cost_pico_usd,
    pricedResults: row.priced_results,
    unpricedResults: row.unpriced_results,
    latencyP50Ms: row.latency_p50_ms,
    latencyP95Ms: row.latency_p95_ms,
  };
}

/** Completed runs' leaderboard summaries (eval_run_summary), on either dialect. */
export class RunSummaryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The dataset's completed runs with their summaries, oldest first (one query). */
  async boardRuns(datasetId: string): Promise<BoardRun[]> {
    const rows = await this.db
      .selectFrom('eval_run as r')
      .leftJoin('eval_run_summary as s', 's.run_id', 'r.id')
      .select([
        'r.id',
        'r.prompt_version_id',
        'r.prompt_label',
        'r.provider',
        'r.model',
        'r.finished_at',
        'r.created_at',
        'r.parameters_json',
        's.run_id as summary_of',
        's.results',
        's.scored',
        's.errors',
        's.mean_score',
        's.pass_rate',
        's.cost_pico_usd',
        's.priced_results',
        's.unpriced_results',
        's.latency_p50_ms',
        's.latency_p95_ms',
      ])
      .where('r.dataset_id', '=', datasetId)
      .where('r.status', '=', 'completed')
      .orderBy('r.finished_at')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      promptVersionId: r.prompt_version_id,
      promptLabel: r.prompt_label,
      provider: r.provider,
      model: r.model,
      // A completed run always has its finish time; created_at stands in for a hand-made row.
      finishedAt: r.finished_at ?? r.created_at,
      // Parsed for every run: a few hundred bytes each, and the pin decides the summary.
      byScorecard: readJson<RunParameters>(r.parameters_json).scorecard !== undefined,
      summary:
        r.summary_of === null
          ? null
          : toSummary({
              results: r.results!,
              scored: r.scored!,
              errors: r.errors!,
              mean_score: r.mean_score,
              pass_rate: r.pass_rate,
              cost_pico_usd: r.cost_pico_usd,
              priced_results: r.priced_results!,
              unpriced_results: r.unpriced_results!,
              latency_p50_ms: r.latency_p50_ms,
              latency_p95_ms: r.latency_p95_ms,
            }),
    }));
  }

  /** What a summary reads of each of the run's results; the matchers' JSON only when needed. */
  async inputs(runId: string, withMatchers: boolean): Promise<SummaryInput[]> {
    return (await this.inputsOf([runId], withMatchers)).get(runId) ?? [];
  }

  /** inputs() of several runs in one query (the first board read of many old runs), by run. */
  async inputsOf(
    runIds: readonly string[],
    withMatchers: boolean,
  ): Promise<Map<string, SummaryInput[]>> {
    const byRun = new Map<string, SummaryInput[]>(runIds.map((id) => [id, []]));
    if (runIds.length === 0) return byRun;
    const rows = await this.db
      .selectFrom('eval_result')
      .select(['run_id', 'status', 'score', 'latency_ms', 'cost_pico_usd'])
      .$if(withMatchers, (q) => q.select('matchers_json'))
      .where('run_id', 'in', runIds)
      .execute();
    for (const r of rows)
      byRun.get(r.run_id)!.push({
        status: r.status,
        score: r.score,
        latencyMs: r.latency_ms,
        costPicoUsd: r.cost_pico_usd,
        matchersJson: 'matchers_json' in r ? (r.matchers_json as string) : null,
      });
    return byRun;
  }

  /** Stores a run's summary unless one is stored already (two readers may make it at once). */
  async save(runId: string, summary: RunSummary, at: string): Promise<void> {
    await this.db
      .insertInto('eval_run_summary')
      .values({
        run_id: runId,
        results: summary.results,
        scored: summary.scored,
        errors: summary.errors,
        mean_score: summary.meanScore,
        pass_rate: summary.passRate,
        cost_pico_usd: summary.costPicoUsd,
        priced_results: summary.pricedResults,
        unpriced_results: summary.unpricedResults,
        latency_p50_ms: summary.latencyP50Ms,
        latency_p95_ms: summary.latencyP95Ms,
        computed_at: at,
      })
      .onConflict((oc) => oc.column('run_id').doNothing())
      .execute();
  }

  /** Datasets with at least one completed run: how many, and when the newest completed. */
  async datasetsWithRuns(): Promise<{ datasetId: string; runs: number; lastAt: string | null }[]> {
    const rows = await this.db
      .selectFrom('eval_run')
      .select((eb) => [
        'dataset_id',
        eb.fn.countAll<number>().as('runs'),
        eb.fn.max('finished_at').as('last_at'),
      ])
      .where('status', '=', 'completed')
      .where('dataset_id', 'is not', null)
      .groupBy('dataset_id')
      .execute();
    return rows.map((r) => ({
      datasetId: r.dataset_id!,
      runs: Number(r.runs),
      lastAt: r.last_at ?? null,
    }));
  }
}
