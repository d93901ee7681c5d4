import type { RerunComparison } from '../../../../../shared/contract/trace-actions';
import { Badge } from '../../../components/ui/badge';
import { fmtCount, fmtMs, fmtUsd } from '../../../lib/format';
import { cn } from '../../../lib/utils';

/** Green when the rerun spent less, red when more; a plus sign on every increase. */
function Delta({
  label,
  value,
  shown,
  testId,
}: {
  label: string;
  value: number | null;
  shown: string;
  testId: string;
}) {
  const tone =
    value === null || value === 0
      ? 'text-muted-foreground'
      : value < 0
        ? 'text-success'
        : 'text-destructive';
  return (
    <span
      className="flex items-baseline gap-1 text-xs"
      data-testid={testId}
      data-value={value ?? ''}
    >
      <span className="text-muted-foreground">{label}</span>
      <span className={cn('font-mono tabular-nums', tone)}>{shown}</span>
    </span>
  );
}

const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');

/** Cost, latency and token deltas of a rerun against its original. */
export function RerunDeltas({ comparison }: { comparison: RerunComparison }) {
  const c = comparison;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="rerun-deltas">
      <Delta
        label="cost"
        testId="rerun-delta-cost"
        value={c.costDeltaUsd}
        shown={
          c.costDeltaUsd === null
            ? 'unpriced'
            : `${sign(c.costDeltaUsd)}${fmtUsd(Math.abs(c.costDeltaUsd))}`
        }
      />
      <Delta
        label="latency"
        testId="rerun-delta-latency"
        value={c.latencyDeltaMs}
        shown={`${sign(c.latencyDeltaMs)}${fmtMs(Math.abs(c.latencyDeltaMs))}`}
      />
      <Delta
        label="tokens in"
        testId="rerun-delta-input"
        value={c.inputTokensDelta}
        shown={`${sign(c.inputTokensDelta)}${fmtCount(Math.abs(c.inputTokensDelta))}`}
      />
      <Delta
        label="out"
        testId="rerun-delta-output"
        value={c.outputTokensDelta}
        shown={`${sign(c.outputTokensDelta)}${fmtCount(Math.abs(c.outputTokensDelta))}`}
      />
      {c.sameText ? <Badge variant="secondary">same answer</Badge> : null}
    </div>
  );
}
