import type { PulseMetric } from '../../../shared/contract/pulse';
import type { ScoreTarget } from '../../../shared/contract/quality';
import type { StatsFigures } from '../../../shared/contract/trace-insights';
import type { ScorecardWindow, ScorecardWindowInput } from '../scorecard-window';

/** A window of time: `from` inclusive, `to` exclusive, ISO text. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

/** Traffic filter with the prompt already resolved to a version id. */
export interface ResolvedFilter {
  readonly model?: string;
  readonly promptVersionId?: string;
}

/** What the runner reads traffic through: the tracing service's insights (the only door). */
export interface TrafficReader {
  windowFigures(w: {
    startedFrom: string;
    startedBefore: string;
    filter: ResolvedFilter;
  }): Promise<StatsFigures>;
  windowWorst(
    w: { startedFrom: string; startedBefore: string; filter: ResolvedFilter },
    by: 'errors' | 'latency' | 'cost',
    limit: number,
  ): Promise<{ traceIds: string[]; interactionIds: string[] }>;
  targetsMatching(
    targets: readonly { type: string; id: string }[],
    filter: ResolvedFilter,
  ): Promise<Set<string>>;
  tracesOfSpans(spanIds: readonly string[]): Promise<Map<string, string>>;
}

/** And scores through the quality service. */
export interface ScorecardReader {
  scorecardWindow(input: ScorecardWindowInput): Promise<ScorecardWindow>;
}

export interface MeasureDeps {
  readonly traffic: TrafficReader;
  readonly scorecards: ScorecardReader;
}

export interface RuleToMeasure {
  readonly metric: PulseMetric;
  readonly scorecardId: string | null;
  readonly windowMinutes: number;
  readonly minSamples: number;
}

export interface Links {
  readonly interactionIds: string[];
  readonly traceIds: string[];
}

export interface Measurement {
  /** null when the window cannot tell: fewer samples than the rule's minimum, or no price. */
  readonly value: number | null;
  readonly samples: number;
  /** The interactions and traces behind the value, the worst first (read only on an alert). */
  readonly links: () => Promise<Links>;
}

/** How many interactions or traces an alert names. */
export const LINKED = 10;

const WORST_BY = {
  cost_per_day_usd: 'cost',
  error_rate: 'errors',
  p95_latency_ms: 'latency',
} as const;

async function scorecardLinks(deps: MeasureDeps, worst: readonly ScoreTarget[]): Promise<Links> {
  const spans = worst.filter((t) => t.type === 'span').map((t) => t.id);
  const traces = spans.length > 0 ? await deps.traffic.tracesOfSpans(spans) : new Map();
  return {
    interactionIds: worst.filter((t) => t.type === 'interaction').map((t) => t.id),
    traceIds: [...new Set(spans.map((id) => traces.get(id)).filter((t) => t !== undefined))],
  };
}

/** One rule's metric over one window. */
export async function measure(
  deps: MeasureDeps,
  rule: RuleToMeasure,
  filter: ResolvedFilter,
  window: TimeWindow,
): Promise<Measurement> {
  const enough = (samples: number, value: number | null) =>
    samples >= rule.minSamples ? value : null;
  if (rule.metric === 'scorecard_mean' || rule.metric === 'scorecard_pass_rate') {
    const filtered = filter.model !== undefined || filter.promptVersionId !== undefined;
    const card = await deps.scorecards.scorecardWindow({
      scorecardId: rule.scorecardId!,
      from: window.from,
      to: window.to,
      worst: LINKED,
      keep: filtered ? (targets) => deps.traffic.targetsMatching(targets, filter) : undefined,
    });
    const value = rule.metric === 'scorecard_mean' ? card.mean : card.passRate;
    return {
      value: enough(card.complete, value),
      samples: card.complete,
      links: () => scorecardLinks(deps, card.worst),
    };
  }
  const traffic = { startedFrom: window.from, startedBefore: window.to, filter };
  const figures = await deps.traffic.windowFigures(traffic);
  const value =
    figures.calls === 0
      ? null
      : rule.metric === 'error_rate'
        ? figures.errorRate
        : rule.metric === 'p95_latency_ms'
          ? figures.p95LatencyMs
          : // Unpriced calls only: no cost to tell, never a silent $0.
            figures.costUsd === null
            ? null
            : (figures.costUsd * 24 * 60) / rule.windowMinutes;
  return {
    value: enough(figures.calls, value),
    samples: figures.calls,
    links: () =>
      deps.traffic.windowWorst(traffic, WORST_BY[rule.metric as keyof typeof WORST_BY], LINKED),
  };
}
