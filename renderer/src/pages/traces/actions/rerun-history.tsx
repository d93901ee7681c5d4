import { useChannelQuery } from '../../../query/channel-query';
import { fmtUsd } from '../../../lib/format';
import { RerunDeltas } from './deltas';

/** Earlier reruns of a span, newest last, each with its deltas against the original. */
export function RerunHistory({ spanId }: { spanId: string }) {
  const query = useChannelQuery('spans.reruns', { spanId });
  const reruns = query.data?.original.id === spanId ? query.data.reruns : [];
  if (reruns.length === 0) return null;
  return (
    <div className="flex flex-col gap-1.5" data-testid="rerun-history">
      <span className="text-xs font-medium text-muted-foreground">
        Earlier reruns ({reruns.length})
      </span>
      <ul className="flex flex-col gap-1">
        {reruns.map(({ rerun, comparison }) => (
          <li
            key={rerun.id}
            className="flex flex-wrap items-center gap-x-3 rounded border px-2 py-1 text-xs"
            data-testid="rerun-history-item"
          >
            <a
              className="font-mono underline"
              href={`#/traces/${encodeURIComponent(rerun.traceId)}`}
            >
              {rerun.provider}:{rerun.model}
            </a>
            <span className="text-muted-foreground">
              {new Date(rerun.startedAt).toLocaleString()} · {fmtUsd(rerun.costUsd)}
            </span>
            {rerun.status === 'error' ? (
              <span className="text-destructive">{rerun.errorMessage ?? 'failed'}</span>
            ) : (
              <RerunDeltas comparison={comparison} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
