import { Copy, LoaderCircle } from 'lucide-react';
import type { SpanView } from '../../../../shared/contract';
import { copyText } from '../../lib/copy-text';
import { fmtCount, fmtMs, fmtUsd } from '../../lib/format';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../ui/dialog';
import { SaveAsCase } from './save-as-case';
import { SpanCall } from './span-call';
import { useSpan } from './use-span';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-col">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className="font-mono text-xs" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function SpanFacts({ span }: { span: SpanView }) {
  const { usage } = span;
  const tokens = [
    `${fmtCount(usage.inputTokens)} in`,
    `${fmtCount(usage.outputTokens)} out`,
    ...(usage.cacheReadTokens ? [`${fmtCount(usage.cacheReadTokens)} cache read`] : []),
    ...(usage.cacheWriteTokens ? [`${fmtCount(usage.cacheWriteTokens)} cache write`] : []),
    ...(usage.reasoningTokens ? [`${fmtCount(usage.reasoningTokens)} reasoning`] : []),
  ].join(' · ');
  return (
    <div className="grid grid-cols-3 gap-3 rounded-md border p-3 sm:grid-cols-6">
      <div className="col-span-3">
        <Fact label="tokens" value={tokens} testId="span-tokens" />
      </div>
      <Fact label="cost" value={fmtUsd(span.costUsd)} testId="span-cost" />
      <Fact label="latency" value={fmtMs(span.latencyMs)} testId="span-latency" />
      <Fact label="first token" value={fmtMs(span.ttftMs)} />
      <Fact label="attempts" value={String(span.attempts)} testId="span-attempts" />
      <Fact label="cache" value={span.cacheHit ? 'hit' : 'miss'} />
      <Fact label="started" value={new Date(span.startedAt).toLocaleString()} />
      {span.providerRequestId ? (
        <div className="col-span-3">
          <Fact label="provider request id" value={span.providerRequestId} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * One traced call, opened from wherever a span id is shown (an eval result, a playground
 * column): what was sent, what came back, and what it cost. Secrets were cut out when stored.
 */
export function SpanDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { span, error } = useSpan(id);
  return (
    <Dialog open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        data-testid="span-dialog"
        className="flex max-h-[85vh] max-w-3xl flex-col gap-3 overflow-y-auto"
      >
        <DialogTitle className="flex items-center gap-2 pr-6">
          <span className="truncate">{span?.name ?? 'Span'}</span>
          {span ? (
            <Badge
              variant={span.status === 'ok' ? 'success' : 'destructive'}
              data-testid="span-status"
            >
              {span.status}
            </Badge>
          ) : null}
        </DialogTitle>
        <DialogDescription className="flex flex-wrap items-center gap-x-2 font-mono text-xs">
          {span ? (
            <span data-testid="span-model">{`${span.provider ?? '-'}:${span.model ?? '-'} · ${span.kind}`}</span>
          ) : null}
          {id ? (
            <Button
              variant="ghost"
              size="xs"
              aria-label="Copy the span id"
              onClick={() => copyText(id, 'Span id')}
            >
              <Copy />
              {id}
            </Button>
          ) : null}
        </DialogDescription>
        {error ? (
          <p className="text-sm text-destructive" role="alert">
            {error.toString()}
          </p>
        ) : !span ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Loading the span…
          </p>
        ) : (
          <>
            <SpanFacts span={span} />
            {span.status === 'error' ? (
              <p
                className="rounded-md border border-destructive/40 p-2 text-xs text-destructive"
                data-testid="span-error"
              >
                {`${span.errorClass ?? 'error'}: ${span.errorMessage ?? ''}`}
              </p>
            ) : null}
            <SpanCall request={span.request} response={span.response} />
            <div className="flex justify-end text-xs">
              <SaveAsCase testKey="span" spanId={span.id} />
            </div>
            <details className="text-xs" data-testid="span-raw">
              <summary className="cursor-pointer text-muted-foreground">Raw JSON</summary>
              <pre className="mt-1 max-h-80 overflow-auto rounded-md border bg-muted/40 p-2 font-mono">
                {JSON.stringify({ request: span.request, response: span.response }, null, 2)}
              </pre>
            </details>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
