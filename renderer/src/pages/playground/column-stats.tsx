import { ScrollText } from 'lucide-react';
import { useState } from 'react';
import type { CallResultView } from '../../../../shared/contract';
import { formatUsd } from '../../../../shared/money';
import { SaveAsCase } from '../../components/span/save-as-case';
import { SpanDialog } from '../../components/span/span-dialog';
import { Badge } from '../../components/ui/badge';
import { fmtCount } from '../../lib/format';

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <span className="whitespace-nowrap" data-testid={testId}>
      <span className="text-muted-foreground">{label}</span>{' '}
      <span className="font-mono text-foreground">{value}</span>
    </span>
  );
}

/** Tokens, cost, timing and provenance of one finished call. */
export function ColumnStats({ index, result }: { index: number; result: CallResultView }) {
  const { usage } = result;
  const [spanOpen, setSpanOpen] = useState(false);
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t px-3 py-2 text-[11px]"
      data-testid={`column-stats-${index}`}
    >
      <Stat label="in" value={fmtCount(usage.inputTokens)} testId={`column-input-${index}`} />
      <Stat
        label="out"
        value={fmtCount(usage.outputTokens)}
        testId={`column-output-tokens-${index}`}
      />
      {usage.cacheReadTokens > 0 ? (
        <Stat label="cache read" value={fmtCount(usage.cacheReadTokens)} />
      ) : null}
      {result.costPicoUsd === null ? (
        <Badge
          variant="outline"
          data-testid={`column-unpriced-${index}`}
          title="No price for this model: add one on the Models page"
        >
          unpriced
        </Badge>
      ) : (
        <Stat label="cost" value={formatUsd(result.costPicoUsd)} testId={`column-cost-${index}`} />
      )}
      <Stat
        label="latency"
        value={`${Math.round(result.latencyMs)} ms`}
        testId={`column-latency-${index}`}
      />
      {result.ttftMs !== null ? (
        <Stat
          label="ttft"
          value={`${Math.round(result.ttftMs)} ms`}
          testId={`column-ttft-${index}`}
        />
      ) : null}
      {result.cacheHit ? (
        <Badge variant="success" data-testid={`column-cached-${index}`}>
          cached
        </Badge>
      ) : null}
      {result.attempts > 1 ? (
        <Badge variant="outline" data-testid={`column-attempts-${index}`}>
          {`${result.attempts} attempts`}
        </Badge>
      ) : null}
      {result.finishReason !== 'stop' ? (
        <Badge variant={result.finishReason === 'length' ? 'destructive' : 'outline'}>
          {result.finishReason === 'length' ? 'hit max tokens' : result.finishReason}
        </Badge>
      ) : null}
      <span className="ml-auto" />
      <SaveAsCase testKey={index} spanId={result.spanId} />
      <button
        type="button"
        className="flex items-center gap-1 font-mono text-muted-foreground hover:text-foreground"
        data-testid={`column-span-${index}`}
        data-span-id={result.spanId}
        title={`Span ${result.spanId} in trace ${result.traceId}: the request and response`}
        onClick={() => setSpanOpen(true)}
      >
        <ScrollText className="size-3" />
        {`span …${result.spanId.slice(-8)}`}
      </button>
      <SpanDialog id={spanOpen ? result.spanId : null} onClose={() => setSpanOpen(false)} />
    </div>
  );
}
