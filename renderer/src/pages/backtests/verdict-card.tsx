import type { CandidateVerdict } from '../../../../shared/contract/backtests';
import { msText, percent, signed, signedUsd, usdText } from './format';
import { VerdictBadge } from './verdict-badge';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-col">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className="font-mono text-sm" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/**
 * One candidate against the baseline: the mean score change with its 95% interval, wins, ties
 * and losses, the sign test, pass rates, cost and latency. Unscored pairs are shown apart: they
 * count as neither a tie nor a pass.
 */
export function VerdictCard({ verdict: v }: { verdict: CandidateVerdict }) {
  const interval = v.interval
    ? `[${signed(v.interval.low)}, ${signed(v.interval.high)}]`
    : 'no interval';
  return (
    <div className="flex flex-col gap-3 rounded-lg border p-4" data-testid="verdict-card">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-mono text-sm font-semibold">{v.label}</h3>
        <VerdictBadge verdict={v.verdict} />
      </div>
      <div className="grid grid-cols-4 gap-3">
        <Figure
          label="Mean score change (95% interval)"
          value={`${signed(v.meanDelta)} ${interval}`}
          testId="verdict-delta"
        />
        <Figure
          label="Wins / ties / losses"
          value={`${v.wins} / ${v.ties} / ${v.losses}`}
          testId="verdict-wtl"
        />
        <Figure
          label="Sign test p"
          value={v.signTestP === null ? '—' : v.signTestP.toPrecision(3)}
          testId="verdict-p"
        />
        <Figure
          label="Pass rate"
          value={`${percent(v.baselinePassRate)} → ${percent(v.candidatePassRate)}`}
          testId="verdict-pass-rate"
        />
        <Figure
          label="Cost (baseline → candidate)"
          value={`${usdText(v.baselineCostUsd)} → ${usdText(v.candidateCostUsd)} (${signedUsd(v.costDeltaUsd)})`}
          testId="verdict-cost"
        />
        <Figure
          label="Latency p50 / p95"
          value={`${msText(v.baselineLatencyP50Ms)} → ${msText(v.candidateLatencyP50Ms)} / ${msText(v.baselineLatencyP95Ms)} → ${msText(v.candidateLatencyP95Ms)}`}
        />
        <Figure
          label="Projected monthly cost"
          value={
            v.projectedMonthly
              ? `${usdText(v.projectedMonthly.baselineUsd)} → ${usdText(v.projectedMonthly.candidateUsd)} (${v.projectedMonthly.interactions} interactions)`
              : '—'
          }
          testId="verdict-monthly"
        />
        <Figure
          label="Scored pairs"
          value={`${v.scoredPairs} of ${v.pairs}`}
          testId="verdict-scored"
        />
      </div>
      {v.unscoredPairs > 0 || v.candidateErrors > 0 ? (
        <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="verdict-unscored">
          {`${v.unscoredPairs} pairs unscored (either side could not be graded) and ${v.candidateErrors} candidate errors: left out of the verdict, not counted as ties or passes.`}
        </p>
      ) : null}
    </div>
  );
}
