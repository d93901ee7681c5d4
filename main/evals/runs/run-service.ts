import { setMaxListeners } from 'node:events';
import type { Database } from 'better-sqlite3';
import { newId } from '../../core/ids';
import type {
  ChannelOutput,
  ParsedInput,
  Preflight,
  ResultView,
  RunView,
} from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { picoToUsd } from '../../../shared/money';
import type { EventBus } from '../../core/event-bus';
import type { LlmService } from '../../llm/llm-service';
import type { PromptService } from '../../prompts/prompt-service';
import type { FrozenPrompt } from '../../prompts/render';
import { GroupCommit } from '../../store/group-commit';
import type { DatasetService } from '../datasets/dataset-service';
import { draftOf } from '../datasets/case-draft';
import { findDataset } from '../datasets/lifecycle';
import { caseKeys } from './case-key';
import { compareRuns } from './compare';
import { describePreflight, preflight } from './preflight';
import { frozenPromptOf, parametersOf, snapshotOf, storedMatchersOf } from './run-rows';
import { executeRun } from './runner';
import { RunStore, type ResultRow, type RunCaseRow, type RunRow } from './run-store';
import { computeTotals } from './totals';

export const DEFAULT_CONCURRENCY = 20;
/** A run stored as running with no write for this long is taken as interrupted (evals.delete). */
const QUIET_MS = 5 * 60_000;

type StartInput = ParsedInput<'evals.start'>;

/** Starts, resumes, cancels and reads eval runs; the runner does the work. */
export class RunService {
  readonly store: RunStore;
  private readonly writes: GroupCommit;
  /** Runs executing in this process, with the controller that cancels them. */
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly totals = new Map<string, { count: number; totals: RunView['totals'] }>();

  constructor(
    db: Database,
    private readonly deps: {
      llm: LlmService;
      events: EventBus;
      prompts: PromptService;
      datasets: DatasetService;
    },
  ) {
    this.store = new RunStore(db);
    this.writes = new GroupCommit(db);
  }

  /**
   * What a run of this input would do, checked before any model is called: the dataset's cases
   * rendered against the prompt (missing variables) and every matcher's models (see preflight.ts).
   */
  preflight(input: StartInput): Preflight {
    return this.prepare(input, 'evals.preflight').check;
  }

