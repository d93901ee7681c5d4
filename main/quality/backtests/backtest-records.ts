import type {
  BacktestEstimate,
  BaselineSpec,
  CandidateSpec,
  CandidateVerdict,
} from '../../../shared/contract/backtests';
import type { ScorecardPin } from '../eval-scoring/scorecard-scorer';
import type { FrozenItem } from './frozen-item';

/** The domain's records, as the repository reads and writes them. */

export interface SetRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly source: 'interactions' | 'dataset';
  readonly definition: Record<string, unknown>;
  readonly itemCount: number;
  readonly strata: Record<string, number>;
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly archived: boolean;
  readonly createdAt: string;
}

export interface ItemRecord {
  readonly setId: string;
  readonly position: number;
  readonly interactionId: string | null;
  readonly caseId: string | null;
  readonly stratum: string;
  readonly frozen: FrozenItem;
  readonly occurredAt: string | null;
}

/** A side as resolved when the run was made: a resume replays exactly this. */
export interface ResolvedSide {
  readonly label: string;
  /** Null: the recorded prompt (or, for dataset items, none: refused when the run is made). */
  readonly prompt: {
    readonly versionId: string;
    readonly name: string;
    readonly version: string;
  } | null;
  /** Null: each call's recorded model. */
  readonly model: { readonly provider: string; readonly model: string } | null;
  readonly parameters: NonNullable<CandidateSpec['parameters']>;
}

export interface RunSpec {
  readonly baseline: {
    readonly spec: BaselineSpec;
    readonly side: ResolvedSide | null;
    readonly label: string;
  };
  readonly candidates: readonly { readonly spec: CandidateSpec; readonly side: ResolvedSide }[];
}

export type RunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface RunRecord {
  readonly id: string;
  readonly name: string;
  readonly setId: string;
  readonly status: RunStatus;
  readonly spec: RunSpec;
  readonly pin: ScorecardPin;
  readonly concurrency: number;
  readonly itemCount: number;
  readonly estimate: BacktestEstimate;
  readonly verdicts: readonly CandidateVerdict[] | null;
  readonly scheduleId: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export interface GraderNote {
  readonly name: string;
  readonly state: string;
  readonly value: number | null;
  readonly reason: string | null;
}

export interface ResultRecord {
  readonly runId: string;
  readonly position: number;
  /** 0 = baseline, 1.. = candidates. */
  readonly side: number;
  readonly status: 'ok' | 'error';
  readonly output: string | null;
  readonly error: string | null;
  readonly score: number | null;
  readonly outcome: 'pass' | 'fail' | 'incomplete' | null;
  readonly reason: string | null;
  readonly graders: readonly GraderNote[];
  readonly costPicoUsd: number | null;
  readonly judgeCostPicoUsd: number;
  readonly latencyMs: number | null;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly spanIds: readonly string[];
  readonly createdAt: string;
}

export interface ScheduleRecord {
  readonly id: string;
  readonly name: string;
  readonly setId: string;
  /** The run's input as given (set, baseline, candidates, scorecard). */
  readonly spec: {
    readonly baseline: BaselineSpec;
    readonly candidates: readonly CandidateSpec[];
    readonly scorecard: { readonly id?: string; readonly name?: string; readonly version?: number };
  };
  readonly cadence: 'daily' | 'weekly';
  readonly at: string;
  readonly weekday: number | null;
  readonly alertBelow: number;
  readonly concurrency: number;
  readonly enabled: boolean;
  readonly nextRunAt: string | null;
  readonly lastRunId: string | null;
  readonly createdAt: string;
}
