import type { ReactNode } from 'react';

interface WorkAreaProps {
  /** The prompt source bar, when the messages can be changed. */
  header?: ReactNode;
  messages: ReactNode;
  variables: ReactNode;
  footer?: ReactNode;
}

/** Messages beside the variables when there is room, stacked otherwise. */
export function WorkArea({ header, messages, variables, footer }: WorkAreaProps) {
  return (
    <div className="@container">
      <div className="grid gap-3 @3xl:grid-cols-[minmax(0,1fr)_16rem]">
        <section
          className="flex min-w-0 flex-col gap-2.5 rounded-lg border bg-card p-3"
          data-testid="playground-prompt"
        >
          {header}
          {messages}
          {footer}
        </section>
        <div className="min-w-0 rounded-lg border bg-card p-3">{variables}</div>
      </div>
    </div>
  );
}
