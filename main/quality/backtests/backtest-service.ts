import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import type {
  BacktestRunView,
  BacktestSetView,
  BaselineSpec,
  CandidateSpec,
  CandidateVerdict,
} from '../../../shared/contract/backtests';
import type { InteractionFilter } from '../../../shared/contract/traces';
import { AssayError } from '../../../shared/errors';
import type { EventBus } from '../../kit/event-bus';
import type { ResultMetrics } from '../../metrics/result-metrics';
import { newId } from '../../kit/ids';
import { isUniqueViolation } from '../../store/constraint-errors';
import type { Store } from '../../store/store';
import type { ScorecardScorer } from '../eval-scoring/scorecard-scorer';
import type { ItemRecord, ResolvedSide, RunRecord, RunSpec, SetRecord } from './backtest-records';
import { BacktestRepository } from './backtest-repository';
import { itemView, orderPairs, pairViews, regression, runView, setView } from './backtest-views';
import { estimateRun, type CostOf } from './estimate';
import type { MatcherContext } from '../../evals/matchers/core/definition';
import { RunExecutor } from './run-executor';
import type { ReplaySeam } from './replay-side';
import { interactionItems, SCAN_CAP, type SetSources } from './set-builder';
import { backtestBoardSources } from './board-source';
import { BacktestSchedules, type ScheduleDeps } from './schedules';
import { candidateVerdict } from './verdict';

/** What the backtests domain asks of the others, through their services (wired by the core). */
export interface BacktestDeps {
  readonly store: Store;
  readonly events: EventBus;
  readonly sources: SetSources;
  readonly seam: ReplaySeam;
  readonly scorer: ScorecardScorer;
  readonly matcherContext: (signal: AbortSignal, runId: string) => MatcherContext;
  /** Counts stored results for Prometheus. */
  readonly metrics?: ResultMetrics | undefined;
  readonly costOf: CostOf;
  readonly prompts: {
    resolveRef(ref: string): Promise<{ versionId: string; name: string; version: string }>;
    /** Authors of prompt versions, by version id (leaderboards' contributors). */
    authors(ids: readonly string[]): Promise<Map<string, string>>;
    /** The model a version's config names, if any. */
    configModel(versionId: string): Promise<{ provider?: string; model?: string }>;
  };
  readonly datasets: {
    cases(ref: string): Promise<{
      datasetId: string;
      name: string;
      cases: { id: string; vars: Record<string, string>; expected: unknown }[];
    }>;
    /** Adds cases to a dataset, creating it when missing; returns how many were added. */
    addCases(
      dataset: string,
      cases: {
        vars: Record<string, string>;
        expected?: unknown;
        description: string;
        tags: string[];
      }[],
    ): Promise<number>;
  };
  readonly countInteractions: (filter: InteractionFilter) => Promise<number>;
  /** Case variables of an interaction's input (steal as eval's rule). */
  readonly interactionVars: (input: unknown) => Record<string, string>;
  /** Raises a pulse alert (a scheduled run's regression). */
  readonly raiseAlert: ScheduleDeps['alert'];
  readonly onError: (err: unknown) => void;
}

const WHERE_RUN = 'backtests.runs.create';
const LIVE_VERDICT_MS = 2_000;

/** A bare prompt name stands for its `latest` version; `NAME@LABEL` and `NAME@vX.Y` as given. */
const promptRef = (ref: string) => (ref.includes('@') ? ref : `${ref}@latest`);

