import { Search } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import { SemanticNotice } from '../traces/search/semantic-notice';
import { similarityPercent } from '../traces/search/semantic-text';
import { TraceHitList } from '../traces/search/similar-traces';

/**
 * From an eval result: failures of the same dataset close to it in meaning, and production
 * traces close to it ("where does this happen in production"). Asked for on a click: the
 * results of the dataset are embedded on demand, which costs a request.
 */
export function SimilarFailures({ runId, resultId }: { runId?: string; resultId: string }) {
  const [asked, setAsked] = useState(false);
  const query = useChannelQuery(
    'evals.similarFailures',
    asked ? { resultId, ...(runId ? { runId } : {}), limit: 10 } : null,
    { retry: false },
  );
  if (!asked) {
    return (
      <Button
        variant="outline"
        size="xs"
        className="w-fit"
        onClick={() => setAsked(true)}
        data-testid={`similar-failures-${resultId}`}
      >
        <Search />
        Similar failures
      </Button>
    );
  }
  return (
    <section className="col-span-2 flex flex-col gap-2" data-testid="similar-failures">
      <h3 className="text-xs font-medium">Similar failures</h3>
      {query.error ? (
        <SemanticNotice error={query.error} />
      ) : !query.data ? (
        <p role="status" className="text-xs text-muted-foreground">
          Embedding this dataset's failures…
        </p>
      ) : (
        <>
          {query.data.failures.length === 0 ? (
            <p className="text-xs text-muted-foreground">
              No other failing result of this dataset.
            </p>
          ) : (
            <ul className="flex flex-col gap-1" data-testid="similar-failure-list">
              {query.data.failures.map((f) => (
                <li key={f.resultId} className="flex items-baseline gap-2 text-xs">
                  <span className="w-10 shrink-0 text-right font-mono tabular-nums text-muted-foreground">
                    {similarityPercent(f.distance)}
                  </span>
                  <span className={f.status === 'error' ? 'text-destructive' : 'text-amber-600'}>
                    {f.status}
                  </span>
                  <span className="text-muted-foreground">{`${f.runName} · ${f.caseKey}`}</span>
                  <span className="min-w-0 truncate" title={f.preview}>
                    {f.preview}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="text-xs font-medium">In production</h3>
          <TraceHitList hits={query.data.traces} testId="similar-failure-traces" />
        </>
      )}
    </section>
  );
}
