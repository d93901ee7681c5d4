import { Badge } from '../../components/ui/badge';
import type { Rendered } from './use-render-preview';

/** The messages (or text) a render produced, and which component versions it used. */
export function RenderedOutput({ rendered }: { rendered: Rendered }) {
  return (
    <div className="flex flex-col gap-2" data-testid="preview-output">
      <p className="text-[11px] text-muted-foreground">
        {`Rendered ${rendered.promptVersion}`}
        {rendered.components.length > 0
          ? ` · components ${rendered.components.map((c) => `${c.prompt}@${c.version}`).join(', ')}`
          : ''}
      </p>
      {rendered.messages.length > 0 ? (
        <ol className="flex flex-col gap-2">
          {rendered.messages.map((message, index) => (
            <li
              key={index}
              className="flex flex-col gap-1 rounded-md border bg-card px-3 py-2"
              data-testid={`rendered-message-${index}`}
            >
              <Badge variant="outline">{message.role}</Badge>
              <pre className="font-mono text-xs leading-relaxed whitespace-pre-wrap">
                {message.content}
              </pre>
            </li>
          ))}
        </ol>
      ) : (
        <pre className="rounded-md border bg-card px-3 py-2 font-mono text-xs whitespace-pre-wrap">
          {rendered.text ?? ''}
        </pre>
      )}
    </div>
  );
}
