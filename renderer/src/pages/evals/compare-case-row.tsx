import { ChevronRight } from 'lucide-react';
import type { ComparisonView } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import { WordDiff } from './word-diff';

type CompareCase = ComparisonView['cases'][number];
type Side = CompareCase['baseline'];

interface CompareCaseRowProps {
  item: CompareCase;
  expanded: boolean;
  onToggle: () => void;
}

const HIGHLIGHT: Partial<Record<CompareCase['change'], string>> = {
  regression: 'bg-destructive/10 hover:bg-destructive/15 border-l-destructive',
  improvement: 'bg-success/10 hover:bg-success/15 border-l-success',
};

const CHANGE_TEXT: Partial<Record<CompareCase['change'], string>> = {
  regression: 'text-destructive',
  improvement: 'text-success',
};

export const COMPARE_GRID =
  'grid grid-cols-[3rem_7rem_minmax(0,1fr)_8rem_8rem_4.5rem] items-center gap-2 px-3';

function SideCell({ side }: { side: Side }) {
  if (!side) return <span className="text-xs text-muted-foreground">absent</span>;
  return (
    <span className="font-mono text-xs">
      {side.status}{' '}
      <span className="text-muted-foreground">
        {side.score === null ? '-' : side.score.toFixed(2)}
      </span>
    </span>
  );
}

function ScoreDelta({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="text-right font-mono text-xs">-</span>;
  return (
    <span
      className={cn(
        'text-right font-mono text-xs',
        delta < 0 && 'text-destructive',
        delta > 0 && 'text-success',
      )}
    >
      {`${delta > 0 ? '+' : ''}${delta.toFixed(2)}`}
    </span>
  );
}

const varsLine = (vars: Record<string, string>) =>
  Object.keys(vars).length === 1 && 'input' in vars
    ? (vars.input ?? '')
    : Object.entries(vars)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ');

/** One case across both runs; regressions red, improvements green; expands to a word diff. */
export function CompareCaseRow({ item, expanded, onToggle }: CompareCaseRowProps) {
  const highlight =
    item.change === 'regression' || item.change === 'improvement' ? item.change : undefined;
  const input = varsLine(item.vars);
  return (
    <li
      className="border-b border-border/60"
      data-testid={`compare-case-${item.caseKey}`}
      data-change={item.change}
      data-highlight={highlight}
    >
      <div
        role="button"
        tabIndex={0}
        aria-expanded={expanded}
        className={cn(
          COMPARE_GRID,
          'h-9 cursor-pointer border-l-2 border-l-transparent text-[13px] hover:bg-muted/40',
          HIGHLIGHT[item.change],
        )}
        onClick={onToggle}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          onToggle();
        }}
      >
        <span className="flex items-center gap-0.5 font-mono text-xs text-muted-foreground">
          <ChevronRight className={cn('size-3 transition-transform', expanded && 'rotate-90')} />
          {item.position}
        </span>
        <span className={cn('text-xs font-medium', CHANGE_TEXT[item.change])}>{item.change}</span>
        <span className="truncate font-mono text-xs" title={input}>
          {input}
        </span>
        <SideCell side={item.baseline} />
        <SideCell side={item.candidate} />
        <ScoreDelta delta={item.scoreDelta} />
      </div>
      {expanded ? (
        <div
          className="grid grid-cols-2 gap-3 bg-muted/20 px-3 py-3"
          data-testid={`compare-details-${item.caseKey}`}
        >
          <div className="col-span-2 flex flex-col gap-1">
            <span className="text-[11px] font-medium text-muted-foreground">
              Baseline → candidate (word diff)
            </span>
            <WordDiff before={item.baseline?.output ?? ''} after={item.candidate?.output ?? ''} />
          </div>
          {(['baseline', 'candidate'] as const).map((side) => (
            <div key={side} className="flex min-w-0 flex-col gap-1">
              <span className="text-[11px] font-medium text-muted-foreground">{side}</span>
              <pre
                className="max-h-48 overflow-auto rounded-md border bg-card px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words"
                data-testid={`compare-output-${side}`}
              >
                {item[side]?.output ?? '(no output)'}
              </pre>
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}