  private prepare(input: StartInput, where: string) {
    const dataset = findDataset(this.deps.datasets.store, input.dataset, where);
    if (dataset.deleted_at)
      throw new AssayError(
        'NOT_FOUND',
        `${where}: dataset "${input.dataset}" is deleted; restore it first`,
      );
    const rows = [...this.deps.datasets.store.iterateCases(dataset.id)];
    if (rows.length === 0)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${where}: dataset "${input.dataset}" has no test cases`,
      );
    const prompt = this.freeze(input.prompt);
    const drafts = rows.map(draftOf);
    const check = preflight(
      prompt.frozen,
      drafts.map((d, i) => ({ position: rows[i]!.position, vars: d.vars, matchers: d.matchers })),
      { judge: input.judgeModel, embedding: input.embeddingModel },
    );
    return { dataset, rows, drafts, ...prompt, check };
  }

  /**
   * Creates one run per target (a group) and starts them; resolves once they are stored. A run
   * that pre-flight finds problems with is refused whole (VALIDATION_FAILED, every problem in
   * `details.preflight`): nothing is stored and no model is called.
   */
  start(input: StartInput): { groupId: string; runs: RunView[] } {
    const { dataset, rows, drafts, frozen, versionId, label, check } = this.prepare(
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
    const keys = caseKeys(drafts.map((d) => d.vars));
    const groupId = newId();
    const created = new Date().toISOString();
    const runs = input.targets.map((target) => {
      const id = newId();
      const run: RunRow = {
        id,
        group_id: groupId,
        name: input.name ?? `${input.dataset} · ${label} · ${target.provider}:${target.model}`,
        dataset_id: dataset.id,
        prompt_version_id: versionId,
        prompt_label: label,
        frozen_prompt_json: JSON.stringify(frozen),
        interaction_type: dataset.interaction_type,
        provider: target.provider,
        model: target.model,
        parameters_json: JSON.stringify({
          temperature: target.temperature,
          maxTokens: target.maxTokens,
          embeddingModel: input.embeddingModel,
          judgeModel: input.judgeModel,
        }),
        status: 'queued',
        concurrency: input.concurrency ?? DEFAULT_CONCURRENCY,
        repeat: input.repeat ?? 1,
        bypass_cache: input.bypassCache ? 1 : 0,
        total_cases: rows.length,
        created_at: created,
        started_at: null,
        finished_at: null,
        error: null,
      };
      const cases: RunCaseRow[] = rows.map((r, i) => ({
        run_id: id,
        case_key: keys[i]!,
        position: r.position,
        revision: r.revision,
        vars_json: r.vars_json,
        expected_json: r.expected_json,
        matchers_json: r.matchers_json,
      }));
      this.store.createRun(run, cases);
      return id;
    });
    for (const id of runs) this.launch(id);
    return { groupId, runs: runs.map((id) => this.view(id)) };
  }

  private freeze(prompt: StartInput['prompt']): {
    frozen: FrozenPrompt;
    versionId: string | null;
    label: string;
  } {
    if ('template' in prompt) {
      const messages = [
        ...(prompt.system ? [{ role: 'system' as const, template: prompt.system }] : []),
        { role: 'user' as const, template: prompt.template },
      ];
      return {
        frozen: {
          promptVersion: 'inline',
          text: null,
          messages,
          defaults: {},
          config: {},
          components: [],
        },
        versionId: null,
        label: 'inline prompt',
      };
    }
    const { frozen, versionId } = this.deps.prompts.freeze(prompt.name, prompt);
    return { frozen, versionId, label: `${prompt.name}@${frozen.promptVersion}` };
  }

  /** Runs (or re-runs the rest of) a stored run in the background. */
  private launch(id: string): void {
    const controller = new AbortController();
    // Every call in flight listens to the run's signal and lets go when it ends: the count
    // follows the concurrency, so Node's leak warning (past 10 listeners) would be a false alarm.
    setMaxListeners(0, controller.signal);
    const run = this.store.get(id)!;
    this.store.setStatus(id, 'running', { started_at: run.started_at ?? new Date().toISOString() });
    const done = executeRun(
      { store: this.store, writes: this.writes, llm: this.deps.llm, events: this.deps.events },
      this.store.get(id)!,
      controller.signal,
    )
      .then(() => {
        this.store.setStatus(id, controller.signal.aborted ? 'cancelled' : 'completed', {
          finished_at: new Date().toISOString(),
        });
      })
      .catch((err: unknown) => {
        this.store.setStatus(id, 'failed', {
          finished_at: new Date().toISOString(),
          error: err instanceof Error ? err.message : String(err),
        });
      })
      .finally(() => {
        this.active.delete(id);
        const view = this.view(id);
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
      });
    this.active.set(id, { controller, done });
  }

  /** Resolves when the run is no longer executing in this process. */
  async wait(id: string): Promise<RunView> {
    await this.active.get(id)?.done;
    return this.view(id);
  }

  /** Resumes an interrupted, cancelled or failed run: stored results are kept, the rest run. */
  resume(id: string): RunView {
    const run = this.require(id, 'evals.resume');
    if (this.active.has(id))
      throw new AssayError('CONFLICT', `evals.resume: run ${id} is already running`);
    if (run.status === 'completed') return this.view(id);
    this.launch(id);
    return this.view(id);
  }

  cancel(id: string): boolean {
    this.require(id, 'evals.cancel');
    const active = this.active.get(id);
    active?.controller.abort(new Error('Cancelled by the user'));
    return active !== undefined;
  }

  list(filter: ParsedInput<'evals.list'>): RunView[] {
    const datasetId = filter.dataset
      ? findDataset(this.deps.datasets.store, filter.dataset, 'evals.list').id
      : undefined;
    return this.store
      .list({ datasetId, groupId: filter.groupId, limit: filter.limit ?? 100 })
      .map((r) => this.viewOf(r));
  }

  view(id: string): RunView {
    return this.viewOf(this.require(id, 'evals.get'));
  }

  results(input: ParsedInput<'evals.results'>): ChannelOutput<'evals.results'> {
    this.require(input.runId, 'evals.results');
    const cases = new Map(this.store.cases(input.runId).map((c) => [c.case_key, c]));
    const { total, rows } = this.store.results(
      input.runId,
      input.status ?? null,
      input.offset ?? 0,
      input.limit ?? 100,
    );
    return { total, results: rows.map((r) => resultView(r, cases.get(r.case_key)!)) };
  }

  compare(baselineRunId: string, candidateRunId: string): ChannelOutput<'evals.compare'> {
    const side = (id: string) => ({
      view: this.view(id),
      cases: this.store.cases(id),
      results: this.store.allResults(id),
    });
    return compareRuns(side(baselineRunId), side(candidateRunId));
  }

  /** The variables a run's case was rendered with, and the prompt, for "to dataset" from its span. */
  caseVariables(
    runId: string,
    caseKey: string,
  ): { vars: Record<string, string>; prompt: string } | null {
    const run = this.store.get(runId);
    const snapshot = run && this.store.caseByKey(runId, caseKey);
    if (!run || !snapshot) return null;
    return { vars: snapshotOf(snapshot).vars, prompt: run.prompt_label };
  }

  /**
   * Deletes a run with its case snapshots and results; the spans of its calls stay (they trace
   * what was called and paid for). A run executing here must be cancelled first. One stored as
   * running that stored a result lately may be executing in another Assay process on the same
   * data directory, whose next write would then fail: it is refused too, until it goes quiet.
   */
  delete(id: string): boolean {
    const where = 'evals.delete';
    const run = this.require(id, where);
    if (this.active.has(id))
      throw new AssayError('CONFLICT', `${where}: run ${id} is executing; cancel it first`);
    const lastWrite = Date.parse(this.store.lastWriteAt(id) ?? run.started_at ?? run.created_at);
    if ((run.status === 'running' || run.status === 'queued') && Date.now() - lastWrite < QUIET_MS)
      throw new AssayError(
        'CONFLICT',
        `${where}: run ${id} may be executing in another Assay process (it stored a result less than ${QUIET_MS / 60_000} minutes ago); cancel it there, or try again later`,
      );
    this.totals.delete(id);
    return this.store.deleteRun(id);
  }

  private require(id: string, where: string): RunRow {
    const run = this.store.get(id);
    if (!run) throw new AssayError('NOT_FOUND', `${where}: no run with id "${id}"`);
    return run;
  }

  /**
   * Totals read every result of a run, and the runs list (polled by the UI while a run goes)
   * asks for many runs at once. Results are only ever added, so totals computed at a given
   * result count stay right until the count changes; a COUNT is all an unchanged run costs.
   */
  private totalsOf(run: RunRow): RunView['totals'] {
    const count = this.store.resultCount(run.id);
    const cached = this.totals.get(run.id);
    if (cached && cached.count === count) return cached.totals;
    const totals = computeTotals(this.store.allResults(run.id), run.total_cases, run.repeat);
    this.totals.set(run.id, { count, totals });
    return totals;
  }

  private viewOf(run: RunRow): RunView {
    const frozen = frozenPromptOf(run);
    const params = parametersOf(run);
    const dataset = run.dataset_id
      ? (this.deps.datasets.store.byId(run.dataset_id)?.name ?? null)
      : null;
    return {
      id: run.id,
      groupId: run.group_id,
      name: run.name,
      // A run marked running that no process executes was interrupted; it can be resumed.
      status: run.status === 'running' && !this.active.has(run.id) ? 'failed' : run.status,
      dataset,
      interactionType: run.interaction_type as RunView['interactionType'],
      prompt: run.prompt_label,
      promptVersion: frozen.promptVersion === 'inline' ? null : frozen.promptVersion,
      components: frozen.components,
      provider: run.provider as RunView['provider'],
      model: run.model,
      concurrency: run.concurrency,
      repeat: run.repeat,
      useCache: run.bypass_cache !== 1,
      judgeModel: params.judgeModel ?? null,
      embeddingModel: params.embeddingModel ?? null,
      createdAt: run.created_at,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
      error:
        run.status === 'running' && !this.active.has(run.id)
          ? 'interrupted: resume it to finish'
          : run.error,
      totals: this.totalsOf(run),
    };
  }
}

function resultView(r: ResultRow, c: RunCaseRow): ResultView {
  const matchers = storedMatchersOf(r);
  const snapshot = snapshotOf(c);
  return {
    id: r.id,
    caseKey: r.case_key,
    position: c.position,
    repeatIndex: r.repeat_index,
    status: r.status,
    score: r.score,
    vars: snapshot.vars,
    expected: snapshot.expected ?? null,
    output: r.output,
    matchers: matchers.map((m) => ({
      type: m.type,
      pass: m.pass,
      unscored: m.unscored === true,
      score: m.score,
      reason: m.reason,
      costUsd: m.costPicoUsd === null ? null : picoToUsd(m.costPicoUsd),
    })),
    latencyMs: r.latency_ms,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    costUsd: r.cost_pico_usd === null ? null : picoToUsd(r.cost_pico_usd),
    judgeCostUsd: picoToUsd(r.judge_cost_pico_usd),
    cached: r.cached === 1,
    spanId: r.span_id,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
  };
}
