/**
 * What a leaderboard reads, through interfaces only: the evals domain (eval runs) and the
 * backtests (backtest runs and their candidates) each answer for their own tables, so the
 * leaderboard service never reads another domain's rows (see leaderboard-service.ts).
 */

/** One prompt version x model measured once: an eval run, or one candidate of a backtest run. */
export interface BoardEntry {
  readonly source: 'eval_run' | 'backtest';
  /** The eval run's id, or the backtest run's id + ':' + the candidate's index. */
  readonly runId: string;
  /** Null for a prompt that is no registry version (an eval run's inline prompt). */
  readonly promptVersionId: string | null;
  readonly promptName: string | null;
  /** `v1.2`: registry versions are major.minor. */
  readonly promptVersion: string | null;
  /** How the prompt is named on screen: `support@v1.2`, `inline prompt`. */
  readonly label: string;
  /** The prompt version's author. */
  readonly author: string | null;
  readonly provider: string;
  readonly model: string;
  /** When it completed (ISO). */
  readonly at: string;
  readonly results: number;
  /** Results with a verdict; `results - scored` are shown as unscored, never counted. */
  readonly scored: number;
  /** Of the unscored, those whose call failed. */
  readonly errors: number;
  /** 0..1 over the scored results; null when none was scored. */
  readonly meanScore: number | null;
  /** Passes over the scored results; null when none was scored. */
  readonly passRate: number | null;
  /** Total cost of the priced calls; null when none was priced (unknown, never 0). */
  readonly costPicoUsd: number | null;
  readonly pricedResults: number;
  /** Results whose call answered without a known price. */
  readonly unpricedResults: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
}

/** What a board is over: an eval dataset (by name) or a backtest set (by id). */
export type BoardScope =
  | { readonly kind: 'dataset'; readonly dataset: string }
  | { readonly kind: 'backtest_set'; readonly setId: string };

/** A scope a source has entries for, for the scope picker. */
export interface BoardScopeInfo {
  readonly kind: BoardScope['kind'];
  /** The dataset's or the set's id. */
  readonly id: string;
  readonly name: string;
  readonly entries: number;
  /** When its newest entry completed. */
  readonly lastAt: string | null;
}

export interface BoardSource {
  /** The scope's entries, any order; [] for a scope of a kind this source does not hold. */
  entries(scope: BoardScope): Promise<readonly BoardEntry[]>;
  /** The scopes this source has entries for. */
  scopes(): Promise<readonly BoardScopeInfo[]>;
}

/** The score change one prompt version brought on one backtest set, against its baseline. */
export interface Contribution {
  readonly promptVersionId: string;
  readonly promptName: string;
  /** `v1.2`. */
  readonly promptVersion: string;
  readonly author: string | null;
  readonly setId: string;
  /** Mean (candidate - baseline) score over the scored pairs; null when no pair was scored. */
  readonly meanDelta: number | null;
  /** Interactions where both sides were scored. */
  readonly scoredPairs: number;
  /** When the backtest completed (ISO): the latest one per version and set counts. */
  readonly at: string;
}

export interface ContributionSource {
  contributions(): Promise<readonly Contribution[]>;
}
