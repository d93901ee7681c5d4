import { PromptVersionLink } from '../../components/span/prompt-version-link';
import { LoaderCircle, X } from 'lucide-react';
import type { InteractionView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { DetailBlock, PRE_BLOCK } from '../../components/ui/detail-block';
import { fmtCount, fmtMs, fmtUsd } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { FeedbackChips } from './feedback-chips';
import { FeedbackForm } from './feedback-form';
import { interactionsHref } from './interactions-route';
import { fmtTime } from './interactions-table';
import { toJson } from './payload-text';
import { PayloadView } from './payload-view';

/** The trace an interaction links to: its spans with model, tokens, cost and latency. */
function LinkedTrace({ traceId }: { traceId: string }) {
  const trace = useChannelQuery('traces.get', { id: traceId }, { retry: false });
  if (trace.error)
    return <p className="text-xs text-muted-foreground">Trace {traceId} is not stored (yet).</p>;
  if (!trace.data) return <LoaderCircle className="size-4 animate-spin" />;
  const { trace: t, spans } = trace.data;
  return (
    <div className="flex flex-col gap-1 text-xs" data-testid="detail-trace">
      <a
        href={`#${interactionsHref.trace(traceId)}`}
        className="font-medium hover:underline"
        data-testid="detail-trace-link"
      >
        {t.name} · {fmtUsd(t.costUsd)} · {fmtMs(t.latencyMs)}
      </a>
      <ul className="flex flex-col gap-0.5">
        {spans.map((span) => (
          <li key={span.id} className="flex gap-2" data-testid="detail-span">
            <Badge variant="outline">{span.kind}</Badge>
            <span>{span.name}</span>
            <span className="text-muted-foreground">
              {span.model ?? ''} {fmtCount(span.usage.inputTokens)}→
              {fmtCount(span.usage.outputTokens)} tok · {fmtUsd(span.costUsd)} ·{' '}
              {fmtMs(span.latencyMs)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Meta({ item }: { item: InteractionView }) {
  const rows: [string, React.ReactNode][] = [
    ['Type', item.type],
    ['Created', fmtTime(item.createdAt)],
    ['User', item.userId ?? '-'],
    [
      'Session',
      item.sessionId ? (
        <a href={`#${interactionsHref.session(item.sessionId)}`} className="hover:underline">
          {item.sessionId}
        </a>
      ) : (
        '-'
      ),
    ],
    [
      'Prompt version',
      item.promptVersionId ? (
        <PromptVersionLink versionId={item.promptVersionId} testId="detail-prompt-version" />
      ) : (
        '-'
      ),
    ],
    ['Tags', item.tags.length > 0 ? item.tags.join(', ') : '-'],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One interaction in full beside the list: input, output, metadata, trace, feedback. */
export function InteractionDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const query = useChannelQuery('interactions.get', { id }, { retry: false });
  const item = query.data?.id === id ? query.data : undefined;
  return (
    <aside
      className="flex w-[28rem] shrink-0 flex-col gap-4 overflow-auto border-l px-5 py-4"
      data-testid="interaction-detail"
      data-id={id}
    >
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Interaction</h2>
        <Button variant="ghost" size="xs" aria-label="Close" onClick={onClose}>
          <X />
        </Button>
      </div>
      {query.error ? (
        <p className="text-sm text-destructive">{query.error.toString()}</p>
      ) : !item ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : (
        <>
          <Meta item={item} />
          <DetailBlock title="Input">
            <PayloadView value={item.input} testId="detail-input" />
          </DetailBlock>
          <DetailBlock title="Output">
            {item.output === null ? (
              <span className="text-xs text-muted-foreground">none</span>
            ) : (
              <PayloadView value={item.output} testId="detail-output" />
            )}
          </DetailBlock>
          {item.metadata ? (
            <DetailBlock title="Metadata">
              <pre className={PRE_BLOCK}>{toJson(item.metadata)}</pre>
            </DetailBlock>
          ) : null}
          {item.traceId ? (
            <DetailBlock title="Trace">
              <LinkedTrace traceId={item.traceId} />
            </DetailBlock>
          ) : null}
          <DetailBlock title={`Feedback (${item.feedback.length})`}>
            <ul className="flex flex-col gap-1" data-testid="detail-feedback">
              {item.feedback.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-2 text-xs">
                  <FeedbackChips feedback={f} full />
                  <span className="text-muted-foreground">
                    {f.userId ? `${f.userId} · ` : ''}
                    {fmtTime(f.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          </DetailBlock>
          <DetailBlock title="Add feedback">
            <FeedbackForm key={id} interactionId={id} />
          </DetailBlock>
        </>
      )}
    </aside>
  );
}
