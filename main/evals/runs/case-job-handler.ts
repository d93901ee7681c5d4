import { setMaxListeners } from 'node:events';
import type { EventBus } from '../../kit/event-bus';
import type { LlmService } from '../../llm/llm-service';
import type { ScorecardGrade, ScorecardScorer } from '../../quality/eval-scoring/scorecard-scorer';
import type { CaseJobQueue } from '../../jobs/case-jobs';
import type { Store } from '../../store/store';
import type { MatcherContext } from '../matchers/core/definition';
import { matcherCallsModel } from '../matchers/registry';
import { storeRunSummary } from './board-entries';
import { callCase, matchContextOf } from './case-call';
import { errorResult, scoredResult } from './case-result';
import { completeIfAllStored, hasResultFor, runStatuses } from './run-completion';
import { RunRepository } from './run-repository';
import type { ResultRecord, RunCaseRecord, RunRecord } from './run-rows';
import { runScorecardOf } from './runner';
import { gradeCaseWith, storeResult, type RunScorecard } from './store-result';
import type { ResultMetrics } from '../../metrics/result-metrics';
import { TeamRunProgress } from './team-progress';

/** What became of one case job. */
export type CaseJobOutcome =
  /** Its result was stored (a verdict or the provider's error). */
  | 'stored'
  /** Its result was stored already (a retried job, or another worker got there first). */
  | 'duplicate'
  /** Its run is no longer running (cancelled, failed, deleted): nothing was called or stored. */
  | 'skipped';

/** A slot of a semaphore every worker shares (a run's concurrency across workers). */
export interface SharedSlots {
  acquire(key: string, limit: number, signal?: AbortSignal): Promise<() => Promise<void>>;
}

export interface CaseJobDeps {
  readonly store: Store;
  readonly llm: LlmService;
  readonly events: EventBus;
  readonly scorecards?: ScorecardScorer;
  readonly slots: SharedSlots;
  /** The semaphore key of a run's concurrency (prefixed with the stack's Redis prefix). */
  readonly slotKey: (runId: string) => string;
  readonly onError: (err: unknown) => void;
  /** Counts stored results (saves a COUNT per result; the database still decides). */
  readonly queue?: Pick<CaseJobQueue, 'countStored'>;
  /** Counts stored results for Prometheus, as the in-process runner does. */
  readonly metrics?: ResultMetrics;
}

/** What a worker keeps of a run it works on; dropped once the run stops running. */
interface RunContext {
  readonly run: RunRecord;
  readonly cases: ReadonlyMap<string, RunCaseRecord>;
  readonly scorecard: RunScorecard | null;
  readonly matchContext: MatcherContext;
  /** Aborted when the run is seen no longer running: calls in flight stop (cancel). */
  readonly controller: AbortController;
  readonly progress: TeamRunProgress;
  lastUsed: number;
  /** When the database was last asked whether the run is complete. */
  lastCheck: number;
  /** Jobs of the run in this worker now: a run is forgotten only when idle with none. */
  active: number;
}

/** How often a worker checks that the runs it works on still run, and forgets idle ones. */
const STATUS_EVERY_MS = 500;
const IDLE_MS = 60_000;
const COMPLETE_CHECK_MS = 5_000;

/**
 * Executes the case jobs of team-mode runs with the in-process runner's pieces (callCase,
 * scoredResult, storeResult): each (case, repeat) called, scored and stored, its result keyed
 * by run and case so a job processed twice stores once. Whoever stores the last result
 * completes the run (completeIfAllStored).
 */
