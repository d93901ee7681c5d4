import type { TraceSummary } from '../../../../../shared/contract/traces';

/** Slot for a whole trace's actions in its header: filled by the trace-actions work. */
export function TraceActions(_props: { trace: TraceSummary }) {
  return null;
}
