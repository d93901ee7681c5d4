import type { InteractionRecord } from '../../tracing/interaction-repository';
import type { SpanRecord } from '../../tracing/span-record';
import { gradeTarget } from '../grading/grade-target';
import type { ScoreRecord } from '../score-repository';
import { interactionTarget, modelOf } from './interaction-target';
import { meteredJudge, newMeter, type JudgeCallDeps, type JudgeMeter } from './registry-judge';
import type { PageBudget } from './page-budget';
import type { RuleRecord } from './rule-repository';
import { matchesFilter, sampled } from './rule-match';
import type { PlannedGrader } from './rule-plan';
import { graderScore } from './score-rows';

/** What grading reads besides the interaction row: its prompt's name and its spans. */
export interface FactSource {
  promptName(versionId: string): Promise<string | null>;
  spans(interaction: InteractionRecord): Promise<readonly SpanRecord[]>;
}

export interface GradingContext {
  readonly rule: RuleRecord;
  readonly plan: readonly PlannedGrader[];
  readonly judge: JudgeCallDeps;
  /** The day's judge budget: whether a call may start, and what finished calls spent. */
  readonly budget: PageBudget;
  readonly facts: FactSource;
  readonly signal: AbortSignal;
  /** The scores' creation time (one per page). */
  readonly now: string;
}

export interface GradeOptions {
  /** Grade only with versions this target has no score from (a rescore, a late arrival). */
  readonly scored?: ReadonlySet<string>;
  /**
   * With the budget spent: `skip` the judges (the walk goes on, judges miss this target) or
   * `wait` (a rescore stops here and resumes when the budget does).
   */
  readonly onBudget: 'skip' | 'wait';
}

export type InteractionOutcome =
  | { readonly kind: 'skipped' }
  | {
      readonly kind: 'graded';
      readonly scores: readonly ScoreRecord[];
      readonly budgetSkipped: number;
      readonly meter: JudgeMeter;
    }
  /** The provider failed (or the budget ran out for a rescore): nothing here is stored. */
  | { readonly kind: 'halted'; readonly error: unknown; readonly meter: JudgeMeter }
  | { readonly kind: 'waiting'; readonly meter: JudgeMeter };

/** Filter and sampling: sampling first (a hash, no reads), then the facts the filter needs. */
export async function ruleTakes(
  rule: RuleRecord,
  interaction: InteractionRecord,
  facts: FactSource,
): Promise<boolean> {
  if (!sampled(rule.id, interaction.id, rule.sampling)) return false;
  const { filter } = rule;
  const promptName =
    filter.prompts?.length && interaction.promptVersionId !== null
      ? await facts.promptName(interaction.promptVersionId)
      : null;
  const model = filter.models?.length ? modelOf(await facts.spans(interaction)) : null;
  return matchesFilter(filter, {
    id: interaction.id,
    type: interaction.type,
    promptName,
    model,
    tags: interaction.tags,
    userId: interaction.userId,
  });
}

function addMeter(total: JudgeMeter, part: JudgeMeter): void {
  total.picoUsd += part.picoUsd;
  total.calls += part.calls;
  total.unpriced += part.unpriced;
  total.failure ??= part.failure;
}

/**
 * Grades one interaction the rule takes with every planned grader (those not done already).
 * Never throws: a grader that fails is a score with no value and its reason; a provider that
 * fails halts the rule at this interaction, to be retried.
 */
export async function gradeInteraction(
  ctx: GradingContext,
  interaction: InteractionRecord,
  options: GradeOptions,
): Promise<InteractionOutcome> {
  const todo = ctx.plan.filter((g) => !options.scored?.has(g.version.id));
  const total = newMeter();
  if (todo.length === 0) return { kind: 'graded', scores: [], budgetSkipped: 0, meter: total };
  const target = interactionTarget(interaction, await ctx.facts.spans(interaction));
  let budgetSkipped = 0;
  let waiting = false;
  const graded = await Promise.all(
    todo.map(async (grader) => {
      const meter = newMeter();
      const isJudge = grader.kind === 'llm_judge';
      if (isJudge && !ctx.budget.allows()) {
        if (options.onBudget === 'wait') waiting = true;
        else budgetSkipped += 1;
        return null;
      }
      const judge = isJudge
        ? meteredJudge(ctx.judge, meter, {
            scoringRuleId: ctx.rule.id,
            interactionId: interaction.id,
            graderVersionId: grader.version.id,
          })
        : undefined;
      const result = await gradeTarget(grader.version, target, { judge }, { signal: ctx.signal });
      addMeter(total, meter);
      if (grader.version.definition.kind === 'llm_judge')
        ctx.budget.add(
          meter,
          `${grader.version.definition.model.provider}:${grader.version.definition.model.model}`,
        );
      // Judge cost as the call path priced it, exactly; unpriced stays unknown, never 0.
      const cost = meter.unpriced > 0 ? null : meter.picoUsd;
      return graderScore(
        { type: 'interaction', id: interaction.id },
        grader,
        result,
        cost,
        ctx.now,
      );
    }),
  );
  if (total.failure !== null) return { kind: 'halted', error: total.failure, meter: total };
  // Stopping (the core closes): what grading said under an abort is not a verdict to keep.
  if (ctx.signal.aborted) return { kind: 'halted', error: ctx.signal.reason, meter: total };
  if (waiting) return { kind: 'waiting', meter: total };
  const scores = graded.filter((s) => s !== null);
  return { kind: 'graded', scores, budgetSkipped, meter: total };
}
