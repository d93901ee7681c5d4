import { PRE_BLOCK } from '../../components/ui/detail-block';
import { cn } from '../../lib/utils';
import { chatMessages, toJson } from './payload-text';

/** A chat bubble: the user's turns on the right, everything else on the left. */
export function Bubble({
  role,
  children,
  testId,
}: {
  role: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const mine = role === 'user';
  return (
    <div className={cn('flex', mine ? 'justify-end' : 'justify-start')} data-testid={testId}>
      <div
        className={cn(
          'max-w-[80%] rounded-lg px-3 py-2 text-sm whitespace-pre-wrap break-words',
          mine ? 'bg-primary text-primary-foreground' : 'bg-muted',
        )}
      >
        <div className="mb-0.5 text-[10px] uppercase opacity-70">{role}</div>
        {children}
      </div>
    </div>
  );
}

/** An interaction's input or output in full: chat messages as bubbles, text as text, else JSON. */
export function PayloadView({ value, testId }: { value: unknown; testId: string }) {
  const messages = chatMessages(value);
  if (messages)
    return (
      <div className="flex flex-col gap-2" data-testid={testId} data-shape="chat">
        {messages.map((m, i) => (
          <Bubble key={i} role={m.role}>
            {m.content}
          </Bubble>
        ))}
      </div>
    );
  return (
    <pre
      className={PRE_BLOCK}
      data-testid={testId}
      data-shape={typeof value === 'string' ? 'text' : 'json'}
    >
      {typeof value === 'string' ? value : toJson(value)}
    </pre>
  );
}
