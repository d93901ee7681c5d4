import { setMaxListeners } from 'node:events';
import {
  SECOND_JUDGE_MAX_PROBLEMS,
  type SecondJudgeJob,
  type SecondJudgeState,
} from '../../../shared/contract/quality-second-judge';
import type { GraderVersionView, ScoreTarget } from '../../../shared/contract/quality';
import { toErrorPayload } from '../../../shared/errors';
import { picoToUsd } from '../../../shared/money';
import { gradeTarget } from '../grading/grade-target';
import { messageOf } from '../grading/grade-result';
import {
  interactionOrNull,
  interactionSpans,
  type TracingFacts,
} from '../online/interaction-facts';
import { interactionTarget } from '../online/interaction-target';
import { mapUntil } from '../online/map-until';
import {
  meteredJudge,
  newMeter,
  type JudgeCallDeps,
  type JudgeMeter,
} from '../online/registry-judge';
import type { QualityService } from '../quality-service';

export interface RunDeps {
  readonly quality: Pick<QualityService, 'recordGraderScore'>;
  readonly tracing: TracingFacts;
  readonly judge: JudgeCallDeps;
  /** Targets graded at once (judge calls wait on the network). */
  readonly concurrency: number;
  /** Provider failures in a row that end the job: the model is down, stop sending it the rest. */
  readonly maxOutages: number;
}

export interface RunPlan {
  readonly id: string;
  readonly graderId: string;
  readonly secondJudge: { readonly name: string; readonly version: GraderVersionView };
  /** Interaction ids, newest first. */
  readonly targets: readonly string[];
  /** Those this version of the second judge scored already. */
  readonly alreadyScored: ReadonlySet<string>;
}

type Outcome =
  | { readonly kind: 'graded' }
  | { readonly kind: 'outage'; readonly reason: string }
  | { readonly kind: 'stopped' };
const GRADED: Outcome = { kind: 'graded' };
const STOPPED: Outcome = { kind: 'stopped' };

/**
 * One second-judge job: grades its targets with the copy's version through the grading engine
 * and the registry judge seam, storing each verdict through QualityService (one score per target
 * and grader version, so a re-run or a raced store keeps the first). It never guesses: a target
 * the judge could not judge is stored without a value and with its reason; one the provider
 * failed on (or that is gone) is not stored, so a re-run tries it again.
 */
export class SecondJudgeRun {
  private readonly controller = new AbortController();
  private readonly spend: JudgeMeter = newMeter();
  private readonly counts = { scored: 0, unscored: 0, alreadyScored: 0, failed: 0 };
  private readonly problems: { target: ScoreTarget; reason: string }[] = [];
  private state: SecondJudgeState = 'running';
  private error: string | null = null;
  private cancelled = false;
  private finishedAt: string | null = null;
  private readonly startedAt = new Date().toISOString();
  /** Settles when the job has ended (never rejects). */
  readonly finished: Promise<void>;

  constructor(
    private readonly deps: RunDeps,
    readonly plan: RunPlan,
  ) {
    setMaxListeners(0, this.controller.signal);
    this.finished = this.run();
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** Stops the job: calls in flight are aborted and what they said is not stored. */
  cancel(): void {
    if (!this.running) return;
    this.cancelled = true;
    this.controller.abort(new Error('cancelled'));
  }

  view(): SecondJudgeJob {
    const { plan, counts, spend } = this;
    const version = plan.secondJudge.version;
    const definition = version.definition;
    if (definition.kind !== 'llm_judge') throw new Error('a second judge is an LLM judge');
    return {
      id: plan.id,
      graderId: plan.graderId,
      secondJudge: { id: version.graderId, name: plan.secondJudge.name, version: version.version },
      model: definition.model,
      state: this.state,
      total: plan.targets.length,
      done: counts.scored + counts.unscored + counts.alreadyScored + counts.failed,
      ...counts,
      calls: spend.calls,
      costUsd: picoToUsd(spend.picoUsd),
      unpricedCalls: spend.unpriced,
      problems: [...this.problems],
      error: this.error,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
    };
  }

  private problem(target: ScoreTarget, reason: string): void {
    if (this.problems.length < SECOND_JUDGE_MAX_PROBLEMS) this.problems.push({ target, reason });
  }

  private failed(target: ScoreTarget, reason: string): void {
    this.counts.failed += 1;
    this.problem(target, reason);
  }

  private async run(): Promise<void> {
    const { plan } = this;
    const todo = plan.targets.filter((id) => !plan.alreadyScored.has(id));
    this.counts.alreadyScored = plan.targets.length - todo.length;
    let outages = 0;
    try {
      await mapUntil(
        todo,
        this.deps.concurrency,
        (id) => this.grade(id),
        (outcome) => {
          if (outcome.kind === 'stopped') return true;
          if (outcome.kind === 'graded') outages = 0;
          else outages += 1;
          if (outcome.kind !== 'outage' || outages < this.deps.maxOutages) return false;
          this.error = `the judge's provider failed ${outages} times in a row, the job stopped: ${outcome.reason}`;
          this.controller.abort(new Error(this.error));
          return true;
        },
      );
      this.state = this.cancelled ? 'cancelled' : this.error !== null ? 'failed' : 'done';
    } catch (err) {
      // Grading never throws and each target's failure is caught: this is a bug, said as such.
      this.error = toErrorPayload(err).message;
      this.state = 'failed';
    }
    this.finishedAt = new Date().toISOString();
  }

  private async grade(interactionId: string): Promise<Outcome> {
    const { signal } = this.controller;
    if (signal.aborted) return STOPPED;
    const target: ScoreTarget = { type: 'interaction', id: interactionId };
    const version = this.plan.secondJudge.version;
    try {
      const interaction = await interactionOrNull(this.deps.tracing, interactionId);
      if (!interaction) {
        this.failed(target, 'the interaction is no longer stored');
        return GRADED;
      }
      const spans = await interactionSpans(this.deps.tracing, interaction);
      const meter = newMeter();
      const judge = meteredJudge(
        this.deps.judge,
        meter,
        { secondJudgeJobId: this.plan.id, interactionId, graderVersionId: version.id },
        'second judge',
      );
      const result = await gradeTarget(
        version,
        interactionTarget(interaction, spans),
        { judge },
        { signal },
      );
      this.spend.calls += meter.calls;
      this.spend.picoUsd += meter.picoUsd;
      this.spend.unpriced += meter.unpriced;
      // Stopping: what grading said under an abort is not a verdict to keep.
      if (signal.aborted) return STOPPED;
      if (meter.failure !== null) {
        this.failed(target, result.reason);
        return { kind: 'outage', reason: result.reason };
      }
      const scored = result.status === 'scored' && result.value !== null;
      const stored = await this.deps.quality.recordGraderScore({
        target,
        graderVersionId: version.id,
        value: scored && result.level === null ? result.value : null,
        ...(scored && result.level !== null ? { level: result.level } : {}),
        reason: result.reason,
        // Exactly as the call path priced it; a call to an unpriced model leaves it unknown.
        costPicoUsd: meter.unpriced > 0 ? null : meter.picoUsd,
      });
      if (!stored.created) this.counts.alreadyScored += 1;
      else if (stored.score.value === null) {
        this.counts.unscored += 1;
        this.problem(target, result.reason);
      } else this.counts.scored += 1;
      return GRADED;
    } catch (err) {
      this.failed(target, messageOf(err));
      return GRADED;
    }
  }
}
