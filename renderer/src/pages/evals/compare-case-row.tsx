import { ChevronRight } from 'lucide-react';
import { Fragment } from 'react';
import { TableCell, TableRow } from '../../components/ui/table';
import { cn } from '../../lib/utils';
import type { CandidateCell, Change, CompareRow, Side } from './compare/compare-rows';
import { WordDiff } from './word-diff';

const HIGHLIGHT: Partial<Record<Change, string>> = {
  regression: 'bg-destructive/10 hover:bg-destructive/15',
  improvement: 'bg-success/10 hover:bg-success/15',
};

const CHANGE_TEXT: Partial<Record<Change, string>> = {
  regression: 'text-destructive',
  improvement: 'text-success',
};

function Verdict({ side }: { side: Side }) {
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
  if (delta === null) return <span className="font-mono text-xs">-</span>;
  return (
    <span
      className={cn(
        'font-mono text-xs',
        delta < 0 && 'text-destructive',
        delta > 0 && 'text-success',
      )}
    >
      {`${delta > 0 ? '+' : ''}${delta.toFixed(2)}`}
    </span>
  );
}

/** The first line of an output, cut by the cell (the full text is in the expanded row). */
function Preview({ side }: { side: Side }) {
  const text = side?.output ?? '';
  return (
    <span className="block truncate font-mono text-[11px] text-muted-foreground" title={text}>
      {text.split('\n', 1)[0]}
    </span>
  );
}

function CandidateCellView({ cell }: { cell: CandidateCell | null }) {
  if (!cell) return <span className="text-xs text-muted-foreground">not compared</span>;
  return (
    <div className="flex min-w-0 flex-col">
      <span className="flex items-center gap-2">
        <span
          className={cn('text-xs font-medium', CHANGE_TEXT[cell.change])}
          data-testid="compare-cell-change"
        >
          {cell.change}
        </span>
        <Verdict side={cell.side} />
        <ScoreDelta delta={cell.scoreDelta} />
      </span>
      <Preview side={cell.side} />
    </div>
  );
}

const varsLine = (vars: Record<string, string>) =>
  Object.keys(vars).length === 1 && 'input' in vars
    ? (vars.input ?? '')
    : Object.entries(vars)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ');

const OUTPUT =
  'max-h-96 overflow-auto rounded-md border bg-card px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-words';

interface CompareCaseRowProps {
  readonly row: CompareRow;
  /** The candidate whose change colours the row (the one the count cards are about). */
  readonly focus: number;
  readonly names: readonly string[];
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

/**
 * One case across the baseline and every candidate; coloured by its change against the focused
 * candidate. Expanded: every output in full, side by side, and a word diff from the baseline
 * to each candidate.
 */
export function CompareCaseRow({ row, focus, names, expanded, onToggle }: CompareCaseRowProps) {
  const change = row.candidates[focus]?.change ?? 'unscored';
  const highlight = change === 'regression' || change === 'improvement' ? change : undefined;
  const input = varsLine(row.vars);
  return (
    <Fragment>
      <TableRow
        tabIndex={0}
        aria-expanded={expanded}
        className={cn('cursor-pointer align-top', HIGHLIGHT[change])}
        data-testid={`compare-case-${row.caseKey}`}
        data-change={change}
        data-highlight={highlight}
        onClick={onToggle}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          onToggle();
        }}
      >
        <TableCell className="w-12 font-mono text-xs text-muted-foreground">
          <span className="flex items-center gap-0.5">
            <ChevronRight className={cn('size-3 transition-transform', expanded && 'rotate-90')} />
            {row.position}
          </span>
        </TableCell>
        <TableCell className="max-w-56">
          <span className="block truncate font-mono text-xs" title={input}>
            {input}
          </span>
        </TableCell>
        <TableCell className="max-w-64">
          <Verdict side={row.baseline} />
          <Preview side={row.baseline} />
        </TableCell>
        {row.candidates.map((cell, i) => (
          <TableCell key={i} className="max-w-64">
            <CandidateCellView cell={cell} />
          </TableCell>
        ))}
      </TableRow>
      {expanded ? (
        <TableRow className="bg-muted/20 hover:bg-muted/20">
          <TableCell colSpan={3 + row.candidates.length} className="whitespace-normal">
            <div
              className="flex flex-col gap-3 py-1"
              data-testid={`compare-details-${row.caseKey}`}
            >
              <div
                className="grid gap-3"
                style={{
                  gridTemplateColumns: `repeat(${1 + row.candidates.length}, minmax(0, 1fr))`,
                }}
              >
                <div className="flex min-w-0 flex-col gap-1">
                  <span className="text-[11px] font-medium text-muted-foreground">baseline</span>
                  <pre className={OUTPUT} data-testid="compare-output-baseline">
                    {row.baseline?.output ?? '(no output)'}
                  </pre>
                </div>
                {row.candidates.map((cell, i) => (
                  <div key={i} className="flex min-w-0 flex-col gap-1">
                    <span className="truncate text-[11px] font-medium text-muted-foreground">
                      {names[i] ?? `candidate ${i + 1}`}
                    </span>
                    <pre
                      className={OUTPUT}
                      data-testid={
                        i === 0 ? 'compare-output-candidate' : `compare-output-candidate-${i}`
                      }
                    >
                      {cell?.side?.output ?? '(no output)'}
                    </pre>
                  </div>
                ))}
              </div>
              {row.candidates.map((cell, i) => (
                <div key={i} className="flex flex-col gap-1">
                  <span className="text-[11px] font-medium text-muted-foreground">
                    {`Baseline → ${names[i] ?? `candidate ${i + 1}`} (word diff)`}
                  </span>
                  <WordDiff before={row.baseline?.output ?? ''} after={cell?.side?.output ?? ''} />
                </div>
              ))}
            </div>
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
}
