import { LoaderCircle } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import { useChannelQuery } from '../../query/channel-query';
import { SimilarTraces } from './search/similar-traces';
import { SpanPanel } from './span-panel';
import { buildSpanTree, timeBounds } from './span-tree';
import { SpanWaterfall } from './span-waterfall';
import { TraceHeader } from './trace-header';
import { goToTraces, lastListHref, traceHref } from './trace-route';

/**
 * One trace: its header, the span tree beside its waterfall, and the selected span's panel.
 * The selected span is in the URL (`?span=`); none selected shows the root (the first row).
 */
export function TraceDetail({ traceId, spanId }: { traceId: string; spanId: string | null }) {
  const detail = useChannelQuery('traces.get', { id: traceId });
  const data = detail.data?.trace.id === traceId ? detail.data : undefined;
  const rows = useMemo(() => (data ? buildSpanTree(data.spans) : []), [data]);
  const bounds = useMemo(() => (data ? timeBounds(data.spans) : { start: 0, end: 0 }), [data]);
  const selected = rows.find((r) => r.span.id === spanId)?.span ?? rows[0]?.span ?? null;
  // Selecting replaces the history entry: Back leaves the trace instead of walking its spans.
  const select = useCallback(
    (id: string) => goToTraces(traceHref(traceId, id), { replace: true }),
    [traceId],
  );
  // Back to the list with the filters it had when the trace was opened.
  const back = useCallback(() => goToTraces(lastListHref()), []);

  if (detail.error && !data)
    return (
      <div className="px-8 py-6" data-testid="trace-detail">
        <p className="text-sm text-destructive" role="alert" data-testid="trace-error">
          {detail.error.toString()}
        </p>
        <a href="#/traces" className="text-xs text-primary hover:underline">
          Back to the traces
        </a>
      </div>
    );
  if (!data)
    return (
      <p className="flex items-center gap-2 px-8 py-6 text-sm text-muted-foreground" role="status">
        <LoaderCircle className="size-4 animate-spin" />
        Loading the trace…
      </p>
    );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 px-8 py-4" data-testid="trace-detail">
      <TraceHeader trace={data.trace} onBack={back} />
      {data.truncated ? (
        <p
          className="rounded-md border border-amber-500/40 p-2 text-xs text-amber-700 dark:text-amber-400"
          data-testid="trace-truncated"
        >
          {`This trace is large: only its first ${data.spans.length.toLocaleString()} spans (of ${data.trace.spanCount.toLocaleString()}) are shown.`}
        </p>
      ) : null}
      <div className="grid min-h-0 flex-1 gap-4 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]">
        <div className="flex max-h-[70vh] min-h-48 flex-col">
          <SpanWaterfall
            rows={rows}
            bounds={bounds}
            selectedId={selected?.id ?? null}
            onSelect={select}
          />
        </div>
        <div className="min-w-0 overflow-auto lg:max-h-[70vh]">
          {selected ? (
            <SpanPanel key={selected.id} span={selected} trace={data.trace} />
          ) : (
            <p className="text-sm text-muted-foreground">This trace has no spans yet.</p>
          )}
        </div>
      </div>
      <SimilarTraces traceId={traceId} />
    </div>
  );
}
