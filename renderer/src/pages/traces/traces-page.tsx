import { useLocation } from 'wouter';
import { PageHeader } from '../page-header';
import { TraceDetail } from './trace-detail';
import { tracesViewOf } from './trace-route';
import { TracesList } from './traces-list';

const DESCRIPTION =
  'Every LLM call of Assay and of your apps (gateway, OpenTelemetry, API), with its cost: filter, search, and open a trace to see its spans.';

/** The Traces page: the list (`#/traces?…`) or one trace (`#/traces/<id>?span=…`). */
export function TracesPage() {
  const [location] = useLocation();
  const view = tracesViewOf(location);
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="page-traces">
      <PageHeader title="Traces" description={DESCRIPTION} />
      {view.kind === 'trace' ? (
        <TraceDetail key={view.traceId} traceId={view.traceId} spanId={view.spanId} />
      ) : (
        <TracesList view={view.list} />
      )}
    </div>
  );
}
