import type { SpanView } from '../../../../../shared/contract';
import type { RerunComparison } from '../../../../../shared/contract/trace-actions';
import { fmtMs, fmtUsd } from '../../../lib/format';
import { WordDiff } from '../../evals/word-diff';
import { RerunDeltas } from './deltas';

function Column({ title, span, text }: { title: string; span: SpanView; text: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium">{title}</span>
        <span className="truncate font-mono text-muted-foreground">
          {span.provider}:{span.model} · {fmtUsd(span.costUsd)} · {fmtMs(span.latencyMs)}
        </span>
      </div>
      <pre className="max-h-64 overflow-auto rounded-md border px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words">
        {span.status === 'error' ? (span.errorMessage ?? 'failed') : text || '(no text)'}
      </pre>
    </div>
  );
}

/** A rerun next to its original: both answers, the word diff between them, and the deltas. */
export function RerunComparisonView({
  original,
  rerun,
  comparison,
}: {
  original: SpanView;
  rerun: SpanView;
  comparison: RerunComparison;
}) {
  return (
    <div className="flex flex-col gap-2" data-testid="rerun-comparison" data-rerun-id={rerun.id}>
      <RerunDeltas comparison={comparison} />
      <div className="grid grid-cols-2 gap-2">
        <Column title="Original" span={original} text={comparison.originalText} />
        <Column title="Rerun" span={rerun} text={comparison.rerunText} />
      </div>
      {comparison.sameText ? null : (
        <WordDiff before={comparison.originalText} after={comparison.rerunText} />
      )}
    </div>
  );
}
