import { Link } from 'wouter';
import type { TraceHit } from '../../../../../shared/contract';
import { useChannelQuery } from '../../../query/channel-query';
import { SemanticNotice } from './semantic-notice';
import { similarityPercent } from './semantic-text';

/** Traces closest in meaning, each a link to its detail with its similarity. */
export function TraceHitList({ hits, testId }: { hits: readonly TraceHit[]; testId: string }) {
  if (hits.length === 0)
    return <p className="text-xs text-muted-foreground">No similar traces embedded yet.</p>;
  return (
    <ul className="flex flex-col gap-1" data-testid={testId}>
      {hits.map((hit) => (
        <li key={hit.id} className="flex items-baseline gap-2 text-xs">
          <span className="w-10 shrink-0 text-right font-mono tabular-nums text-muted-foreground">
            {similarityPercent(hit.distance)}
          </span>
          <Link
            href={`/traces/${encodeURIComponent(hit.id)}`}
            className="min-w-0 truncate hover:underline"
            title={hit.inputPreview ?? hit.name}
            data-testid={`similar-trace-${hit.id}`}
          >
            <span className={hit.status === 'error' ? 'text-destructive' : undefined}>
              {hit.name}
            </span>
            {hit.inputPreview ? (
              <span className="text-muted-foreground"> — {hit.inputPreview}</span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** In a trace's detail: the traces closest to it in meaning (its input and output). */
export function SimilarTraces({ traceId }: { traceId: string }) {
  const query = useChannelQuery('traces.similar', { traceId, limit: 10 });
  return (
    <section className="flex flex-col gap-2" data-testid="similar-traces">
      <h3 className="text-xs font-medium">Similar traces</h3>
      {query.error ? (
        <SemanticNotice error={query.error} />
      ) : query.data ? (
        <TraceHitList hits={query.data.hits} testId="similar-trace-list" />
      ) : (
        <p role="status" className="text-xs text-muted-foreground">
          Finding similar traces…
        </p>
      )}
    </section>
  );
}
