import { Copy, ScrollText } from 'lucide-react';
import { useState } from 'react';
import type { ResultView } from '../../../../shared/contract';
import { SpanDialog } from '../../components/span/span-dialog';
import { Button } from '../../components/ui/button';
import { DetailBlock, PRE_BLOCK } from '../../components/ui/detail-block';
import { copyText } from '../../lib/copy-text';
import { fmtCount, fmtMs, fmtUsd } from './format';
import { MatcherReasons } from './result-matchers';
import { SimilarFailures } from './similar-failures';

const show = (value: unknown) =>
  value === null || value === undefined
    ? '(none)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2);

/** An expanded result: vars, full output, expected, every matcher's reason and the span. */
export function ResultDetails({ result }: { result: ResultView }) {
  const id = `${result.position}-${result.repeatIndex}`;
  const [openSpan, setOpenSpan] = useState<string | null>(null);
  return (
    <div
      className="grid grid-cols-2 gap-3 border-t bg-muted/20 px-3 py-3"
      data-testid={`result-details-${id}`}
      onClick={(e) => e.stopPropagation()}
    >
      <DetailBlock title="Input vars">
        <pre className={PRE_BLOCK}>{JSON.stringify(result.vars, null, 2)}</pre>
      </DetailBlock>
      <DetailBlock title="Expected">
        <pre className={PRE_BLOCK} data-testid="result-expected">
          {show(result.expected)}
        </pre>
      </DetailBlock>
      <DetailBlock title="Output">
        <pre className={PRE_BLOCK} data-testid="result-output">
          {result.error ? `${result.error.code}: ${result.error.message}` : show(result.output)}
        </pre>
      </DetailBlock>
      <DetailBlock title="Matchers">
        <MatcherReasons matchers={result.matchers} />
      </DetailBlock>
      <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <span>{`tokens ${fmtCount(result.inputTokens)} in / ${fmtCount(result.outputTokens)} out`}</span>
        <span>{`cost ${fmtUsd(result.costUsd)}`}</span>
        {result.judgeCostUsd > 0 ? <span>{`judge ${fmtUsd(result.judgeCostUsd)}`}</span> : null}
        <span>{`latency ${fmtMs(result.latencyMs)}`}</span>
        {result.cached ? <span>cached</span> : null}
        {result.spanId ? (
          <span className="flex items-center gap-1">
            span{' '}
            <code className="font-mono text-foreground" data-testid="result-span-id">
              {result.spanId}
            </code>
            <Button
              variant="ghost"
              size="xs"
              aria-label="Copy the span id"
              data-testid={`copy-span-${id}`}
              onClick={() => copyText(result.spanId ?? '', 'Span id')}
            >
              <Copy />
            </Button>
            <Button
              variant="outline"
              size="xs"
              data-testid={`open-span-${id}`}
              onClick={() => setOpenSpan(result.spanId)}
            >
              <ScrollText />
              Open span
            </Button>
          </span>
        ) : null}
        <SpanDialog id={openSpan} onClose={() => setOpenSpan(null)} />
      </div>
      {result.status === 'fail' || result.status === 'error' ? (
        <SimilarFailures resultId={result.id} />
      ) : null}
    </div>
  );
}
