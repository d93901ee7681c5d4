import { interactionMeans } from './scorecard-window';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import type { GraderView, ScorecardView } from '../../shared/contract/quality';
import type { LlmService } from '../llm/llm-service';
import type { PromptService } from '../prompts/prompt-service';
import type { Store } from '../store/store';
import { EvalScorecardScorer } from './eval-scoring/eval-scorecard-scorer';
import type { ScorecardScorer } from './eval-scoring/scorecard-scorer';
import { resolveJudgePrompt } from './online/registry-judge';
import { archiveGrader, createGrader, graderView, requireGrader, updateGrader } from './graders';
import { GraderRepository } from './grader-repository';
import { forgetTargetScores, type ForgetTargetScores } from './forget-target-scores';
import {
  createScore,
  recordGraderScore,
  type GraderScoreInput,
  type ScoreDeps,
  type ScoreOutcome,
} from './record-score';
import { ScorecardRepository } from './scorecard-repository';
import { archiveScorecard, createScorecard, getScorecard, updateScorecard } from './scorecards';
import { ScoreRepository, scoreView } from './score-repository';
import {
  scorecardWindow,
  type ScorecardWindow,
  type ScorecardWindowInput,
} from './scorecard-window';
import { seedBuiltInGraders } from './seed-built-ins';

export interface QualityDeps extends ScoreDeps {
  readonly store: Store;
}

/**
 * Graders, scorecards and scores: the only door into the quality domain. Grading runs,
 * review queues and dashboards (later) read and write through here too.
 */
export class QualityService {
  private readonly graders: GraderRepository;
  private readonly scorecards: ScorecardRepository;
  private readonly scores: ScoreRepository;

  constructor(private readonly deps: QualityDeps) {
    this.graders = new GraderRepository(deps.store.db);
    this.scorecards = new ScorecardRepository(deps.store.db);
    this.scores = new ScoreRepository(deps.store.db);
  }

  /** Adds the shipped graders this database lacks (once per database; see seed-built-ins.ts). */
  seedBuiltIns(): Promise<string[]> {
    return seedBuiltInGraders(this.deps.store.db);
  }

  async listGraders(input: ParsedInput<'graders.list'>): Promise<GraderView[]> {
    const rows = await this.graders.list(input.includeArchived);
    return rows.map((r) => graderView(r.grader, r.latest));
  }

  async getGrader(id: string): Promise<ChannelOutput<'graders.get'>> {
    const { grader, latest } = await requireGrader(this.graders, id, 'graders.get');
    return { grader: graderView(grader, latest), versions: await this.graders.versionsOf(id) };
  }

  createGrader(input: ParsedInput<'graders.create'>): Promise<GraderView> {
    return createGrader(this.deps.store.db, input);
  }

  updateGrader(input: ParsedInput<'graders.update'>): Promise<GraderView> {
    return updateGrader(this.deps.store.db, input);
  }

  archiveGrader(input: ParsedInput<'graders.archive'>): Promise<GraderView> {
    return archiveGrader(this.deps.store.db, input);
  }

  listScorecards(input: ParsedInput<'scorecards.list'>): Promise<ScorecardView[]> {
    return this.scorecards.list(input.includeArchived);
  }

  getScorecard(input: ParsedInput<'scorecards.get'>): Promise<ScorecardView> {
    return getScorecard(this.deps.store.db, input);
  }

  createScorecard(input: ParsedInput<'scorecards.create'>): Promise<ScorecardView> {
    return createScorecard(this.deps.store.db, input);
  }

  updateScorecard(input: ParsedInput<'scorecards.update'>): Promise<ScorecardView> {
    return updateScorecard(this.deps.store.db, input);
  }

  archiveScorecard(input: ParsedInput<'scorecards.archive'>): Promise<ScorecardView> {
    return archiveScorecard(this.deps.store.db, input);
  }

  createScore(input: ParsedInput<'scores.create'>): Promise<ScoreOutcome> {
    return createScore(this.deps.store, this.deps, input);
  }

  /** A grading run's verdict on one target (not a channel: the grading engine calls it). */
  recordGraderScore(input: GraderScoreInput): Promise<ScoreOutcome> {
    return recordGraderScore(this.deps.store, input);
  }

  async listScores(input: ParsedInput<'scores.list'>): Promise<ChannelOutput<'scores.list'>> {
    return { scores: (await this.scores.list(input)).map(scoreView) };
  }

  /**
   * A scorecard's verdicts on the production targets scored in a time window: the mean of the
   * complete targets' means, the pass rate, incomplete targets apart, the worst targets (pulse
   * alerts read it).
   */
  scorecardWindow(input: ScorecardWindowInput): Promise<ScorecardWindow> {
    return scorecardWindow(this.deps.store.db, input);
  }

  /**
   * Scores eval runs with scorecards: the eval run service is handed this at wiring, so it
   * grades and stores scores without reaching into quality's tables. Judges are called through
   * the call path with their prompts from the registry, as online scoring calls them.
   */
  scorecardScorer(deps: { llm: LlmService; prompts: PromptService }): ScorecardScorer {
    const { llm, prompts } = deps;
    return new EvalScorecardScorer(this.deps.store, {
      llm,
      resolvePrompt: (ref) => resolveJudgePrompt(prompts, ref),
    });
  }

  /**
   * Forgets the scores (and review items, per-day sums) of targets being deleted, inside the
   * deleting transaction: eval runs and trace retention are handed this at wiring, as runs are
   * handed the scorer (see forget-target-scores.ts).
   */
  readonly forgetTargetScores: ForgetTargetScores = forgetTargetScores;

  /** Each interaction's scorecard mean from its newest scores (null: incomplete), by scorecard id or name. */
  async interactionMeans(
    scorecard: string,
    ids: readonly string[],
  ): Promise<Map<string, number | null>> {
    const found = await this.getScorecard({ id: scorecard });
    return interactionMeans(this.deps.store.db, found.id, ids);
  }

  async hasScorecard(id: string): Promise<boolean> {
    return (await this.scorecards.scorecard(id)) !== null;
  }
}
