import { isRecord } from '../../lib/is-record';
import { DetailBlock, PRE_BLOCK } from '../ui/detail-block';

/** What a chat request and response look like inside a span; anything else is shown as JSON. */
interface SpanMessage {
  readonly role: string;
  readonly content: string;
  readonly toolCalls?: readonly { name: string; arguments: string }[];
}

function messagesOf(request: unknown): SpanMessage[] | null {
  if (!isRecord(request) || !Array.isArray(request.messages)) return null;
  const out: SpanMessage[] = [];
  for (const m of request.messages as unknown[]) {
    if (!isRecord(m) || typeof m.role !== 'string' || typeof m.content !== 'string') return null;
    out.push(m as unknown as SpanMessage);
  }
  return out;
}

/** Request parameters other than the messages (temperature, max tokens, response format…). */
function parametersOf(request: unknown): [string, string][] {
  if (!isRecord(request)) return [];
  return Object.entries(request)
    .filter(([key]) => !['messages', 'provider', 'model'].includes(key))
    .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
}

/** The request's messages and parameters, then the answer's text and tool calls. */
export function SpanCall({ request, response }: { request: unknown; response: unknown }) {
  const messages = messagesOf(request);
  const parameters = parametersOf(request);
  const answer = isRecord(response) ? response : null;
  const toolCalls = Array.isArray(answer?.toolCalls)
    ? (answer.toolCalls as { name?: unknown; arguments?: unknown }[])
    : [];
  return (
    <div className="flex flex-col gap-4">
      <DetailBlock title="Request">
        {messages ? (
          messages.map((m, i) => (
            <div key={i} className="flex flex-col gap-0.5" data-testid={`span-message-${i}`}>
              <span className="text-[11px] font-medium">{m.role}</span>
              <pre className={PRE_BLOCK}>{m.content}</pre>
            </div>
          ))
        ) : (
          <pre className={PRE_BLOCK}>{JSON.stringify(request, null, 2)}</pre>
        )}
        {parameters.length > 0 ? (
          <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs" data-testid="span-parameters">
            {parameters.map(([key, value]) => (
              <div key={key} className="flex gap-1">
                <dt className="text-muted-foreground">{key}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </DetailBlock>
      {answer ? (
        <DetailBlock title="Response">
          <pre className={PRE_BLOCK} data-testid="span-response-text">
            {typeof answer.text === 'string' && answer.text !== '' ? answer.text : '(no text)'}
          </pre>
          {toolCalls.map((call, i) => (
            <pre
              key={i}
              className={PRE_BLOCK}
            >{`${String(call.name)}(${String(call.arguments)})`}</pre>
          ))}
          {typeof answer.finishReason === 'string' ? (
            <span className="text-xs text-muted-foreground">{`finish: ${answer.finishReason}`}</span>
          ) : null}
        </DetailBlock>
      ) : null}
    </div>
  );
}
