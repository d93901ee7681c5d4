import { LoaderCircle, RotateCcw } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { TraceSummary } from '../../../../../shared/contract';
import type { RerunBatch } from '../../../../../shared/contract/trace-actions';
import { Button } from '../../../components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from '../../../components/ui/dialog';
import { useChannelMutation } from '../../../query/channel-query';
import { useQueryTransport } from '../../../query/query-transport';
import { RerunComparisonView } from './rerun-comparison';

/**
 * "Rerun all LLM spans" of a trace as recorded (a single span's dialog changes model or
 * prompt); progress while it runs, then each pair and what could not be rerun.
 */
export function TraceRerunDialog({
  trace,
  open,
  onOpenChange,
}: {
  trace: TraceSummary;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const transport = useQueryTransport();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [batch, setBatch] = useState<RerunBatch | null>(null);
  const rerun = useChannelMutation('traces.rerun', { invalidates: ['spans', 'traces'] });
  useEffect(
    () =>
      transport.subscribe('reruns.progress', (payload) => {
        if (payload.of === trace.id) setProgress({ done: payload.done, total: payload.total });
      }),
    [transport, trace.id],
  );
  const start = async () => {
    setProgress(null);
    setBatch(await rerun.mutateAsync({ traceId: trace.id }).catch(() => null));
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="trace-rerun-dialog"
        className="max-h-[90vh] max-w-3xl overflow-y-auto"
      >
        <DialogTitle>Rerun the LLM calls of {trace.name}</DialogTitle>
        <DialogDescription>
          Each of the trace&apos;s {trace.llmCount} LLM calls again, never from the cache, into a
          new trace linked call by call to this one.
        </DialogDescription>
        <div className="flex items-center gap-3">
          <Button
            onClick={() => void start()}
            disabled={rerun.isPending}
            data-testid="trace-rerun-start"
          >
            {rerun.isPending ? <LoaderCircle className="animate-spin" /> : <RotateCcw />}
            Rerun all
          </Button>
          {rerun.isPending && progress ? (
            <span className="text-xs text-muted-foreground" data-testid="trace-rerun-progress">
              {progress.done} of {progress.total}
            </span>
          ) : null}
          {batch ? (
            <a className="text-xs underline" href={`#/traces/${encodeURIComponent(batch.traceId)}`}>
              Open the rerun trace
            </a>
          ) : null}
        </div>
        {batch?.failures.map((f) => (
          <p key={f.spanId} className="text-xs text-destructive" data-testid="trace-rerun-failure">
            {f.spanId}: {f.message}
          </p>
        ))}
        {batch?.pairs.map((pair) => (
          <RerunComparisonView key={pair.rerun.id} {...pair} />
        ))}
      </DialogContent>
    </Dialog>
  );
}
