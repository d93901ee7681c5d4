import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import type { ScoringRuleView } from '../../../shared/contract/scoring-rules';
import type { EventBus } from '../../kit/event-bus';
import type { LlmService } from '../../llm/llm-service';
import type { PromptService } from '../../prompts/prompt-service';
import type { Store } from '../../store/store';
import type { TracingService } from '../../tracing/tracing-service';
import type { QualityService } from '../quality-service';
import { utcDay } from './budget-gate';
import { gradingFacts } from './grading-facts';
import type { PageEnv } from './page-worker/page-request';
import { inThreadPages, workerPages, type PageRunner } from './page-worker/page-runner';
import type { WorkerConnectionData } from '../../store/sqlite/worker-connection';
import { resolveJudgePrompt } from './registry-judge';
import { RuleRepository, type RuleRecord } from './rule-repository';
import { ruleView } from './rule-view';
import { archiveRule, createRule, requestRescore, requireRule, updateRule } from './rules';
import { ScoringJob, type ScoringTuning } from './scoring-job';

export interface ScoringRulesDeps {
  readonly store: Store;
  readonly events: EventBus;
  readonly quality: QualityService;
  readonly tracing: TracingService;
  readonly prompts: PromptService;
  readonly llm: LlmService;
  readonly tuning?: Partial<ScoringTuning>;
  /**
   * The store's file, for a grading worker with its own connection (SQLite); unset, pages run
   * on this thread (PostgreSQL, tests of the runner itself).
   */
  readonly gradingWorker?: WorkerConnectionData;
}

/**
 * Online scoring: the rule register (list, create, update, archive, rescore) and the runner
 * that scores production interactions as they arrive (scoring-job.ts). The only door into it.
 */
export class ScoringRulesService {
  private readonly repo: RuleRepository;
  private readonly job: ScoringJob;
  private readonly pages: PageRunner;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ScoringRulesDeps) {
    this.repo = new RuleRepository(deps.store.db);
    const { tracing, prompts, llm } = deps;
    const facts = gradingFacts(tracing, prompts);
    const env: PageEnv = {
      db: deps.store.db,
      interactionsAfter: (cursor, limit, through) =>
        tracing.interactionsAfter(cursor, limit, through),
      facts,
      // The job's stop aborts judge calls; a model-free page in flight just finishes.
      signal: new AbortController().signal,
    };
    this.pages = deps.gradingWorker ? workerPages(env, deps.gradingWorker) : inThreadPages(env);
    this.job = new ScoringJob(
      {
        walk: { store: deps.store, interactionsAfter: env.interactionsAfter },
        quality: deps.quality,
        judge: { llm, resolvePrompt: (ref) => resolveJudgePrompt(prompts, ref) },
        facts,
        pages: this.pages,
      },
      deps.tuning,
    );
  }

  /** Wakes on every new interaction, and walks what arrived while the core was closed. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.deps.events.subscribe((topic, payload) => {
      if (topic === 'interactions.created')
        this.job.interactionCreated(payload as { id: string; createdAt: string });
    });
    this.job.start();
  }

  /** Stops the runner; the judge calls in flight are aborted and their page is not stored. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.job.stop();
    await this.pages.close();
  }

  /**
   * The runner's pages, the time they kept this thread and the grading worker busy since the
   * core opened, and where model-free pages run now (benchmarks, metrics).
   */
  runnerStats(): {
    readonly pages: number;
    readonly busyMs: number;
    readonly workerMs: number;
    readonly grading: PageRunner['state'];
  } {
    return { ...this.job.stats, grading: this.pages.state };
  }

  async list(input: ParsedInput<'scoringRules.list'>): Promise<ChannelOutput<'scoringRules.list'>> {
    return { rules: await this.views(await this.repo.list(input.includeArchived)) };
  }

  async get(id: string): Promise<ScoringRuleView> {
    return this.view(await requireRule(this.repo, id, 'scoringRules.get'));
  }

  async create(input: ParsedInput<'scoringRules.create'>): Promise<ScoringRuleView> {
    const rule = await createRule(this.deps.store.db, input);
    this.job.wake();
    return this.view(rule);
  }

  async update(input: ParsedInput<'scoringRules.update'>): Promise<ScoringRuleView> {
    const rule = await updateRule(this.deps.store.db, input);
    // An edit may fix what stopped it (a budget raised, a judge model priced): try again now.
    this.job.reset(rule.id);
    return this.view(rule);
  }

  async archive(input: ParsedInput<'scoringRules.archive'>): Promise<ScoringRuleView> {
    const rule = await archiveRule(this.deps.store.db, input);
    this.job.reset(rule.id);
    return this.view(rule);
  }

  async rescore(id: string): Promise<ScoringRuleView> {
    const rule = await requestRescore(this.deps.store.db, id);
    this.job.wake();
    return this.view(rule);
  }

  private async view(rule: RuleRecord): Promise<ScoringRuleView> {
    return (await this.views([rule]))[0]!;
  }

  private async views(rules: readonly RuleRecord[]): Promise<ScoringRuleView[]> {
    const now = Date.now();
    const ids = rules.map((r) => r.id);
    const progress = await this.repo.progressOf(ids);
    const spend = await this.repo.spendOn(utcDay(now), ids);
    return rules.map((rule) =>
      ruleView(
        rule,
        progress.get(rule.id)!,
        spend.get(rule.id) ?? 0,
        this.job.runState(rule.id),
        now,
      ),
    );
  }
}
