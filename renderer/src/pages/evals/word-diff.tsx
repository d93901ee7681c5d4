import { diffLines, diffWordsWithSpace } from 'diff';
import { useMemo } from 'react';

/**
 * Word by word up to this many characters; longer outputs are diffed line by line, which stays
 * fast at any length, so a long output is still compared in full rather than cut.
 */
const WORD_DIFF_CHARS = 20_000;

/** Baseline → candidate output, words removed struck red and words added green. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(
    () =>
      before.length + after.length > WORD_DIFF_CHARS
        ? diffLines(before, after)
        : diffWordsWithSpace(before, after),
    [before, after],
  );
  return (
    <pre
      className="max-h-96 overflow-auto rounded-md border bg-muted/40 px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words"
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
