import type { ReactNode } from 'react';
import type { SpanView, TraceSummary } from '../../../../shared/contract/traces';
import { SpanCall } from '../../components/span/span-call';
import { Badge } from '../../components/ui/badge';
import { DetailBlock, PRE_BLOCK } from '../../components/ui/detail-block';
import { isRecord } from '../../lib/is-record';
import { SpanActions } from './actions/span-actions';
import { PromptVersionLink } from '../../components/span/prompt-version-link';
import { fmtCount, fmtMs, fmtUsd } from './trace-format';

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col">
      <span className="text-[11px] text-muted-foreground">{label}</span>
      <span className="truncate font-mono text-xs" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** JSON for reading: pretty, and never a crash on what JSON.stringify refuses. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A non-LLM span's `{ input }` / `{ output }`, shown as text when it is text. */
function ValueBlock({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <DetailBlock title={title}>
      <pre className={PRE_BLOCK} data-testid={testId}>
        {typeof value === 'string' ? value : jsonText(value)}
      </pre>
    </DetailBlock>
  );
}

const isLlmRequest = (request: unknown) => isRecord(request) && Array.isArray(request.messages);

/**
 * One span: what kind of work it was, its outcome, the request and answer as read by a person,
 * tokens, cost and timing, and its raw attributes. The actions slot (rerun, steal as eval) sits
 * in its header.
 */
export function SpanPanel({ span, trace }: { span: SpanView; trace: TraceSummary }) {
  const { usage } = span;
  const llm = isLlmRequest(span.request);
  return (
    <section
      className="flex min-w-0 flex-col gap-3"
      data-testid="span-panel"
      aria-label={`Span ${span.name}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="truncate text-sm font-semibold" data-testid="span-panel-name">
          {span.name}
        </h3>
        <Badge variant="outline" data-testid="span-panel-kind">
          {span.kind}
        </Badge>
        <Badge
          variant={span.status === 'ok' ? 'success' : 'destructive'}
          data-testid="span-panel-status"
        >
          {span.status}
        </Badge>
        {span.rerunOf ? (
          <Badge variant="secondary" title={`A rerun of span ${span.rerunOf}`}>
            rerun
          </Badge>
        ) : null}
        <div className="ml-auto">
          <SpanActions span={span} trace={trace} />
        </div>
      </div>
      {span.status === 'error' ? (
        <p
          className="rounded-md border border-destructive/40 p-2 text-xs text-destructive"
          data-testid="span-panel-error"
        >
          {`${span.errorClass ?? 'error'}: ${span.errorMessage ?? ''}`}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3 rounded-md border p-3 md:grid-cols-4">
        <Fact
          label="model"
          value={`${span.provider ?? '-'}:${span.model ?? '-'}`}
          testId="span-panel-model"
        />
        <Fact label="cost" value={fmtUsd(span.costUsd)} testId="span-panel-cost" />
        <Fact label="latency" value={fmtMs(span.latencyMs)} testId="span-panel-latency" />
        <Fact label="first token" value={fmtMs(span.ttftMs)} />
        <Fact
          label="input tokens"
          value={fmtCount(usage.inputTokens)}
          testId="span-panel-input-tokens"
        />
        <Fact
          label="output tokens"
          value={fmtCount(usage.outputTokens)}
          testId="span-panel-output-tokens"
        />
        <Fact
          label="cache read / write"
          value={`${fmtCount(usage.cacheReadTokens)} / ${fmtCount(usage.cacheWriteTokens)}`}
        />
        <Fact label="reasoning tokens" value={fmtCount(usage.reasoningTokens)} />
        <Fact label="attempts" value={String(span.attempts)} />
        <Fact label="cache" value={span.cacheHit ? 'hit' : 'miss'} />
        <Fact label="source" value={span.source} />
        <Fact
          label="prompt version"
          value={
            span.promptVersionId ? (
              <PromptVersionLink versionId={span.promptVersionId} testId="span-panel-prompt" />
            ) : (
              '-'
            )
          }
        />
      </div>
      {llm ? (
        <SpanCall request={span.request} response={span.response} />
      ) : (
        <>
          <ValueBlock
            title="Input"
            value={
              isRecord(span.request) && 'input' in span.request ? span.request.input : span.request
            }
            testId="span-panel-input"
          />
          {span.response !== null ? (
            <ValueBlock
              title="Output"
              value={
                isRecord(span.response) && 'output' in span.response
                  ? span.response.output
                  : span.response
              }
              testId="span-panel-output"
            />
          ) : null}
        </>
      )}
      <details className="text-xs" data-testid="span-panel-attributes">
        <summary className="cursor-pointer text-muted-foreground">
          {`Attributes${span.attributes ? ` (${Object.keys(span.attributes).length})` : ''}`}
        </summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded-md border bg-muted/40 p-2 font-mono">
          {jsonText(span.attributes ?? {})}
        </pre>
      </details>
      <details className="text-xs" data-testid="span-panel-raw">
        <summary className="cursor-pointer text-muted-foreground">Raw request and response</summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded-md border bg-muted/40 p-2 font-mono">
          {jsonText({ request: span.request, response: span.response })}
        </pre>
      </details>
      <p className="font-mono text-[11px] text-muted-foreground">{`span ${span.id}${span.parentId ? ` · parent ${span.parentId}` : ''}`}</p>
    </section>
  );
}
