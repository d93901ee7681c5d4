import type { PromptDiff } from './use-prompt-diff';

type Part = PromptDiff['sections'][number]['parts'][number];

const ADDED = 'rounded-[2px] bg-emerald-500/20 text-emerald-800 dark:text-emerald-300';
const REMOVED = 'rounded-[2px] bg-red-500/20 text-red-800 line-through dark:text-red-300';

function PartSpan({ part }: { part: Part }) {
  if (part.added)
    return (
      <ins data-diff="added" className={`${ADDED} no-underline`}>
        {part.value}
      </ins>
    );
  if (part.removed)
    return (
      <del data-diff="removed" className={REMOVED}>
        {part.value}
      </del>
    );
  return <span>{part.value}</span>;
}

const PRE = 'min-w-0 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words';

/** Removed and added words in one text, in order. */
export function InlineDiffText({ parts }: { parts: readonly Part[] }) {
  return (
    <pre className={`${PRE} px-3 py-2`}>
      {parts.map((part, index) => (
        <PartSpan key={index} part={part} />
      ))}
    </pre>
  );
}

/** The old text with removals marked beside the new text with additions marked. */
export function SplitDiffText({ parts }: { parts: readonly Part[] }) {
  const before = parts.filter((p) => !p.added);
  const after = parts.filter((p) => !p.removed);
  return (
    <div className="grid grid-cols-2 divide-x">
      <pre className={`${PRE} px-3 py-2`} data-side="before">
        {before.map((part, index) => (
          <PartSpan key={index} part={part} />
        ))}
      </pre>
      <pre className={`${PRE} px-3 py-2`} data-side="after">
        {after.map((part, index) => (
          <PartSpan key={index} part={part} />
        ))}
      </pre>
    </div>
  );
}
