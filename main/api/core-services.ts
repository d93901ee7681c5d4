import type { BacktestService } from '../quality/backtests/backtest-service';
import type { DatasetService, SpanVariables } from '../evals/datasets/dataset-service';
import type { RunService } from '../evals/runs/run-service';
import type { LlmService } from '../llm/llm-service';
import type { PlaygroundService } from '../playground/playground-service';
import type { PromptService } from '../prompts/prompt-service';
import type { LeaderboardService } from '../quality/leaderboards/leaderboard-service';
import type { PulseService } from '../quality/pulse/pulse-service';
import type { QualityService } from '../quality/quality-service';
import type { ReviewService } from '../quality/review/review-service';
import type { QualityInsightsService } from '../quality/dashboard/quality-insights-service';
import type { ScoreRollupRunner } from '../quality/dashboard/rollup-runner';
import type { ScoringRulesService } from '../quality/online/scoring-rules-service';
import type { SecondJudgeService } from '../quality/second-judge/second-judge-service';
import type { StoreInfo } from '../store/store';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { EventBus } from '../kit/event-bus';
import type { TracingService } from '../tracing/tracing-service';
import type { RepricingService } from '../tracing/repricing/repricing-service';
import type { SemanticService } from '../tracing/semantic/semantic-service';
import type { IngestStatus } from '../../shared/contract';
import type { AuthService } from '../auth/auth-service';

/** The domain services a running core holds; handlers receive this, never globals. */
export interface CoreServices {
  readonly version: string;
  readonly dataDir: string;
  /** What database the core runs on; services hold the store itself, nobody else does. */
  readonly storeInfo: StoreInfo;
  readonly secrets: SecretStore;
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly llm: LlmService;
  readonly prompts: PromptService;
  readonly playground: PlaygroundService;
  readonly datasets: DatasetService;
  readonly runs: RunService;
  readonly tracing: TracingService;
  /** What past traffic would cost on another model; recomputing stored costs, recorded. */
  readonly costs: RepricingService;
  /** The variables a traced call's prompt was rendered with, when kept (rerun, steal as eval). */
  readonly spanVariables: SpanVariables;
  readonly semantic: SemanticService;
  readonly quality: QualityService;
  /** Alert rules, the alert inbox and webhooks; its runner evaluates rules every minute. */
  readonly pulse: PulseService;
  readonly review: ReviewService;
  /** Judge calibration and scorecard dashboards (reads only). */
  readonly qualityInsights: QualityInsightsService;
  /** Online scoring rules and their runner. */
  readonly scoringRules: ScoringRulesService;
  /** Sums scores per day ahead of dashboard reads; the long-lived shells start it. */
  readonly scoreRollup: ScoreRollupRunner;
  /** Second judges: a judge copied onto another model, grading its recent targets in the background. */
  readonly secondJudge: SecondJudgeService;
  /** Backtest sets, runs and schedules; the long-lived shells start its schedule timer. */
  readonly backtests: BacktestService;
  /** Prompt versions x models ranked over eval datasets and backtest sets (reads only). */
  readonly leaderboards: LeaderboardService;
  /**
   * Where the user's apps send calls and spans. Read on each ask: the desktop shell starts its
   * ingest server after the core (the server serves the core's dispatcher) and supplies it.
   */
  readonly ingestStatus: () => IngestStatus;
  /** Accounts, sessions, tokens and the audit log: team mode only (absent: local, no login). */
  readonly auth?: AuthService;
}
