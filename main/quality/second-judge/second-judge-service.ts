import type { ParsedInput, ProviderId } from '../../../shared/contract';
import type { GraderView } from '../../../shared/contract/quality';
import type { SecondJudgeJob } from '../../../shared/contract/quality-second-judge';
import { AssayError } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import type { ModelListing } from '../../llm/llm-service';
import type { Store } from '../../store/store';
import { throwIssues } from '../grader-checks';
import type { TracingFacts } from '../online/interaction-facts';
import type { JudgeCallDeps } from '../online/registry-judge';
import { versionsScored } from '../online/scored-versions';
import type { QualityService } from '../quality-service';
import { recentlyJudged } from './judged-targets';
import { ensureSecondJudge, sameModel, type ModelRef } from './second-judge-grader';
import { SecondJudgeRun } from './second-judge-run';

export interface SecondJudgeTuning {
  /** Targets graded at once (default 4: a local model serves few requests at a time). */
  readonly concurrency: number;
  /** Provider failures in a row that end a job (default 5). */
  readonly maxOutages: number;
}

export interface SecondJudgeDeps {
  readonly store: Store;
  readonly quality: QualityService;
  readonly tracing: TracingFacts;
  readonly judge: JudgeCallDeps;
  /** What a provider lists live, so a model it lacks is refused before any target is graded. */
  readonly listModels: (provider: ProviderId) => Promise<ModelListing>;
  readonly tuning?: Partial<SecondJudgeTuning>;
}

const WHERE = 'graders.secondJudge.start';
/** Finished jobs remembered (their progress stays readable); running ones are always kept. */
const MAX_KEPT = 100;

/**
 * Second judges: an LLM judge copied onto another model, grading the judge's most recent
 * targets in the background so calibration can compare the two. Jobs live in this process
 * (progress, cancel); what they store is ordinary scores of the copy, so a restart loses only
 * the progress view, and starting again grades only what is not scored yet.
 */
export class SecondJudgeService {
  private readonly jobs = new Map<string, SecondJudgeRun>();
  /** Starts under way, by judge and model: two clicks start one job. */
  private readonly starting = new Map<string, Promise<SecondJudgeRun>>();
  private readonly tuning: SecondJudgeTuning;

  constructor(private readonly deps: SecondJudgeDeps) {
    this.tuning = { concurrency: 4, maxOutages: 5, ...deps.tuning };
  }

  async start(input: ParsedInput<'graders.secondJudge.start'>): Promise<SecondJudgeJob> {
    const judge = await this.judgeOf(input.graderId);
    const model: ModelRef = { provider: input.provider, model: input.model };
    const own = judge.latest.definition;
    if (own.kind === 'llm_judge' && sameModel(own.model, model))
      throwIssues(WHERE, [
        {
          path: 'model',
          message: `is "${judge.name}"'s own model: a second judge runs on another one`,
        },
      ]);
    await this.checkModel(model);
    const running = [...this.jobs.values()].find(
      (j) => j.running && j.plan.graderId === judge.id && sameModel(j.view().model, model),
    );
    if (running) return running.view();
    const key = `${judge.id}\n${model.provider}\n${model.model}`;
    let pending = this.starting.get(key);
    if (!pending) {
      pending = this.launch(judge, model, input.sampleSize).finally(() =>
        this.starting.delete(key),
      );
      this.starting.set(key, pending);
    }
    return (await pending).view();
  }

  /** A judge's jobs, newest first. */
  jobsOf(graderId: string): SecondJudgeJob[] {
    return [...this.jobs.values()]
      .filter((j) => j.plan.graderId === graderId)
      .reverse()
      .map((j) => j.view());
  }

  /** Stops a job and answers once its calls in flight have ended. */
  async cancel(jobId: string): Promise<SecondJudgeJob> {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new AssayError('NOT_FOUND', `graders.secondJudge.cancel: no job with id "${jobId}"`, {
        issues: [{ path: 'jobId', message: 'no such job (jobs are kept until the core stops)' }],
      });
    job.cancel();
    await job.finished;
    return job.view();
  }

  /** Stops every job (the core closes): nothing is stored after this returns. */
  async close(): Promise<void> {
    const all = [...this.jobs.values()];
    for (const job of all) job.cancel();
    await Promise.all(all.map((j) => j.finished));
  }

  private async judgeOf(graderId: string): Promise<GraderView> {
    let grader: GraderView;
    try {
      grader = (await this.deps.quality.getGrader(graderId)).grader;
    } catch (err) {
      if (err instanceof AssayError && err.code === 'NOT_FOUND')
        throw new AssayError('NOT_FOUND', `${WHERE}: no grader with id "${graderId}"`, {
          issues: [{ path: 'graderId', message: 'no such grader' }],
        });
      throw err;
    }
    const definition = grader.latest.definition;
    if (definition.kind !== 'llm_judge')
      throwIssues(WHERE, [
        {
          path: 'graderId',
          message: `"${grader.name}" is a ${grader.kind} grader: only an LLM judge has a second judge`,
        },
      ]);
    else if (definition.secondJudgeOf !== undefined)
      throwIssues(WHERE, [
        {
          path: 'graderId',
          message: `"${grader.name}" is a second judge itself: start from the judge it copies`,
        },
      ]);
    return grader;
  }

  /** The provider must answer its model list, and list the model. */
  private async checkModel(model: ModelRef): Promise<void> {
    const listing = await this.deps.listModels(model.provider);
    if (listing.source !== 'live')
      throwIssues(WHERE, [
        {
          path: 'provider',
          message: `${model.provider} did not list its models (is it set up in Settings?): ${listing.error ?? 'no answer'}`,
        },
      ]);
    if (!listing.models.some((m) => m.info.id === model.model))
      throwIssues(WHERE, [
        {
          path: 'model',
          message: `${model.provider} has no model "${model.model}" (it lists ${listing.models.length})`,
        },
      ]);
  }

  private async launch(
    judge: GraderView,
    model: ModelRef,
    sampleSize: number,
  ): Promise<SecondJudgeRun> {
    const copy = await ensureSecondJudge(this.deps.quality, judge, model);
    const db = this.deps.store.db;
    const targets = await recentlyJudged(db, judge.id, sampleSize);
    const scored = await versionsScored(db, targets, [copy.id]);
    const run = new SecondJudgeRun(
      {
        ...this.tuning,
        quality: this.deps.quality,
        tracing: this.deps.tracing,
        judge: this.deps.judge,
      },
      {
        id: newId(),
        graderId: judge.id,
        secondJudge: { name: copy.name, version: copy.latest },
        targets,
        alreadyScored: new Set(targets.filter((id) => scored.get(id)?.has(copy.latest.id))),
      },
    );
    this.jobs.set(run.plan.id, run);
    this.forgetOld();
    return run;
  }

  private forgetOld(): void {
    let extra = this.jobs.size - MAX_KEPT;
    for (const [id, job] of this.jobs) {
      if (extra <= 0) break;
      if (job.running) continue;
      this.jobs.delete(id);
      extra -= 1;
    }
  }
}