function labelOf(
  prompt: ResolvedSide['prompt'],
  model: ResolvedSide['model'],
  params: ResolvedSide['parameters'],
): string {
  const parts: string[] = [];
  parts.push(prompt ? `${prompt.name}@${prompt.version}` : 'recorded prompt');
  parts.push(model ? `${model.provider}:${model.model}` : 'recorded model');
  const p = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`);
  if (p.length > 0) parts.push(p.join(','));
  return parts.join(' · ');
}

/** The backtests domain's one door: sets, runs, verdicts, exports, and the executor. */
export class BacktestService {
  private readonly repo: BacktestRepository;
  readonly executor: RunExecutor;
  readonly schedules: BacktestSchedules;
  /** What the leaderboards read of backtests: replayed sides as board rows, and contributions. */
  readonly boards: ReturnType<typeof backtestBoardSources>;
  /** Runs between a resume's check and its executor's start. */
  private readonly resuming = new Set<string>();

  constructor(private readonly deps: BacktestDeps) {
    this.repo = new BacktestRepository(deps.store.db);
    this.boards = backtestBoardSources(this.repo, (ids) => deps.prompts.authors(ids));
    this.executor = new RunExecutor({
      store: deps.store,
      events: deps.events,
      seam: deps.seam,
      scorer: deps.scorer,
      matcherContext: deps.matcherContext,
      metrics: deps.metrics,
    });
    this.schedules = new BacktestSchedules({
      store: deps.store,
      check: async (input) => {
        const set = await this.findSet(input.set, 'backtests.schedules.create');
        await this.resolveSpec(set, input.baseline, input.candidates);
        await this.deps.scorer.pin(input.scorecard, 'backtests.schedules.create.scorecard');
        return set.id;
      },
      start: async (s) => {
        const run = await this.createRun(
          {
            set: s.setId,
            baseline: s.spec.baseline,
            candidates: [...s.spec.candidates],
            scorecard: s.spec.scorecard as ParsedInput<'backtests.runs.create'>['scorecard'],
            concurrency: s.concurrency,
          },
          s.id,
        );
        return run.id;
      },
      alert: deps.raiseAlert,
      onError: deps.onError,
    });
  }

  // ---- sets

  async findSet(ref: string, where: string): Promise<SetRecord> {
    const found = (await this.repo.setById(ref)) ?? (await this.repo.liveSetByName(ref));
    if (!found)
      throw new AssayError('NOT_FOUND', `${where}: no backtest set "${ref}"`, { field: 'set' });
    return found;
  }

  async createSet(input: ParsedInput<'backtests.sets.create'>): Promise<BacktestSetView> {
    const where = 'backtests.sets.create';
    if (await this.repo.liveSetByName(input.name))
      throw new AssayError('CONFLICT', `${where}: a backtest set named "${input.name}" exists`, {
        field: 'name',
      });
    const id = newId();
    let items: ItemRecord[];
    let definition: Record<string, unknown>;
    const source = input.source;
    if (source.kind === 'interactions') {
      const seed = source.seed ?? Math.floor(Math.random() * 2 ** 31);
      definition = { ...source, seed };
      const scorecard =
        source.stratifyBy === 'score_band' && source.scorecard !== undefined
          ? await this.bandScorecard(source.scorecard)
          : source.scorecard;
      items = await interactionItems(
        id,
        {
          filter: source.filter,
          prompt: source.prompt,
          sampleSize: source.sampleSize,
          stratifyBy: source.stratifyBy,
          scorecard,
          seed,
        },
        this.deps.sources,
      );
    } else {
      const found = await this.deps.datasets.cases(source.dataset);
      if (found.cases.length === 0)
        throw new AssayError(
          'VALIDATION_FAILED',
          `${where}: dataset "${found.name}" has no cases`,
          {
            field: 'source.dataset',
          },
        );
      definition = { kind: 'dataset', datasetId: found.datasetId, dataset: found.name };
      items = found.cases.map((c, position) => ({
        setId: id,
        position,
        interactionId: null,
        caseId: c.id,
        stratum: 'all',
        frozen: {
          input: c.vars,
          output: null,
          expected: c.expected ?? null,
          vars: c.vars,
          calls: [],
        },
        occurredAt: null,
      }));
    }
    const strata: Record<string, number> = {};
    let calls = 0;
    let inputTokens = 0;
    let outputTokens = 0;
    for (const item of items) {
      strata[item.stratum] = (strata[item.stratum] ?? 0) + 1;
      calls += item.frozen.calls.length;
      for (const c of item.frozen.calls) {
        inputTokens += c.inputTokens;
        outputTokens += c.outputTokens;
      }
    }
    const set: SetRecord = {
      id,
      name: input.name,
      description: input.description,
      source: source.kind,
      definition,
      itemCount: items.length,
      strata,
      calls,
      inputTokens,
      outputTokens,
      archived: false,
      createdAt: new Date().toISOString(),
    };
    try {
      await this.deps.store.writes.runLarge((tx) =>
        new BacktestRepository(tx).insertSet(set, items),
      );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AssayError('CONFLICT', `${where}: a backtest set named "${input.name}" exists`, {
          field: 'name',
        });
      throw err;
    }
    return setView(set);
  }

  /**
   * The scorecard of a set's score bands, by id or name (as a run names it), checked before the
   * scan so an unknown one is refused naming the field, not by the quality domain's lookup.
   */
  private async bandScorecard(ref: string): Promise<string> {
    const where = 'backtests.sets.create.source.scorecard';
    try {
      return (await this.deps.scorer.pin({ id: ref }, where)).pin.id;
    } catch (err) {
      if (!(err instanceof AssayError) || err.code !== 'NOT_FOUND') throw err;
    }
    try {
      return (await this.deps.scorer.pin({ name: ref }, where)).pin.id;
    } catch (err) {
      if (!(err instanceof AssayError) || err.code !== 'NOT_FOUND') throw err;
      throw new AssayError(
        'NOT_FOUND',
        `backtests.sets.create: source.scorecard: no scorecard named or with id "${ref}"`,
        { field: 'source.scorecard' },
      );
    }
  }

  async listSets(includeArchived: boolean): Promise<BacktestSetView[]> {
    return (await this.repo.listSets(includeArchived)).map(setView);
  }

  async getSet(
    input: ParsedInput<'backtests.sets.get'>,
  ): Promise<ChannelOutput<'backtests.sets.get'>> {
    const set = await this.findSet(input.id, 'backtests.sets.get');
    const items = await this.repo.items(set.id, input.offset, input.limit + 1);
    return {
      set: setView(set),
      items: items.slice(0, input.limit).map(itemView),
      nextOffset: items.length > input.limit ? input.offset + input.limit : null,
    };
  }

  async archiveSet(id: string, archived: boolean): Promise<BacktestSetView> {
    const set = await this.findSet(id, 'backtests.sets.archive');
    if (!archived && (await this.repo.liveSetByName(set.name)))
      throw new AssayError(
        'CONFLICT',
        `backtests.sets.archive: a live set is named "${set.name}"`,
        { field: 'id' },
      );
    await this.deps.store.writes.run((tx) =>
      new BacktestRepository(tx).setArchived(set.id, archived),
    );
    return setView((await this.repo.setById(set.id))!);
  }

  // ---- runs

  private async resolveSide(
    spec: CandidateSpec | Extract<BaselineSpec, { kind: 'replay' }>,
    set: SetRecord,
    field: string,
  ): Promise<ResolvedSide> {
    let prompt: ResolvedSide['prompt'] = null;
    if (spec.prompt) {
      try {
        prompt = await this.deps.prompts.resolveRef(promptRef(spec.prompt));
      } catch (err) {
        const message = err instanceof AssayError ? err.message : String(err);
        throw new AssayError('NOT_FOUND', `${WHERE_RUN}: ${field}.prompt: ${message}`, {
          field: `${field}.prompt`,
        });
      }
    }
    const model = spec.model ?? null;
    if (set.source === 'dataset') {
      if (!prompt)
        throw new AssayError(
          'VALIDATION_FAILED',
          `${WHERE_RUN}: ${field}: a dataset set has no recorded calls to replay; name a prompt version`,
          { field: `${field}.prompt` },
        );
      if (!model) {
        const config = await this.deps.prompts.configModel(prompt.versionId);
        if (!config.provider || !config.model)
          throw new AssayError(
            'VALIDATION_FAILED',
            `${WHERE_RUN}: ${field}: ${prompt.name}@${prompt.version} names no model; give one (${field}.model)`,
            { field: `${field}.model` },
          );
      }
    }
    const parameters = spec.parameters ?? {};
    return { label: labelOf(prompt, model, parameters), prompt, model, parameters };
  }

  private async resolveSpec(
    set: SetRecord,
    baseline: BaselineSpec,
    candidates: readonly CandidateSpec[],
  ): Promise<RunSpec> {
    if (baseline.kind === 'production' && set.source === 'dataset')
      throw new AssayError(
        'VALIDATION_FAILED',
        `${WHERE_RUN}: baseline: a dataset set has no production answers; replay a prompt version as the baseline`,
        { field: 'baseline' },
      );
    const base =
      baseline.kind === 'production'
        ? { spec: baseline, side: null, label: 'production' }
        : await (async () => {
            const side = await this.resolveSide(baseline, set, 'baseline');
            return { spec: baseline, side, label: side.label };
          })();
    const resolved = [];
    for (const [i, c] of candidates.entries())
      resolved.push({ spec: c, side: await this.resolveSide(c, set, `candidates.${i}`) });
    return { baseline: base, candidates: resolved };
  }

  async estimate(input: ParsedInput<'backtests.estimate'>) {
    const set = await this.findSet(input.set, 'backtests.estimate');
    const spec = await this.resolveSpec(set, input.baseline, input.candidates);
    const plan = await this.deps.scorer.pin(input.scorecard, 'backtests.estimate.scorecard');
    const items = await this.repo.items(set.id);
    return estimateRun(
      items,
      spec,
      this.deps.costOf,
      plan.graders.filter((g) => g.kind === 'llm_judge').length,
    );
  }

  async createRun(
    input: ParsedInput<'backtests.runs.create'>,
    scheduleId: string | null = null,
  ): Promise<BacktestRunView> {
    const set = await this.findSet(input.set, WHERE_RUN);
    if (set.archived)
      throw new AssayError('VALIDATION_FAILED', `${WHERE_RUN}: set "${set.name}" is archived`, {
        field: 'set',
      });
    const spec = await this.resolveSpec(set, input.baseline, input.candidates);
    const plan = await this.deps.scorer.pin(input.scorecard, `${WHERE_RUN}.scorecard`);
    const items = await this.repo.items(set.id);
    const estimate = await estimateRun(
      items,
      spec,
      this.deps.costOf,
      plan.graders.filter((g) => g.kind === 'llm_judge').length,
    );
    const run: RunRecord = {
      id: newId(),
      name: input.name ?? `${set.name}: ${spec.candidates.map((c) => c.side.label).join(' | ')}`,
      setId: set.id,
      status: 'queued',
      spec,
      pin: plan.pin,
      concurrency: input.concurrency,
      itemCount: items.length,
      estimate,
      verdicts: null,
      scheduleId,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      error: null,
    };
    await this.deps.store.writes.run((tx) => new BacktestRepository(tx).insertRun(run));
    this.executor.start(run, (id) => this.finish(id));
    return this.getRun(run.id);
  }

  private async requireRun(id: string, where: string): Promise<RunRecord> {
    const run = await this.repo.runById(id);
    if (!run)
      throw new AssayError('NOT_FOUND', `${where}: no backtest run "${id}"`, { field: 'id' });
    return run;
  }

  /** Volume of the set's kind of traffic over the last 30 days; null for dataset sets. */
  private async monthlyVolume(set: SetRecord): Promise<number | null> {
    if (set.source !== 'interactions') return null;
    const def = set.definition as { filter?: InteractionFilter; prompt?: string };
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const filter: InteractionFilter = {
      ...(def.filter ?? {}),
      from: from.toISOString(),
      to: to.toISOString(),
    };
    if (!def.prompt) return this.deps.countInteractions(filter);
    // A prompt filter is not a column filter: count the matching ones by their versions.
    const versions = await this.deps.sources.promptVersions(def.prompt);
    let count = 0;
    let offset: number | null = 0;
    let scanned = 0;
    while (offset !== null && scanned < SCAN_CAP) {
      const page = await this.deps.sources.listInteractions(filter, offset, 500);
      scanned += page.items.length;
      count += page.items.filter(
        (i) => i.promptVersionId !== null && versions.has(i.promptVersionId),
      ).length;
      offset = page.nextOffset;
    }
    return count;
  }

  /**
   * A running run's verdicts so far, kept for a moment: a page or a CLI polling every 200 ms
   * would otherwise read every result and bootstrap again on each poll.
   */
  private readonly liveVerdicts = new Map<
    string,
    { at: number; verdicts: Promise<CandidateVerdict[]> }
  >();

  private verdictsOf(run: RunRecord): Promise<CandidateVerdict[]> {
    if (run.verdicts) return Promise.resolve([...run.verdicts]);
    const cached = this.liveVerdicts.get(run.id);
    if (cached && Date.now() - cached.at < LIVE_VERDICT_MS) return cached.verdicts;
    const verdicts = this.computeVerdicts(run);
    this.liveVerdicts.set(run.id, { at: Date.now(), verdicts });
    // Only runs in progress are kept; a finished run's verdicts are stored with it.
    for (const [id, entry] of this.liveVerdicts)
      if (Date.now() - entry.at >= LIVE_VERDICT_MS) this.liveVerdicts.delete(id);
    return verdicts;
  }

  private async computeVerdicts(run: RunRecord): Promise<CandidateVerdict[]> {
    const set = (await this.repo.setById(run.setId))!;
    const results = await this.repo.results(run.id);
    const volume = await this.monthlyVolume(set);
    return run.spec.candidates.map((c, i) =>
      candidateVerdict({ side: i + 1, label: c.side.label, results, monthlyVolume: volume }),
    );
  }

  private async finish(runId: string): Promise<void> {
    const run = (await this.repo.runById(runId))!;
    this.liveVerdicts.delete(runId);
    const verdicts = await this.computeVerdicts(run);
    await this.deps.store.writes.run((tx) =>
      new BacktestRepository(tx).updateRun(runId, {
        status: 'completed',
        finishedAt: new Date().toISOString(),
        verdicts,
      }),
    );
    await this.schedules.checkRegression(run, verdicts).catch(this.deps.onError);
  }

  async getRun(id: string): Promise<BacktestRunView> {
    // Asked before and after the read: a run that finishes (or starts) while its row is read
    // was live, not cut off; asking only after showed a run completing as failed.
    const activeBefore = this.executor.isActive(id);
    const run = await this.requireRun(id, 'backtests.runs.get');
    const live = activeBefore || this.executor.isActive(id);
    const set = (await this.repo.setById(run.setId))!;
    // A run marked queued or running that this process does not execute was cut off (a crash,
    // a quit, before or after its executor's first write).
    const status =
      (run.status === 'running' || run.status === 'queued') && !live ? 'failed' : run.status;
    const shown: RunRecord =
      status === run.status
        ? run
        : {
            ...run,
            status,
            error: run.error ?? 'stopped before it finished (the app quit or crashed); resume it',
          };
    return runView(
      shown,
      set.name,
      await this.repo.resultCounts(run.id),
      await this.verdictsOf(run),
    );
  }

  async listRuns(setRef: string | undefined, limit: number): Promise<BacktestRunView[]> {
    const setId = setRef ? (await this.findSet(setRef, 'backtests.runs.list')).id : undefined;
    const runs = await this.repo.listRuns(setId, limit);
    const out: BacktestRunView[] = [];
    for (const run of runs) out.push(await this.getRun(run.id));
    return out;
  }

  async resume(id: string): Promise<BacktestRunView> {
    const run = await this.requireRun(id, 'backtests.runs.resume');
    if (this.executor.isActive(id) || this.resuming.has(id))
      throw new AssayError('CONFLICT', `backtests.runs.resume: run "${id}" is running`, {
        field: 'id',
      });
    if (run.status === 'completed')
      throw new AssayError('CONFLICT', `backtests.runs.resume: run "${id}" completed`, {
        field: 'id',
      });
    // Queued again before it starts: the answer (and a poll right after) must not show the
    // cancel or failure being resumed. Held meanwhile, so a second resume cannot start it twice.
    this.resuming.add(id);
    try {
      await this.deps.store.writes.run((tx) =>
        new BacktestRepository(tx).updateRun(id, {
          status: 'queued',
          error: null,
          finishedAt: null,
        }),
      );
      this.executor.start({ ...run, status: 'queued' }, (runId) => this.finish(runId));
    } finally {
      this.resuming.delete(id);
    }
    return this.getRun(id);
  }

  async cancel(id: string): Promise<BacktestRunView> {
    await this.requireRun(id, 'backtests.runs.cancel');
    if (this.executor.cancel(id)) await this.executor.settled(id);
    return this.getRun(id);
  }

  async pairs(
    input: ParsedInput<'backtests.runs.pairs'>,
  ): Promise<ChannelOutput<'backtests.runs.pairs'>> {
    const run = await this.requireRun(input.id, 'backtests.runs.pairs');
    if (input.side > run.spec.candidates.length)
      throw new AssayError(
        'VALIDATION_FAILED',
        `backtests.runs.pairs: the run has ${run.spec.candidates.length} candidate(s)`,
        {
          field: 'side',
        },
      );
    const items = await this.repo.items(run.setId);
    const ordered = orderPairs(
      pairViews(items, await this.repo.results(run.id), input.side),
      input.order,
    );
    const page = ordered.slice(input.offset, input.offset + input.limit);
    return {
      pairs: page,
      nextOffset: input.offset + input.limit < ordered.length ? input.offset + input.limit : null,
    };
  }

  async exportCases(
    input: ParsedInput<'backtests.runs.exportCases'>,
  ): Promise<{ dataset: string; added: number }> {
    const where = 'backtests.runs.exportCases';
    const run = await this.requireRun(input.id, where);
    if (input.side > run.spec.candidates.length)
      throw new AssayError(
        'VALIDATION_FAILED',
        `${where}: the run has ${run.spec.candidates.length} candidate(s)`,
        { field: 'side' },
      );
    const items = await this.repo.items(run.setId);
    const byPosition = new Map(items.map((i) => [i.position, i]));
    const pairs = pairViews(items, await this.repo.results(run.id), input.side);
    const chosen = input.which === 'all' ? pairs : orderPairs(pairs, 'regressions_only');
    const cases = chosen.map((pair) => {
      const item = byPosition.get(pair.position)!;
      const vars =
        item.frozen.vars ??
        item.frozen.calls.at(-1)?.vars ??
        this.deps.interactionVars(item.frozen.input);
      // The baseline's answer is the reference: a regression is where the candidate lost it.
      const expected = item.frozen.expected ?? pair.baseline?.output ?? undefined;
      const drop = regression(pair);
      return {
        vars: { ...vars },
        ...(expected === undefined || expected === null ? {} : { expected }),
        description:
          `From backtest "${run.name}", item ${pair.position}` +
          (item.interactionId ? ` (interaction ${item.interactionId})` : '') +
          (drop !== null && Number.isFinite(drop)
            ? `: score ${pair.baseline?.score?.toFixed(2)} -> ${pair.candidate?.score?.toFixed(2)}`
            : ''),
        tags: ['backtest', drop !== null ? 'regression' : 'backtest-item'],
      };
    });
    if (cases.length === 0) return { dataset: input.dataset, added: 0 };
    return {
      dataset: input.dataset,
      added: await this.deps.datasets.addCases(input.dataset, cases),
    };
  }

  /** The long-lived shells start the schedule timer; a one-off CLI command does not. */
  start(): void {
    this.schedules.start();
  }

  async close(): Promise<void> {
    await this.schedules.stop();
    await this.executor.close();
  }
}
