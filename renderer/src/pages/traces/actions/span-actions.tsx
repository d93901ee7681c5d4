import { ClipboardPlus, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import type { SpanView, TraceSummary } from '../../../../../shared/contract';
import { Button } from '../../../components/ui/button';
import { RerunDialog } from './rerun-dialog';
import { StealSheet } from './steal-sheet';

/**
 * A span's actions in its detail panel: rerun it (LLM spans only) and steal it as an eval case.
 * `trace` is the span's trace, for the pages that show it.
 */
export function SpanActions({ span }: { span: SpanView; trace: TraceSummary }) {
  const [rerunning, setRerunning] = useState(false);
  const [stealing, setStealing] = useState(false);
  if (span.kind !== 'llm') return <div data-testid="span-actions" />;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="span-actions">
      <Button
        size="sm"
        variant="outline"
        onClick={() => setRerunning(true)}
        data-testid="span-rerun"
      >
        <RotateCcw />
        Rerun
      </Button>
      <Button
        size="sm"
        variant="outline"
        onClick={() => setStealing(true)}
        data-testid="span-steal"
      >
        <ClipboardPlus />
        Steal as eval
      </Button>
      {rerunning ? <RerunDialog span={span} open onOpenChange={setRerunning} /> : null}
      {stealing ? (
        <StealSheet source={{ kind: 'span', spanId: span.id }} open onOpenChange={setStealing} />
      ) : null}
    </div>
  );
}
