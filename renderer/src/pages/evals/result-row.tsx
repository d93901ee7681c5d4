import { ChevronRight } from 'lucide-react';
import type { ResultView } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import { fmtMs, fmtUsd } from './format';
import { ResultDetails } from './result-details';
import { ResultMatcherChips } from './result-matchers';
import { StatusBadge } from './status-badge';

export const RESULT_GRID =
  'grid grid-cols-[3.5rem_minmax(0,1.2fr)_minmax(0,1.6fr)_4.5rem_3.5rem_minmax(0,1fr)_5.5rem_4.5rem] items-center gap-2 px-3';

interface ResultRowProps {
  result: ResultView;
  expanded: boolean;
  onToggle: () => void;
}

const varsLine = (vars: Record<string, string>) => {
  const entries = Object.entries(vars);
  if (entries.length === 1 && entries[0]?.[0] === 'input') return entries[0][1];
  return entries.map(([k, v]) => `${k}=${v}`).join('  ');
};

/** One result: a one-line summary; a click expands its details below. */
export function ResultRow({ result, expanded, onToggle }: ResultRowProps) {
  const id = `${result.position}-${result.repeatIndex}`;
  const input = varsLine(result.vars);
  const output = result.error
    ? `${result.error.code}: ${result.error.message}`
    : (result.output ?? '');
  return (
    <div data-testid={`result-row-${id}`} data-status={result.status} data-expanded={expanded}>
      <div
        role="button"
        tabIndex={0}
        aria-expanded={expanded}
        className={cn(
          RESULT_GRID,
          'h-9 cursor-pointer text-[13px] hover:bg-muted/40',
          expanded && 'bg-muted/30',
        )}
        onClick={onToggle}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          onToggle();
        }}
      >
        <span className="flex items-center gap-0.5 font-mono text-xs text-muted-foreground tabular-nums">
          <ChevronRight className={cn('size-3 transition-transform', expanded && 'rotate-90')} />
          {result.position}
          {result.repeatIndex > 0 ? <sup>{`×${result.repeatIndex + 1}`}</sup> : null}
        </span>
        <span className="truncate font-mono text-xs" title={input}>
          {input}
        </span>
        <span
          className={cn(
            'truncate font-mono text-xs',
            result.error && 'text-amber-700 dark:text-amber-400',
          )}
          title={output}
        >
          {output}
        </span>
        <StatusBadge status={result.status} />
        <span className="text-right font-mono text-xs tabular-nums">
          {result.score === null ? '-' : result.score.toFixed(2)}
        </span>
        <div className="h-5 min-w-0 overflow-hidden">
          <ResultMatcherChips matchers={result.matchers} />
        </div>
        <span className="text-right font-mono text-xs tabular-nums">
          {result.cached ? 'cached' : fmtUsd(result.costUsd)}
        </span>
        <span className="text-right font-mono text-xs tabular-nums">{fmtMs(result.latencyMs)}</span>
      </div>
      {expanded ? <ResultDetails result={result} /> : null}
    </div>
  );
}
