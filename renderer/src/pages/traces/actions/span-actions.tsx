import type { SpanView, TraceSummary } from '../../../../../shared/contract/traces';

/** Slot for a span's actions (rerun, steal as eval): filled by the trace-actions work. */
export function SpanActions(_props: { span: SpanView; trace: TraceSummary }) {
  return null;
}