export class CaseJobHandler {
  private readonly repo: RunRepository;
  private readonly contexts = new Map<string, Promise<RunContext | null>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: CaseJobDeps) {
    this.repo = new RunRepository(deps.store.db);
    this.timer = setInterval(() => void this.checkRuns().catch(deps.onError), STATUS_EVERY_MS);
    this.timer.unref();
  }

  /** Processes one (case, repeat); `retried`: the job ran before (stalled or failed). */
  async process(
    job: { runId: string; caseKey: string; repeat: number },
    retried: boolean,
  ): Promise<CaseJobOutcome> {
    const ctx = await this.context(job.runId);
    const c = ctx?.cases.get(job.caseKey);
    if (!ctx || !c || ctx.controller.signal.aborted) return 'skipped';
    ctx.lastUsed = Date.now();
    ctx.active++;
    let outcome: CaseJobOutcome;
    try {
      outcome = await this.processIn(ctx, c, job.repeat, retried);
    } finally {
      ctx.active--;
      ctx.lastUsed = Date.now();
    }
    // Dropped for a cancel that a resume undid meanwhile: the resume could not enqueue this
    // case again (its job was still here), so it fails to be retried rather than be lost.
    if (outcome === 'skipped' && (await this.repo.get(job.runId))?.status === 'running')
      throw new Error(`run ${job.runId} was resumed while case ${job.caseKey} was being dropped`);
    return outcome;
  }

  private async processIn(
    ctx: RunContext,
    c: RunCaseRecord,
    repeat: number,
    retried: boolean,
  ): Promise<CaseJobOutcome> {
    const { run, controller } = ctx;
    const signal = controller.signal;
    // A job that ran before may have stored its result before its worker died: not again.
    if (retried && (await hasResultFor(this.deps.store.db, run.id, c.caseKey, repeat))) {
      // Its worker may have died after storing it and before counting it: ask the database.
      await this.tryComplete(ctx);
      return 'duplicate';
    }
    const item = { c, repeat };
    let release: () => Promise<void>;
    try {
      release = await this.deps.slots.acquire(this.deps.slotKey(run.id), run.concurrency, signal);
    } catch (err) {
      if (signal.aborted) return 'skipped';
      throw err;
    }
    let result: ResultRecord;
    let grade: ScorecardGrade | null = null;
    let committed: Promise<unknown> | undefined;
    try {
      const outcome = await callCase(this.deps.llm, run, item, signal);
      // Judges and embeddings stay within the case's slot, as in process (runner.ts).
      const callsModel =
        ctx.scorecard?.plan.callsModel === true || c.matchers.some(matcherCallsModel);
      if (!callsModel) await release();
      if (outcome.ok) {
        committed = outcome.call.committed;
        ({ result, grade } = await scoredResult(
          run,
          item,
          outcome.call,
          ctx.matchContext,
          gradeCaseWith(ctx.scorecard, run, item, signal, ctx.matchContext),
        ));
      } else {
        result = errorResult(run, item, outcome.error);
      }
    } finally {
      await release();
    }
    // Cancelled meanwhile: what was said under the abort is no verdict; a resume runs it again.
    if (signal.aborted) {
      await committed;
      return 'skipped';
    }
    const [, stored] = await Promise.all([
      committed,
      storeResult(this.deps.store.writes, ctx.scorecard, result, grade),
    ]);
    if (stored) this.deps.metrics?.evalResult(result.status);
    const counted = stored && this.deps.queue ? await this.deps.queue.countStored(run.id) : null;
    if (counted === null || counted >= run.totalCases * run.repeat) await this.tryComplete(ctx);
    ctx.progress.touch();
    return stored ? 'stored' : 'duplicate';
  }

  /** Completes the run if the database holds every result; publishes and summarizes it then. */
  private async tryComplete(ctx: RunContext): Promise<void> {
    const { run } = ctx;
    ctx.lastCheck = Date.now();
    if (!(await completeIfAllStored(this.deps.store.db, run.id, new Date().toISOString()))) return;
    ctx.progress.close();
    await ctx.progress.publish('completed');
    // The leaderboard's figures, once: a failure here leaves them to the first board read.
    await storeRunSummary(
      { db: this.deps.store.db, writes: this.deps.store.writes },
      run.id,
      run.parameters.scorecard !== undefined,
    ).catch(this.deps.onError);
  }

  /** The run's context, loaded once per worker while it runs; null if it is not running. */
  private context(runId: string): Promise<RunContext | null> {
    let ctx = this.contexts.get(runId);
    if (!ctx) {
      ctx = this.load(runId);
      this.contexts.set(runId, ctx);
      // A run not running is not kept: a resume makes it running again.
      void ctx.then(
        (loaded) => loaded === null && this.contexts.delete(runId),
        () => this.contexts.delete(runId),
      );
    }
    return ctx;
  }

  private async load(runId: string): Promise<RunContext | null> {
    const run = await this.repo.get(runId);
    if (!run || run.status !== 'running') return null;
    const [cases, scorecard] = await Promise.all([
      this.repo.cases(runId),
      runScorecardOf({ scorecards: this.deps.scorecards }, run),
    ]);
    const controller = new AbortController();
    // Every call in flight listens to the run's signal (see RunService.launch).
    setMaxListeners(0, controller.signal);
    return {
      run,
      cases: new Map(cases.map((c) => [c.caseKey, c])),
      scorecard,
      matchContext: matchContextOf(this.deps.llm, run, controller.signal),
      controller,
      progress: new TeamRunProgress(this.deps.events, this.repo, run, this.deps.onError),
      lastUsed: Date.now(),
      lastCheck: Date.now(),
      active: 0,
    };
  }

  /** Aborts the work of runs that stopped running (cancel), and forgets idle ones. */
  private async checkRuns(): Promise<void> {
    const loaded = new Map<string, RunContext>();
    for (const [id, ctx] of this.contexts) {
      const value = await Promise.race([ctx, Promise.resolve(undefined)]);
      if (value) loaded.set(id, value);
    }
    if (loaded.size === 0) return;
    const statuses = await runStatuses(this.deps.store.db, [...loaded.keys()]);
    for (const [id, ctx] of loaded) {
      const running = statuses.get(id) === 'running';
      // A count missed (a worker died between storing and counting): the database decides.
      if (running && Date.now() - ctx.lastCheck > COMPLETE_CHECK_MS)
        await this.tryComplete(ctx).catch(this.deps.onError);
      const idle = ctx.active === 0 && Date.now() - ctx.lastUsed > IDLE_MS;
      if (running && !idle) continue;
      if (!running) ctx.controller.abort(new Error('The run is no longer running'));
      ctx.progress.close();
      this.contexts.delete(id);
    }
  }

  /** A job failed for good (its store kept failing): the run fails; a resume retries it. */
  async failRun(runId: string, message: string): Promise<void> {
    await this.repo.finish(runId, 'failed', {
      finishedAt: new Date().toISOString(),
      error: message,
    });
  }

  close(): void {
    clearInterval(this.timer);
    for (const ctx of this.contexts.values())
      void ctx.then((c) => c?.progress.close()).catch(() => undefined);
    this.contexts.clear();
  }
}
