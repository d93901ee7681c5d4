import { setMaxListeners } from 'node:events';
import type { ChannelOutput, ParsedInput, Preflight, RunView } from '../../../shared/contract';
import { AssayError, toErrorPayload } from '../../../shared/errors';
import type { CaseJobQueue } from '../../jobs/case-jobs';
import { CaseJobHandler, type CaseJobDeps } from './case-job-handler';
import { QueuedRuns } from './queued-runs';
import type { EventBus } from '../../kit/event-bus';
import type { LlmService } from '../../llm/llm-service';
import type { ResultMetrics } from '../../metrics/result-metrics';
import type { PromptService } from '../../prompts/prompt-service';
import type { ScorecardScorer } from '../../quality/eval-scoring/scorecard-scorer';
import type { ForgetTargetScores } from '../../quality/forget-target-scores';
import type { Store } from '../../store/store';
import type { DatasetService } from '../datasets/dataset-service';
import type { BoardEntry, BoardScopeInfo } from '../../quality/leaderboards/sources';
import { boardEntriesOf, boardScopesOf, storeRunSummary } from './board-entries';
import { compareRuns } from './compare';
import { inlinePrompt, newRuns, type RunPrompt } from './new-runs';
import { describePreflight, preflight, scorecardProblems } from './preflight';
import { RunRepository } from './run-repository';
import { checkScorers, datasetMatchers, matchersOf } from './run-scorers';
import type { RunRecord } from './run-rows';
import { resultView, runView } from './run-views';
import { executeRun } from './runner';
import { computeTotals } from './totals';

export { DEFAULT_CONCURRENCY } from './new-runs';

/** A run stored as running with no write for this long is taken as interrupted (evals.delete). */
const QUIET_MS = 5 * 60_000;

type StartInput = ParsedInput<'evals.start'>;

/** Starts, resumes, cancels and reads eval runs; the runner does the work. */
export class RunService {
  private readonly repo: RunRepository;
  /** Runs executing in this process, with the controller that cancels them. */
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Team mode's launching, cancelling and waiting (null: runs execute here). */
  private readonly queued: QueuedRuns | null;
  private readonly totals = new Map<string, { count: number; totals: RunView['totals'] }>();

  constructor(
    private readonly store: Store,
    private readonly deps: {
      llm: LlmService;
      events: EventBus;
      prompts: PromptService;
      datasets: DatasetService;
      /** Grades runs that name a scorecard (the quality domain's door; see create-core.ts). */
      scorecards?: ScorecardScorer;
      /** Forgets the scores of deleted results, in the deleting transaction (quality's door). */
      forgetScores: ForgetTargetScores;
      /** Counts stored results for Prometheus. */
      metrics?: ResultMetrics;
      /**
       * Team mode: runs execute on `assay worker` processes, one job per (case, repeat) on
       * this queue (queued-runs.ts); unset, they execute in this process (runner.ts).
       */
      queue?: CaseJobQueue;
    },
  ) {
    this.repo = new RunRepository(store.db);
    this.queued = deps.queue
      ? new QueuedRuns(store, this.repo, deps.queue, deps.events, (err) =>
          process.stderr.write(`assay: eval runs: ${toErrorPayload(err).message}\n`),
        )
      : null;
  }

  /** Team mode: the handler of the case jobs an `assay worker` takes from the queue. */
  caseJobHandler(deps: Pick<CaseJobDeps, 'slots' | 'slotKey' | 'onError'>): CaseJobHandler {
    return new CaseJobHandler({
      store: this.store,
      llm: this.deps.llm,
      events: this.deps.events,
      scorecards: this.deps.scorecards,
      queue: this.deps.queue,
      metrics: this.deps.metrics,
      ...deps,
    });
  }

  /**
   * What a run of this input would do, checked before any model is called: the dataset's cases
   * rendered against the prompt (missing variables) and every matcher's models (see preflight.ts).
   */
  async preflight(input: StartInput): Promise<Preflight> {
    return (await this.prepare(input, 'evals.preflight')).check;
  }

