import { setMaxListeners } from 'node:events';
import { toErrorPayload } from '../../../shared/errors';
import { refusedToError } from '../../kit/worker-client';
import type { InteractionCursor } from '../../tracing/interaction-repository';
import { utcDay } from './budget-gate';
import type { GradingContext } from './grade-interaction';
import { pageFacts, type GradingFacts } from './grading-facts';
import { callsJudge, type PageWork } from './page-worker/page-request';
import type { PageRunner } from './page-worker/page-runner';
import { PageBudget } from './page-budget';
import { LockShare } from './lock-share';
import { ThreadShare } from './thread-share';
import type { JudgeCallDeps } from './registry-judge';
import { RuleRepository, type RuleProgress, type RuleRecord } from './rule-repository';
import { rulePlan, type PlannedGrader } from './rule-plan';
import { gradeLate, gradeRescore, gradeWalk, type GradedPage, type WalkDeps } from './rule-walk';
import { commitPage } from './page-commit';
import type { Store } from '../../store/store';
import type { QualityService } from '../quality-service';

export interface ScoringTuning {
  /** Interactions a page reads, grades and stores in one transaction (default 200). */
  readonly pageSize: number;
  /** Interactions graded at once (default 16: judge calls wait on the network). */
  readonly concurrency: number;
  /** Pages one rule walks before the next rule's turn (default 5). */
  readonly pagesPerTurn: number;
  /** Back-off after a failure: first wait, doubled per failure up to max. */
  readonly backoffFirstMs: number;
  readonly backoffMaxMs: number;
  /** While idle, how often rules are looked at anyway (a new UTC day, another process's rows). */
  readonly rescanMs: number;
  /**
   * How far behind now the walk stays: rows another process commits late (PostgreSQL, several
   * servers) land behind a walk that went up to the present. 0 on one process: this process's
   * late rows come with an event (see absorb).
   */
  readonly horizonMs: number;
  /**
   * The least share of the thread scoring keeps while ingest saturates it (default 0.05); with
   * room to spare it takes what others leave (thread-share.ts).
   */
  readonly minThreadShare: number;
  /**
   * Once caught up, how long new interactions gather before the next page (default 100 ms):
   * a walk that keeps up then reads pages, not one row per page with a page's fixed costs.
   */
  readonly lingerMs: number;
}

export const DEFAULT_SCORING_TUNING: ScoringTuning = {
  pageSize: 200,
  concurrency: 16,
  pagesPerTurn: 5,
  backoffFirstMs: 1_000,
  backoffMaxMs: 60_000,
  rescanMs: 30_000,
  horizonMs: 0,
  minThreadShare: 0.05,
  lingerMs: 100,
};

export interface JobDeps {
  readonly walk: {
    readonly store: Store;
    readonly interactionsAfter: WalkDeps['interactionsAfter'];
  };
  readonly quality: QualityService;
  readonly judge: JudgeCallDeps;
  readonly facts: GradingFacts;
  /** Where pages whose graders call no model run (the grading worker on SQLite). */
  readonly pages: PageRunner;
  readonly now?: () => number;
}

/**
 * A page graded and stored: what it did, the time it kept this thread busy, whether the
 * grading worker did it, and for a model-free page the time it took from what it shares with
 * ingest (else null: judges wait on the network): the worker's hold on SQLite's write lock, or
 * the page's whole time here (on PostgreSQL its reads and writes load the database ingest uses).
 */
type PageDone = GradedPage & {
  readonly threadMs: number;
  readonly onWorker: boolean;
  readonly sharedMs: number | null;
};

/** What the runner knows of a rule that the store does not: its failures and a price gap. */
export interface RuleRun {
  failures: number;
  retryAt: number;
  lastError: string | null;
  unpricedModel: string | null;
}

/** Most interactions remembered from events between two pages (beyond: the oldest go). */
const MAX_EVENTS = 50_000;

const before = (a: InteractionCursor, b: InteractionCursor) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id <= b.id);

/**
 * The online scoring runner: one loop over the enabled rules, woken by new interactions and by
 * rule changes (and a timer). Each rule walks interactions after its stored position a page at
 * a time; a page's scores and the new position are one transaction. A provider failure stops
 * the rule at the interaction it failed on, says so in the status, and is retried after a
 * doubling back-off; other rules go on.
 */
