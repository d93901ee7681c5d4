import { keyLegend, type ScoreChoice } from './review-keys';

/** A key as the screen shows it. */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="inline-flex h-5 min-w-5 items-center justify-center rounded border bg-muted px-1 font-mono text-[11px] text-muted-foreground">
      {children}
    </kbd>
  );
}

/** Every key the review screen answers to, always on screen. */
export function KeyLegend({ choices }: { choices: ScoreChoice[] | null }) {
  return (
    <dl
      className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 text-xs"
      data-testid="review-keys"
    >
      {keyLegend(choices).map(({ keys, does }) => (
        <div key={keys} className="contents">
          <dt className="justify-self-end">
            <Kbd>{keys}</Kbd>
          </dt>
          <dd className="text-muted-foreground">{does}</dd>
        </div>
      ))}
    </dl>
  );
}