  private async prepare(input: StartInput, where: string) {
    const dataset = await this.deps.datasets.find(input.dataset, where);
    if (dataset.deletedAt)
      throw new AssayError(
        'NOT_FOUND',
        `${where}: dataset "${input.dataset}" is deleted; restore it first`,
      );
    const cases = await this.deps.datasets.liveCases(dataset.id);
    if (cases.length === 0)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${where}: dataset "${input.dataset}" has no test cases`,
      );
    const scorers = checkScorers(input, where);
    const scorecard = await this.pinScorecard(input, where);
    const prompt = await this.freeze(input.prompt);
    const models = { judge: input.judgeModel, embedding: input.embeddingModel };
    const check = {
      ...preflight(
        prompt.frozen,
        cases.map((c) => ({
          position: c.position,
          vars: c.vars,
          matchers: matchersOf(c.matchers, scorers),
        })),
        models,
        scorecard
          ? scorecardProblems(scorecard, models, (provider) => this.deps.llm.setupProblem(provider))
          : [],
      ),
      datasetMatchers: datasetMatchers(cases),
    };
    return { dataset, cases, prompt, check, scorers, scorecard: scorecard?.pin ?? null };
  }

  /** The scorecard the run names, pinned with its graders' versions (refused as the scorer says). */
  private async pinScorecard(input: StartInput, where: string) {
    const ref = input.scorers?.scorecard;
    if (!ref) return null;
    if (!this.deps.scorecards)
      throw new AssayError('INTERNAL', `${where}: scorecards cannot score runs here`);
    return this.deps.scorecards.pin(ref, where);
  }

  /**
   * Creates one run per target (a group) and starts them; resolves once they are stored. A run
   * that pre-flight finds problems with is refused whole (VALIDATION_FAILED, every problem in
   * `details.preflight`): nothing is stored and no model is called.
   */
  async start(input: StartInput): Promise<{ groupId: string; runs: RunView[] }> {
    const { dataset, cases, prompt, check, scorers, scorecard } = await this.prepare(
      input,
      'evals.start',
    );
    if (!check.ok) {
      const lines = describePreflight(check.problems);
      const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
      throw new AssayError(
        'VALIDATION_FAILED',
        `evals.start: the run cannot start: ${lines[0]}${more}`,
        { preflight: check, problems: lines },
      );
    }
    const { groupId, runs } = newRuns(input, dataset, cases, prompt, scorers, scorecard);
    await this.repo.createRuns(runs);
    const ids = runs.map((r) => r.run.id);
    await Promise.all(ids.map((id) => this.launch(id)));
    return { groupId, runs: await Promise.all(ids.map((id) => this.view(id))) };
  }

  private async freeze(prompt: StartInput['prompt']): Promise<RunPrompt> {
    if ('template' in prompt) return inlinePrompt(prompt);
    const { frozen, versionId } = await this.deps.prompts.freeze(prompt.name, prompt);
    return { frozen, versionId, label: `${prompt.name}@${frozen.promptVersion}` };
  }

  /**
   * Runs (or re-runs the rest of) a stored run in the background; resolves once it is marked
   * running. Registered as active before anything is awaited, so two resumes in this process
   * cannot both launch it.
   */
  private async launch(id: string): Promise<void> {
    if (this.queued) return this.queued.launch(id);
    const controller = new AbortController();
    // Every call in flight listens to the run's signal and lets go when it ends: the count
    // follows the concurrency, so Node's leak warning (past 10 listeners) would be a false alarm.
    setMaxListeners(0, controller.signal);
    const marked = this.repo.markRunning(id, new Date().toISOString());
    const done = marked
      .then((running) => (running ? this.execute(id, controller.signal) : undefined))
      .catch(() => undefined)
      .finally(async () => {
        this.active.delete(id);
        await this.publishFinal(id);
      });
    this.active.set(id, { controller, done });
    await marked;
  }

  /** Executes a run marked running and stores how it ended. */
  private async execute(id: string, signal: AbortSignal): Promise<void> {
    try {
      const run = await this.repo.get(id);
      if (!run) return;
      await executeRun(
        {
          repo: this.repo,
          writes: this.store.writes,
          llm: this.deps.llm,
          events: this.deps.events,
          scorecards: this.deps.scorecards,
          metrics: this.deps.metrics,
        },
        run,
        signal,
      );
      const completed = !signal.aborted;
      await this.repo.finish(id, completed ? 'completed' : 'cancelled', {
        finishedAt: new Date().toISOString(),
      });
      // The leaderboard's figures, once: a failure here leaves them to the first board read.
      if (completed)
        await storeRunSummary(
          { db: this.store.db, writes: this.store.writes },
          id,
          run.parameters.scorecard !== undefined,
        ).catch(() => undefined);
    } catch (err) {
      await this.repo.finish(id, 'failed', {
        finishedAt: new Date().toISOString(),
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** The run's last progress event, from what is stored (another process may have added to it). */
  private async publishFinal(id: string): Promise<void> {
    const view = await this.view(id).catch(() => null);
    if (!view) return;
    const t = view.totals;
    this.deps.events.publish('eval.progress', {
      runId: id,
      status: view.status,
      done: t.results,
      total: t.cases * view.repeat,
      pass: t.pass,
      fail: t.fail,
      error: t.error,
      unscored: t.unscored,
      costUsd: t.promptCostUsd,
      elapsedMs: 0,
      etaMs: 0,
    });
  }

  /** Resolves when the run is no longer executing in this process. */
  async wait(id: string): Promise<RunView> {
    await this.active.get(id)?.done;
    if (this.queued) await this.queued.wait(id);
    return this.view(id);
  }

  /** Resumes an interrupted, cancelled or failed run: stored results are kept, the rest run. */
  async resume(id: string): Promise<RunView> {
    const run = await this.require(id, 'evals.resume');
    if (this.active.has(id))
      throw new AssayError('CONFLICT', `evals.resume: run ${id} is already running`);
    if (run.status !== 'completed') await this.launch(id);
    return this.view(id);
  }

  async cancel(id: string): Promise<boolean> {
    const run = await this.require(id, 'evals.cancel');
    if (this.queued) {
      const cancelled = await this.queued.cancel(run);
      await this.publishFinal(id);
      return cancelled;
    }
    const active = this.active.get(id);
    active?.controller.abort(new Error('Cancelled by the user'));
    return active !== undefined;
  }

  async list(filter: ParsedInput<'evals.list'>): Promise<RunView[]> {
    const datasetId = filter.dataset
      ? (await this.deps.datasets.find(filter.dataset, 'evals.list')).id
      : undefined;
    const executing = new Set(this.active.keys());
    const runs = await this.repo.list({
      datasetId,
      groupId: filter.groupId,
      limit: filter.limit ?? 100,
    });
    return Promise.all(runs.map((r) => this.viewOf(r, executing.has(r.id))));
  }

  async view(id: string): Promise<RunView> {
    // Read before the row: read after, a run that ended in between would look interrupted.
    const executing = this.active.has(id);
    return this.viewOf(await this.require(id, 'evals.get'), executing);
  }

  async results(input: ParsedInput<'evals.results'>): Promise<ChannelOutput<'evals.results'>> {
    await this.require(input.runId, 'evals.results');
    const { total, rows } = await this.repo.resultsPage(
      input.runId,
      input.status ?? null,
      input.offset ?? 0,
      input.limit ?? 100,
    );
    return { total, results: rows.map((r) => resultView(r.result, r.snapshot)) };
  }

  async compare(
    baselineRunId: string,
    candidateRunId: string,
  ): Promise<ChannelOutput<'evals.compare'>> {
    const side = async (id: string) => {
      const [view, cases, results] = await Promise.all([
        this.view(id),
        this.repo.cases(id),
        this.repo.allResults(id),
      ]);
      return { view, cases, results };
    };
    const [baseline, candidate] = await Promise.all([side(baselineRunId), side(candidateRunId)]);
    return compareRuns(baseline, candidate);
  }

  /**
   * The dataset's completed runs as leaderboard entries (by name; NOT_FOUND names it). Each
   * run's figures come from its stored summary (board-entries.ts), never from all its results.
   */
  async boardEntries(dataset: string): Promise<BoardEntry[]> {
    const found = await this.deps.datasets.find(dataset, 'leaderboards.get');
    return boardEntriesOf(
      { db: this.store.db, writes: this.store.writes, prompts: this.deps.prompts },
      found.id,
    );
  }

  /** Datasets with completed runs, for the leaderboard's scope picker. */
  boardScopes(): Promise<BoardScopeInfo[]> {
    return boardScopesOf(this.store.db, (id) => this.deps.datasets.nameOf(id));
  }

  /** The variables a run's case was rendered with, and the prompt, for "to dataset" from its span. */
  async caseVariables(
    runId: string,
    caseKey: string,
  ): Promise<{ vars: Record<string, string>; prompt: string } | null> {
    const [run, snapshot] = await Promise.all([
      this.repo.get(runId),
      this.repo.caseByKey(runId, caseKey),
    ]);
    if (!run || !snapshot) return null;
    return { vars: snapshot.vars, prompt: run.promptLabel };
  }

  /**
   * Deletes a run with its case snapshots and results; the spans of its calls stay (they trace
   * what was called and paid for). A run executing here must be cancelled first. One stored as
   * running that stored a result lately may be executing in another Assay process on the same
   * database, whose next write would then fail: it is refused too, until it goes quiet.
   */
  /** Whether an eval result is stored (a score's target must be). */
  hasResult(id: string): Promise<boolean> {
    return this.repo.hasResult(id);
  }

  async delete(id: string): Promise<boolean> {
    const where = 'evals.delete';
    const run = await this.require(id, where);
    const lastWriteAt = await this.repo.lastWriteAt(id);
    if (this.active.has(id))
      throw new AssayError('CONFLICT', `${where}: run ${id} is executing; cancel it first`);
    const lastWrite = Date.parse(lastWriteAt ?? run.startedAt ?? run.createdAt);
    if ((run.status === 'running' || run.status === 'queued') && Date.now() - lastWrite < QUIET_MS)
      throw new AssayError(
        'CONFLICT',
        `${where}: run ${id} may be executing in another Assay process (it stored a result less than ${QUIET_MS / 60_000} minutes ago); cancel it there, or try again later`,
      );
    this.totals.delete(id);
    // The results' scores have no foreign key to them: they go in the same transaction, one
    // statement per table however many results the run has.
    let deleted = false;
    await this.store.writes.run(async (tx) => {
      const repo = new RunRepository(tx);
      await this.deps.forgetScores(tx, 'eval_result', repo.resultIdsOf(id));
      deleted = await repo.deleteRun(id);
    });
    return deleted;
  }

  private async require(id: string, where: string): Promise<RunRecord> {
    const run = await this.repo.get(id);
    if (!run) throw new AssayError('NOT_FOUND', `${where}: no run with id "${id}"`);
    return run;
  }

  /**
   * Totals read every result of a run, and the runs list (polled by the UI while a run goes)
   * asks for many runs at once. Results are only ever added, so totals computed at a given
   * result count stay right until the count changes; a COUNT is all an unchanged run costs.
   */
  private async totalsOf(run: RunRecord): Promise<RunView['totals']> {
    const count = await this.repo.resultCount(run.id);
    const cached = this.totals.get(run.id);
    if (cached && cached.count === count) return cached.totals;
    const totals = computeTotals(await this.repo.allResults(run.id), run.totalCases, run.repeat);
    this.totals.set(run.id, { count, totals });
    return totals;
  }

  /** `executing`: whether the run executed here when its row was read (see view). */
  private async viewOf(run: RunRecord, executingHere = this.active.has(run.id)): Promise<RunView> {
    // Team mode: a running run executes on the workers, not here.
    const executing = this.queued ? run.status === 'running' : executingHere;
    const [dataset, totals] = await Promise.all([
      run.datasetId ? this.deps.datasets.nameOf(run.datasetId) : null,
      this.totalsOf(run),
    ]);
    return runView(run, { dataset, executing, totals });
  }
}
