import { diffWordsWithSpace } from 'diff';
import { useMemo } from 'react';

/** Too long to diff word by word in the browser without a noticeable pause. */
const MAX_DIFF_CHARS = 20_000;

/** Baseline → candidate output, words removed struck red and words added green. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(
    () =>
      before.length + after.length > MAX_DIFF_CHARS ? null : diffWordsWithSpace(before, after),
    [before, after],
  );
  if (!parts)
    return (
      <p className="text-xs text-muted-foreground">Outputs too long to diff here; see each side.</p>
    );
  return (
    <pre
      className="max-h-72 overflow-auto rounded-md border bg-muted/40 px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words"
      data-testid="word-diff"
    >
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="bg-success/20 text-success no-underline" data-diff="added">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="bg-destructive/15 text-destructive" data-diff="removed">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </pre>
  );
}
