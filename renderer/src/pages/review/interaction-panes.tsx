import type { ReviewItemDetail } from '../../../../shared/contract';
import { PayloadView } from '../interactions/payload-view';
import { chatMessages, toJson } from '../interactions/payload-text';

function Pane({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <section className="flex min-h-0 flex-col gap-1.5">
      <h2 className="text-[11px] font-medium tracking-wide text-muted-foreground uppercase">
        {title}
      </h2>
      {/* Long inputs and outputs scroll inside their pane; the score stays in view beside them. */}
      <div className="max-h-[38vh] overflow-auto rounded-md border bg-muted/20 px-3 py-2">
        {value === null || value === undefined ? (
          <p className="text-sm text-muted-foreground">(none)</p>
        ) : chatMessages(value) ? (
          <PayloadView value={value} testId={testId} />
        ) : (
          // Text at reading size and full height: the pane scrolls, not a box inside it.
          <pre className="font-sans text-sm whitespace-pre-wrap break-words" data-testid={testId}>
            {typeof value === 'string' ? value : toJson(value)}
          </pre>
        )}
      </div>
    </section>
  );
}

/** What the reviewer judges: the interaction's input and output, each readable in full. */
export function InteractionPanes({
  interaction,
}: {
  interaction: ReviewItemDetail['interaction'];
}) {
  if (!interaction)
    return (
      <p className="rounded-md border border-dashed p-4 text-sm" data-testid="review-purged">
        This interaction no longer exists (trace retention removed it). Skip the item with S.
      </p>
    );
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Pane title="Input" value={interaction.input} testId="review-input" />
      <Pane title="Output" value={interaction.output} testId="review-output" />
    </div>
  );
}
