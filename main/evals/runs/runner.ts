import { AssayError } from '../../../shared/errors';
import type { EventBus } from '../../kit/event-bus';
import type { LlmService } from '../../llm/llm-service';
import { ProviderError } from '../../llm/provider-error';
import type { ResultMetrics } from '../../metrics/result-metrics';
import type { ScorecardGrade, ScorecardScorer } from '../../quality/eval-scoring/scorecard-scorer';
import type { WriteQueue } from '../../store/write-queue';
import type { MatcherContext } from '../matchers/core/definition';
import { matcherCallsModel } from '../matchers/registry';
import { callCase, matchContextOf, type CallOutcome } from './case-call';
import { errorResult, scoredResult } from './case-result';
import { planRun, type RunPlan, type WorkItem } from './run-plan';
import { RunProgress } from './run-progress';
import type { RunRepository } from './run-repository';
import type { ResultRecord, RunRecord } from './run-rows';
import { gradeCaseWith, storeResult, type RunScorecard } from './store-result';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Cases in a row that could not reach the provider (connection refused, reset or dropped, after
 * the call path's retries) before the run stops as failed. Without it a run against a server
 * that is down retries every case: 5,000 cases took 445 s to fail.
 */
export const UNREACHABLE_STREAK = 10;

export interface RunnerDeps {
  readonly repo: RunRepository;
  /** The database's one write queue: results share commits with the spans of their calls. */
  readonly writes: WriteQueue;
  readonly llm: LlmService;
  readonly events: EventBus;
  /** The quality domain's scorer: grades the cases of a run that has a scorecard. */
  readonly scorecards?: ScorecardScorer | undefined;
  /** Counts stored results for Prometheus (eval throughput). */
  readonly metrics?: ResultMetrics | undefined;
}

/** Loads the scorecard a run pinned, or null; refused when no scorer is wired. */
export async function runScorecardOf(
  deps: Pick<RunnerDeps, 'scorecards'>,
  run: RunRecord,
): Promise<RunScorecard | null> {
  const pin = run.parameters.scorecard;
  if (!pin) return null;
  if (!deps.scorecards)
    throw new AssayError('INTERNAL', `run ${run.id} has a scorecard, but no scorer is wired`);
  return { scorer: deps.scorecards, plan: await deps.scorecards.load(pin) };
}

/**
 * Executes one run: every (case, repeat) without a stored result, `concurrency` at a time.
 * Each result is committed as it finishes (shared commits per event-loop turn), so a run killed
 * midway keeps everything it finished and a resume runs only the rest. Errors of one case
 * (a missing variable, a provider failure after retries) become that case's `error` result.
 */
export async function executeRun(
  deps: RunnerDeps,
  run: RunRecord,
  signal: AbortSignal,
): Promise<void> {
  const [plan, scorecard] = await Promise.all([planRun(deps.repo, run), runScorecardOf(deps, run)]);
  await new RunExecution(deps, run, plan, scorecard, signal).execute();
}

/** One execution of a run's plan: its workers and what they share. */
class RunExecution {
  private readonly progress: RunProgress;
  private readonly matchContext: MatcherContext;
  /** Cases that could not reach the provider, held back until the streak breaks. */
  private readonly unreachable: { item: WorkItem; error: ProviderError }[] = [];
  private tripped: ProviderError | undefined;
  /**
   * Cases whose answer is being scored and stored after their model call returned. A worker
   * starts its next call meanwhile: scoring and the result's commit are local work that would
   * otherwise leave a model slot idle. At most `concurrency` of them, so memory stays bounded.
   */
  private readonly finishing = new Set<Promise<void>>();
  private storeFailure: { err: unknown } | undefined;
  private next = 0;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly run: RunRecord,
    private readonly plan: RunPlan,
    private readonly scorecard: RunScorecard | null,
    private readonly signal: AbortSignal,
  ) {
    this.progress = new RunProgress(deps.events, run.id, plan.total, plan.stored, signal);
    this.matchContext = matchContextOf(deps.llm, run, signal);
  }

  async execute(): Promise<void> {
    const { todo } = this.plan;
    this.progress.publish(true);
    const workers = Math.min(this.run.concurrency, Math.max(1, todo.length));
    await Promise.all(Array.from({ length: workers }, () => this.worker()));
    await Promise.all(this.finishing);
    if (this.storeFailure) throw this.storeFailure.err;
    if (!this.tripped && !this.signal.aborted) {
      // The last cases failed to connect but too few to call the provider down: real errors.
      for (const { item, error } of this.unreachable.splice(0))
        await this.record(errorResult(this.run, item, error));
    }
    this.progress.publish(true);
    if (this.tripped)
      throw new AssayError(
        'PROVIDER_UNAVAILABLE',
        `stopped after ${UNREACHABLE_STREAK} cases in a row could not reach ${this.run.provider}: ${this.tripped.message}. ` +
          `${this.progress.results} results are kept; resume the run when the provider is back.`,
      );
  }

  private async worker(): Promise<void> {
    const { todo } = this.plan;
    while (!this.signal.aborted && !this.tripped && !this.storeFailure && this.next < todo.length) {
      const item = todo[this.next++]!;
      const outcome = await callCase(this.deps.llm, this.run, item, this.signal);
      // Scored in the next turn: every worker whose answer came in this turn first sends its
      // next request (1,000 cases at 50 ms: 3.34 s against 3.45 s scoring at once).
      const finish = nextTurn().then(() => this.finishCase(item, outcome));
      // A judge or embedding matcher (or the scorecard's judge) calls a model: that stays
      // within the case's slot, so a run never has more than `concurrency` of its calls in flight.
      if (this.scorecard?.plan.callsModel === true || item.c.matchers.some(matcherCallsModel)) {
        await finish;
        continue;
      }
      // A failure to store (the disk is full) fails the run once every case has settled.
      const tracked: Promise<void> = finish
        .catch((err: unknown) => void (this.storeFailure ??= { err }))
        .finally(() => this.finishing.delete(tracked));
      this.finishing.add(tracked);
      if (this.finishing.size >= this.run.concurrency) await Promise.race(this.finishing);
    }
  }

  /** Scores a case's answer (or records its error) and stores the result. */
  private async finishCase(item: WorkItem, outcome: CallOutcome): Promise<void> {
    let result: ResultRecord;
    let grade: ScorecardGrade | null = null;
    if (outcome.ok) {
      ({ result, grade } = await scoredResult(
        this.run,
        item,
        outcome.call,
        this.matchContext,
        gradeCaseWith(this.scorecard, this.run, item, this.signal, this.matchContext),
      ));
      // Cancelled while its graders ran: what they said under the abort is no verdict to
      // keep. Not stored, so a resume runs and grades the case again.
      if (this.signal.aborted && grade?.outcome === 'incomplete') {
        await outcome.call.committed;
        return;
      }
    } else {
      const err = outcome.error;
      if (this.signal.aborted) return;
      if (err instanceof ProviderError && err.errorClass === 'connection') {
        // Held back until the streak breaks: if the provider is down, these cases are not
        // results, and a resume should run them again.
        this.unreachable.push({ item, error: err });
        if (this.unreachable.length >= UNREACHABLE_STREAK) this.tripped ??= err;
        return;
      }
      result = errorResult(this.run, item, err);
    }
    // The span's write was queued first, so the result lands in the same commit or a later one;
    // a span that failed to store fails the run rather than leave a result pointing nowhere.
    await Promise.all([
      outcome.ok ? outcome.call.committed : undefined,
      this.record(result, grade),
    ]);
    // Another outcome: the provider answers, so the held-back failures were real case errors.
    if (this.unreachable.length > 0 && !this.tripped) {
      const held = this.unreachable.splice(0);
      for (const { item: h, error } of held) await this.record(errorResult(this.run, h, error));
    }
  }

  /** Stores a result (see storeResult), and counts it. */
  private async record(result: ResultRecord, grade: ScorecardGrade | null = null): Promise<void> {
    const stored = await storeResult(this.deps.writes, this.scorecard, result, grade);
    if (stored) this.deps.metrics?.evalResult(result.status);
    this.progress.add(result, stored);
  }
}
