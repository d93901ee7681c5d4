import type { PromptContent, PromptMessage } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';

function refText(message: Extract<PromptMessage, { ref: unknown }>): string {
  const { prompt, version, label } = message.ref;
  return `${prompt}@${version ?? label ?? 'production, else latest'}`;
}

function MessageView({ message, index }: { message: PromptMessage; index: number }) {
  if ('placeholder' in message)
    return (
      <li className="font-mono text-xs text-muted-foreground">{`{{placeholder: ${message.placeholder}}}`}</li>
    );
  return (
    <li className="flex flex-col gap-1" data-testid={`readonly-message-${index}`}>
      <span className="flex items-center gap-1.5">
        <Badge variant="outline">{message.role}</Badge>
        {'ref' in message ? (
          <span className="font-mono text-[11px] text-muted-foreground">→ {refText(message)}</span>
        ) : null}
      </span>
      {'content' in message ? (
        <pre className="font-mono text-xs whitespace-pre-wrap">{message.content}</pre>
      ) : null}
    </li>
  );
}

/** A saved version's content, read-only. */
export function ReadonlyContent({ content }: { content: PromptContent }) {
  return (
    <div className="flex flex-col gap-2 rounded-md border bg-muted/30 px-3 py-2">
      {content.text !== undefined ? (
        <pre className="font-mono text-xs whitespace-pre-wrap">{content.text}</pre>
      ) : null}
      {content.messages ? (
        <ol className="flex flex-col gap-2">
          {content.messages.map((message, index) => (
            <MessageView key={index} message={message} index={index} />
          ))}
        </ol>
      ) : null}
      {content.variables && content.variables.length > 0 ? (
        <p className="text-[11px] text-muted-foreground">
          Variables:{' '}
          {content.variables
            .map((v) => (v.default !== undefined ? `${v.name} = "${v.default}"` : v.name))
            .join(', ')}
        </p>
      ) : null}
      {content.config ? (
        <pre className="font-mono text-[11px] whitespace-pre-wrap text-muted-foreground">
          {JSON.stringify(content.config, null, 2)}
        </pre>
      ) : null}
    </div>
  );
}
