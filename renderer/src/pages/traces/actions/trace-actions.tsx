import { ClipboardPlus, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import type { TraceSummary } from '../../../../../shared/contract';
import { Button } from '../../../components/ui/button';
import { useChannelQuery } from '../../../query/channel-query';
import { StealSheet } from './steal-sheet';
import { TraceRerunDialog } from './trace-rerun-dialog';

/** The trace's first LLM span (its root when that is one): what "Steal as eval" takes. */
function useFirstLlmSpan(traceId: string, wanted: boolean) {
  const detail = useChannelQuery('traces.get', wanted ? { id: traceId } : null);
  return detail.data?.trace.id === traceId
    ? (detail.data.spans.find((s) => s.kind === 'llm') ?? null)
    : null;
}

/** A trace's actions in its header: rerun all its LLM spans, steal its first LLM call. */
export function TraceActions({ trace }: { trace: TraceSummary }) {
  const [rerunning, setRerunning] = useState(false);
  const [stealing, setStealing] = useState(false);
  const first = useFirstLlmSpan(trace.id, trace.llmCount > 0);
  if (trace.llmCount === 0) return <div data-testid="trace-actions" />;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="trace-actions">
      <Button
        size="sm"
        variant="outline"
        onClick={() => setRerunning(true)}
        data-testid="trace-rerun"
      >
        <RotateCcw />
        Rerun all LLM spans
      </Button>
      <Button
        size="sm"
        variant="outline"
        disabled={!first}
        onClick={() => setStealing(true)}
        data-testid="trace-steal"
      >
        <ClipboardPlus />
        Steal as eval
      </Button>
      {rerunning ? <TraceRerunDialog trace={trace} open onOpenChange={setRerunning} /> : null}
      {stealing && first ? (
        <StealSheet source={{ kind: 'span', spanId: first.id }} open onOpenChange={setStealing} />
      ) : null}
    </div>
  );
}