export class ScoringJob {
  private readonly tuning: ScoringTuning;
  /** Giving way to ingest: this thread for pages graded here; the lock or database by looking. */
  private readonly share: ThreadShare;
  private readonly lockShare: LockShare;
  private readonly controller = new AbortController();
  private readonly runs = new Map<string, RuleRun>();
  /** Rules' positions as last committed: what a new interaction is compared with. */
  private readonly cursors = new Map<string, { startedAt: string; after: InteractionCursor }>();
  private events: InteractionCursor[] = [];
  /**
   * Per rule: ids its last two pages walked. An event can reach the runner just after the page
   * that read its interaction (the read ran between commit and event): not a late arrival.
   */
  private readonly walked = new Map<string, { last: Set<string>; before: Set<string> }>();
  /** Rules edited since the round began: their turn ends, the next round reads them again. */
  private readonly changed = new Set<string>();
  /** Per rule: interactions that arrived at or behind its walk, to grade apart. */
  private readonly late = new Map<string, Map<string, InteractionCursor>>();
  /** Interactions created since the last page: ingest is running. */
  private ingested = 0;
  /** Interactions created since the runner started (lock-share.ts reads ingest's rate). */
  private arrivals = 0;
  /** Woken by new interactions while caught up: let more gather first. */
  private linger = false;
  /**
   * Pages stored, the time they kept this thread busy, and the time they took on the grading
   * worker, since start (benchmarks, metrics).
   */
  readonly stats = { pages: 0, busyMs: 0, workerMs: 0 };
  /** Rules running when last looked at; null until then, or after a rule changed. */
  private running: number | null = null;
  private wakeUp: (() => void) | null = null;
  private pending = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly deps: JobDeps,
    tuning: Partial<ScoringTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_SCORING_TUNING, ...tuning };
    this.share = new ThreadShare(this.tuning.minThreadShare);
    this.lockShare = new LockShare({ floor: this.tuning.minThreadShare });
    setMaxListeners(0, this.controller.signal);
  }

  private get now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.controller.abort(new Error('online scoring stopped'));
    this.wakeUp?.();
    await this.loop;
  }

  /** A rule changed: look again. */
  wake(): void {
    this.running = null;
    this.pending = true;
    this.wakeUp?.();
  }

  /**
   * A new interaction: remembered until the next page decides whether it is behind a walk.
   * With no rule running it is nobody's business (a rule that starts walks from its start).
   */
  interactionCreated(item: InteractionCursor): void {
    if (this.running === 0) return;
    this.events.push(item);
    this.ingested += 1;
    this.arrivals += 1;
    this.linger = true;
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
    this.pending = true;
    this.wakeUp?.();
  }

  runState(ruleId: string): RuleRun | undefined {
    return this.runs.get(ruleId);
  }

  /** Forgets what the runner knew of a rule (it was edited: a price gap may be fixed). */
  reset(ruleId: string): void {
    this.runs.delete(ruleId);
    this.changed.add(ruleId);
    // Arrivals noted for its old walk are judged again against the new one (see absorb).
    this.late.delete(ruleId);
    this.wake();
  }

  private runOf(ruleId: string): RuleRun {
    let run = this.runs.get(ruleId);
    if (!run) {
      run = { failures: 0, retryAt: 0, lastError: null, unpricedModel: null };
      this.runs.set(ruleId, run);
    }
    return run;
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      this.pending = false;
      let busy: boolean;
      try {
        busy = await this.round();
      } catch (err) {
        // The store itself failed (every rule would): wait and look again.
        if (signal.aborted) break;
        process.stderr.write(`assay: online scoring failed: ${toErrorPayload(err).message}\n`);
        await this.idle(this.tuning.backoffFirstMs);
        continue;
      }
      if (busy) continue;
      if (!this.pending) await this.idle(this.idleMs());
      if (this.linger) {
        this.linger = false;
        await this.pause(this.tuning.lingerMs);
      }
    }
  }

  /** Until the next retry is due, at most the rescan interval. */
  private idleMs(): number {
    let wait = this.tuning.rescanMs;
    for (const run of this.runs.values())
      if (run.retryAt > this.now) wait = Math.min(wait, run.retryAt - this.now);
    return Math.max(1, wait);
  }

  private idle(ms: number): Promise<void> {
    // Stopped while a round ran: an abort listener added now would never fire.
    if (this.controller.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.controller.signal.addEventListener('abort', done);
      this.wakeUp = done;
    });
  }

  /** One turn of every rule; whether there may be more to do at once. */
  private async round(): Promise<boolean> {
    const repo = new RuleRepository(this.deps.walk.store.db);
    // Before reading: an edit committed after this read is flagged, and ends the turn.
    this.changed.clear();
    const rules = await repo.running();
    this.running = rules.length;
    const progress = await repo.progressOf(rules.map((r) => r.id));
    this.cursors.clear();
    for (const rule of rules) this.cursors.set(rule.id, progress.get(rule.id)!);
    for (const id of this.late.keys()) if (!this.cursors.has(id)) this.late.delete(id);
    for (const id of this.walked.keys()) if (!this.cursors.has(id)) this.walked.delete(id);
    let busy = false;
    for (const rule of rules) {
      if (this.controller.signal.aborted) break;
      const run = this.runOf(rule.id);
      if (run.retryAt > this.now) continue;
      try {
        busy = (await this.turn(rule, progress.get(rule.id)!, run)) || busy;
        run.failures = 0;
        run.lastError = null;
      } catch (err) {
        if (this.controller.signal.aborted) break;
        run.failures += 1;
        run.lastError = toErrorPayload(err).message;
        const wait = this.tuning.backoffFirstMs * 2 ** (run.failures - 1);
        run.retryAt = this.now + Math.min(this.tuning.backoffMaxMs, wait);
      }
    }
    return busy;
  }

  /** Sorts new interactions: behind a rule's walk (graded apart) or ahead (the walk finds it). */
  private absorb(): void {
    if (this.events.length === 0) return;
    const events = this.events;
    this.events = [];
    for (const [ruleId, { startedAt, after }] of this.cursors) {
      const seen = this.walked.get(ruleId);
      for (const e of events) {
        if (e.createdAt < startedAt || !before(e, after)) continue;
        if (seen?.last.has(e.id) || seen?.before.has(e.id)) continue;
        let set = this.late.get(ruleId);
        if (!set) this.late.set(ruleId, (set = new Map()));
        set.set(e.id, e);
      }
    }
  }

  /**
   * Grades one page, with judges here (they wait on the network, not the thread), else through
   * the page runner (on the grading worker where there is one), and stores what it did.
   */
  private async page(ctx: GradingContext, work: PageWork): Promise<PageDone> {
    let graded: GradedPage;
    let storedMs: number | null = null;
    const started = performance.now();
    const modelFree = !callsJudge(ctx.plan);
    if (!modelFree) {
      const deps = this.walkDeps();
      graded =
        work.kind === 'walk'
          ? await gradeWalk(deps, ctx, work.after, work.horizon)
          : work.kind === 'rescore'
            ? await gradeRescore(deps, ctx, work.window)
            : await gradeLate(deps, ctx, work.interactions);
    } else {
      const { pageSize, concurrency } = this.tuning;
      const { rule, plan, now } = ctx;
      const result = await this.deps.pages.run({
        ...work,
        spec: { rule, plan, now, pageSize, concurrency },
      });
      storedMs = result.storedMs;
      graded = {
        ...result,
        failure: result.failure === null ? null : refusedToError(result.failure),
      };
    }
    if (storedMs !== null) {
      // Graded and stored on the worker: what it shares with ingest is the write lock.
      this.stats.workerMs += graded.gradingMs + storedMs;
      return { ...graded, threadMs: 0, onWorker: true, sharedMs: storedMs };
    }
    const storingMs = graded.empty
      ? 0
      : await commitPage(this.deps.walk.store, ctx.rule.id, graded.tally, graded.move, ctx.now);
    const threadMs = graded.gradingMs + storingMs;
    const sharedMs = modelFree ? performance.now() - started : null;
    return { ...graded, threadMs, onWorker: false, sharedMs };
  }

  /** A page-sized context: the plan, the budget as stored now, facts read once each. */
  private async context(rule: RuleRecord, run: RuleRun): Promise<GradingContext> {
    const nowMs = this.now;
    const plan: PlannedGrader[] = await rulePlan(this.deps.quality, rule.scorecardId);
    const spent = await new RuleRepository(this.deps.walk.store.db).spendOn(utcDay(nowMs), [
      rule.id,
    ]);
    const budget = new PageBudget(
      rule.dailyBudgetPicoUsd,
      spent.get(rule.id) ?? 0,
      run.unpricedModel,
    );
    return {
      rule,
      plan,
      judge: this.deps.judge,
      budget,
      facts: pageFacts(this.deps.facts),
      signal: this.controller.signal,
      now: new Date(nowMs).toISOString(),
    };
  }

  private walkDeps(): WalkDeps {
    const { pageSize, concurrency } = this.tuning;
    const { store, interactionsAfter } = this.deps.walk;
    return { db: store.db, interactionsAfter, pageSize, concurrency };
  }

  /**
   * Keeps what the runner learnt from a page, gives the thread back for as long as its share
   * says, and throws the page's failure for the back-off. `preparedMs`: the thread time spent
   * on the page before it was read (its plan, budget and events).
   */
  private async settle(
    report: PageDone,
    ctx: GradingContext,
    run: RuleRun,
    preparedMs: number,
  ): Promise<void> {
    run.unpricedModel = ctx.budget.unpricedModel;
    this.stats.pages += 1;
    this.stats.busyMs += preparedMs + report.threadMs;
    // Whichever asks more: the thread's share (a page graded here), and what the look at
    // ingest's rate says (a model-free page, lock-share.ts).
    const threadWait = report.onWorker
      ? 0
      : this.share.waitAfter(preparedMs + report.threadMs, this.ingested > 0);
    const sharedWait =
      report.sharedMs === null ? 0 : this.lockShare.waitAfter(report.sharedMs, this.arrivals);
    const wait = Math.max(threadWait, sharedWait);
    this.ingested = 0;
    if (wait > 0) await this.pause(wait);
    if (report.failure !== null && report.failure !== undefined) throw report.failure;
  }

  /** A wait only stopping ends early (a new interaction does not: that is the point). */
  private pause(ms: number): Promise<void> {
    const { signal } = this.controller;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }

  /** A rule's turn: interactions behind its walk, a few pages of its walk, a rescore page. */
  private async turn(rule: RuleRecord, progress: RuleProgress, run: RuleRun): Promise<boolean> {
    let after = progress.after;
    let busy = false;
    for (let page = 0; page < this.tuning.pagesPerTurn; page++) {
      if (this.changed.has(rule.id)) return true;
      this.absorb();
      await this.lateOf(rule, run);
      const started = performance.now();
      const ctx = await this.context(rule, run);
      const prepared = performance.now() - started;
      const horizon =
        this.tuning.horizonMs > 0
          ? { createdAt: new Date(this.now - this.tuning.horizonMs).toISOString(), id: '' }
          : undefined;
      const report = await this.page(ctx, { kind: 'walk', after, horizon });
      after = report.after ?? after;
      this.cursors.set(rule.id, { startedAt: progress.startedAt, after });
      const seen = this.walked.get(rule.id);
      this.walked.set(rule.id, {
        last: new Set(report.ids),
        before: seen?.last ?? new Set(),
      });
      await this.settle(report, ctx, run, prepared);
      busy = report.full;
      if (!report.full) break;
    }
    if (progress.rescore && !this.changed.has(rule.id)) {
      const started = performance.now();
      const ctx = await this.context(rule, run);
      const prepared = performance.now() - started;
      const report = await this.page(ctx, { kind: 'rescore', window: progress.rescore });
      await this.settle(report, ctx, run, prepared);
      // A rescore waiting for tomorrow's budget is not work to do now.
      busy = busy || (report.full && !report.waiting);
    }
    return busy;
  }

  private async lateOf(rule: RuleRecord, run: RuleRun): Promise<void> {
    const set = this.late.get(rule.id);
    if (!set || set.size === 0) return;
    const ids = [...set.keys()].slice(0, this.tuning.pageSize);
    const found = await Promise.all(ids.map((id) => this.deps.facts.interaction(id)));
    const items = found.filter((i) => i !== null);
    const started = performance.now();
    const ctx = await this.context(rule, run);
    const prepared = performance.now() - started;
    const report = await this.page(ctx, { kind: 'late', interactions: items });
    // Those not reached (a failure stopped the batch) stay for the retry.
    for (const i of items.slice(0, report.walked)) set.delete(i.id);
    for (const [k, id] of ids.entries()) if (found[k] === null) set.delete(id);
    await this.settle(report, ctx, run, prepared);
  }
}
