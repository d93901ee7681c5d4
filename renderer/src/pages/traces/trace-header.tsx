import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import type { TraceSummary } from '../../../../shared/contract/traces';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { TraceActions } from './actions/trace-actions';
import { PromptVersionLink } from '../../components/span/prompt-version-link';
import { fmtCount, fmtMs, fmtTime, fmtTraceCost } from './trace-format';
import { listHref, type TraceListView } from './trace-route';

/** "Traces like this": the list filtered by one of this trace's values. */
function FilterLink({ filter, testId }: { filter: Partial<TraceListView>; testId: string }) {
  return (
    <a
      href={`#${listHref(filter)}`}
      className="ml-1 text-[11px] text-muted-foreground hover:text-foreground hover:underline"
      data-testid={testId}
      title="Show the traces with this value"
    >
      all
    </a>
  );
}

function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="flex min-w-0 flex-col">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className="truncate font-mono text-xs" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

/** A trace's name, status and totals, and where it belongs (session, user, tags, prompt). */
export function TraceHeader({ trace, onBack }: { trace: TraceSummary; onBack: () => void }) {
  return (
    <div className="flex flex-col gap-3 border-b pb-3" data-testid="trace-header">
      <div className="flex items-center gap-2">
        <Button variant="ghost" size="sm" data-testid="trace-back" onClick={onBack}>
          <ArrowLeft />
          Traces
        </Button>
        <h2 className="truncate text-base font-semibold" data-testid="trace-name">
          {trace.name}
        </h2>
        <Badge
          variant={trace.status === 'ok' ? 'success' : 'destructive'}
          data-testid="trace-status"
        >
          {trace.status === 'error'
            ? `${trace.errorCount} error${trace.errorCount === 1 ? '' : 's'}`
            : 'ok'}
        </Badge>
        <Badge variant="outline">{trace.source}</Badge>
        <div className="ml-auto">
          <TraceActions trace={trace} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
        <Fact label="started">
          <span title={trace.startedAt}>{fmtTime(trace.startedAt)}</span>
        </Fact>
        <Fact label="total cost" testId="trace-cost">
          <span
            title={
              trace.unpricedCount > 0
                ? `${trace.unpricedCount} LLM span(s) without a price: a lower bound`
                : undefined
            }
          >
            {fmtTraceCost(trace.costUsd, trace.unpricedCount)}
          </span>
        </Fact>
        <Fact label="tokens in / out" testId="trace-tokens">
          {`${fmtCount(trace.inputTokens)} / ${fmtCount(trace.outputTokens)}`}
        </Fact>
        <Fact label="latency" testId="trace-latency">
          {fmtMs(trace.latencyMs)}
        </Fact>
        <Fact label="spans">{`${trace.spanCount} (${trace.llmCount} LLM)`}</Fact>
        <Fact label="session">
          {trace.sessionId ? (
            <a
              className="text-primary hover:underline"
              href={`#/interactions/sessions/${encodeURIComponent(trace.sessionId)}`}
              data-testid="trace-session"
            >
              {trace.sessionId}
            </a>
          ) : null}
          {trace.sessionId ? (
            <FilterLink filter={{ session: trace.sessionId }} testId="trace-session-filter" />
          ) : (
            '-'
          )}
        </Fact>
        <Fact label="user">
          {trace.userId ? (
            <>
              <span data-testid="trace-user">{trace.userId}</span>
              <FilterLink filter={{ user: trace.userId }} testId="trace-user-filter" />
            </>
          ) : (
            '-'
          )}
        </Fact>
        <Fact label="prompt version">
          {trace.promptVersionId ? (
            <>
              <PromptVersionLink versionId={trace.promptVersionId} testId="trace-prompt" />
              <FilterLink filter={{ prompt: trace.promptVersionId }} testId="trace-prompt-filter" />
            </>
          ) : (
            '-'
          )}
        </Fact>
      </div>
      {trace.tags.length > 0 ? (
        <div className="flex flex-wrap gap-1" data-testid="trace-tags">
          {trace.tags.map((tag) => (
            <Badge key={tag} variant="outline">
              {tag}
            </Badge>
          ))}
        </div>
      ) : null}
    </div>
  );
}
