import { setMaxListeners } from 'node:events';
import { toErrorPayload } from '../../../shared/errors';
import { picoToUsd } from '../../../shared/money';
import type { MatcherContext } from '../../evals/matchers/core/definition';
import type { EventBus } from '../../kit/event-bus';
import type { ResultMetrics } from '../../metrics/result-metrics';
import type { Store } from '../../store/store';
import type { ScorecardScorer } from '../eval-scoring/scorecard-scorer';
import type { ItemRecord, ResolvedSide, RunRecord } from './backtest-records';
import { BacktestRepository } from './backtest-repository';
import { gradeSide } from './grade-side';
import { productionSide, replaySide, type ReplaySeam, type SideOutcome } from './replay-side';

export interface ExecutorDeps {
  readonly store: Store;
  readonly events: EventBus;
  readonly seam: ReplaySeam;
  readonly scorer: ScorecardScorer;
  /** The judge seam of matchers that call a model, within the run's signal. */
  readonly matcherContext: (signal: AbortSignal, runId: string) => MatcherContext;
  /** Counts stored results for Prometheus (backtest throughput). */
  readonly metrics?: ResultMetrics | undefined;
}

/** Progress goes out at most this often (and at the end): a 10,000-item run must not flood. */
const PROGRESS_EVERY_MS = 250;

interface Work {
  readonly item: ItemRecord;
  readonly side: number;
}

/**
 * Executes a backtest run: every (item, side) without a stored result is replayed (or, for a
 * production baseline, read as recorded), graded, and stored at once, so a crash or a cancel
 * loses at most the calls in flight and a resume does only what is missing. Work is taken item
 * by item, both sides of an item close together, so a run stopped halfway has pairs to read.
 */
export class RunExecutor {
  private readonly active = new Map<string, AbortController>();
  private readonly finished = new Map<string, Promise<void>>();

  constructor(private readonly deps: ExecutorDeps) {}

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Starts a run in the background; settles `done(runId)` when it stops for any reason. */
  start(run: RunRecord, finish: (runId: string) => Promise<void>): void {
    const controller = new AbortController();
    // Every call in flight listens to the run's signal: `concurrency` of them, not a leak.
    setMaxListeners(0, controller.signal);
    this.active.set(run.id, controller);
    const done = this.execute(run, controller.signal, finish)
      .catch(async (err: unknown) => {
        const { message } = toErrorPayload(err);
        await this.deps.store.writes.run((tx) =>
          new BacktestRepository(tx).updateRun(run.id, {
            status: 'failed',
            error: message,
            finishedAt: new Date().toISOString(),
          }),
        );
        await this.publish(run, 'failed');
      })
      .finally(() => this.active.delete(run.id));
    this.finished.set(
      run.id,
      done.finally(() => this.finished.delete(run.id)),
    );
  }

  cancel(runId: string): boolean {
    const controller = this.active.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Settles when the run stops (tests and shutdown wait on it). */
  async settled(runId?: string): Promise<void> {
    if (runId) await this.finished.get(runId);
    else await Promise.all([...this.finished.values()]);
  }

  async close(): Promise<void> {
    for (const c of this.active.values()) c.abort();
    await this.settled();
  }

  private sideOf(run: RunRecord, side: number): ResolvedSide | null {
    return side === 0 ? run.spec.baseline.side : run.spec.candidates[side - 1]!.side;
  }

  private async execute(
    run: RunRecord,
    signal: AbortSignal,
    finish: (runId: string) => Promise<void>,
  ): Promise<void> {
    const repo = new BacktestRepository(this.deps.store.db);
    await this.deps.store.writes.run((tx) =>
      new BacktestRepository(tx).updateRun(run.id, {
        status: 'running',
        startedAt: run.startedAt ?? new Date().toISOString(),
        error: null,
        finishedAt: null,
      }),
    );
    const plan = await this.deps.scorer.load(run.pin);
    const items = await repo.items(run.setId);
    const stored = await repo.storedKeys(run.id);
    const sides = run.spec.candidates.length + 1;
    const work: Work[] = [];
    for (const item of items)
      for (let side = 0; side < sides; side++)
        if (!stored.has(`${item.position}:${side}`)) work.push({ item, side });
    const matcherContext = this.deps.matcherContext(signal, run.id);
    const promptNames = new Map<string, Promise<string | null>>();
    let next = 0;
    let lastProgress = 0;
    const worker = async () => {
      while (!signal.aborted && next < work.length) {
        const { item, side } = work[next++]!;
        const resolved = this.sideOf(run, side);
        const attributes = { backtestRunId: run.id, position: item.position, side };
        const outcome: SideOutcome = resolved
          ? await replaySide(item.frozen, resolved, {
              seam: this.deps.seam,
              signal,
              attributes,
              where: 'backtests.runs',
              promptNames,
            })
          : productionSide(item.frozen);
        // A call cut off by a cancel is not a result: the resume makes it again.
        if (signal.aborted) return;
        const graded = await gradeSide(this.deps.scorer, plan, item.frozen, outcome, {
          resultId: `${run.id}:${item.position}:${side}`,
          signal,
          matcherContext,
          attributes: {
            backtestRunId: run.id,
            position: String(item.position),
            side: String(side),
          },
        });
        if (signal.aborted) return;
        let stored = false;
        await this.deps.store.writes.run(async (tx) => {
          stored = await new BacktestRepository(tx).insertResult({
            runId: run.id,
            position: item.position,
            side,
            status: outcome.status,
            output: outcome.output,
            error: outcome.error,
            ...graded,
            costPicoUsd: outcome.costPicoUsd,
            latencyMs: outcome.latencyMs,
            inputTokens: outcome.inputTokens,
            outputTokens: outcome.outputTokens,
            spanIds: outcome.spanIds,
            createdAt: new Date().toISOString(),
          });
        });
        // Counted once: a result another process stored first is not throughput here.
        if (stored) this.deps.metrics?.backtestResult(outcome.status);
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await this.publish(run, 'running');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, run.concurrency) }, worker));
    if (signal.aborted) {
      await this.deps.store.writes.run((tx) =>
        new BacktestRepository(tx).updateRun(run.id, {
          status: 'cancelled',
          finishedAt: new Date().toISOString(),
        }),
      );
      await this.publish(run, 'cancelled');
      return;
    }
    await finish(run.id);
    await this.publish(run, 'completed');
  }

  private async publish(run: RunRecord, status: RunRecord['status']): Promise<void> {
    const counts = await new BacktestRepository(this.deps.store.db).resultCounts(run.id);
    this.deps.events.publish('backtests.progress', {
      runId: run.id,
      status,
      done: counts.done,
      total: run.itemCount * (run.spec.candidates.length + 1),
      spentUsd: picoToUsd(counts.spentPicoUsd),
    });
  }
}
