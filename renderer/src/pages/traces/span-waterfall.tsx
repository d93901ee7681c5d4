import { useVirtualizer } from '@tanstack/react-virtual';
import { AlertTriangle, ChevronRight } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SpanView } from '../../../../shared/contract/traces';
import { cn } from '../../lib/utils';
import { barOf, type TreeRow } from './span-tree';
import { fmtMs } from './trace-format';

const ROW_HEIGHT = 28;

const KIND_COLOR: Partial<Record<SpanView['kind'], string>> = {
  llm: 'bg-primary/70',
  embedding: 'bg-sky-500/70',
  tool: 'bg-amber-500/70',
  retrieval: 'bg-emerald-500/70',
  judge: 'bg-violet-500/70',
};

/**
 * The trace's spans as a tree (left) beside a timeline waterfall (right), one row per span, so
 * a bar lines up with its name as in Jaeger or Langfuse. Up/Down (and Home/End) move the
 * selection; only the rows in view are rendered (a trace may hold thousands of spans).
 */
export function SpanWaterfall({
  rows,
  bounds,
  selectedId,
  onSelect,
}: {
  rows: readonly TreeRow<SpanView>[];
  bounds: { start: number; end: number };
  selectedId: string | null;
  onSelect: (spanId: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    getItemKey: (i) => rows[i]?.span.id ?? i,
  });
  const selectedIndex = rows.findIndex((r) => r.span.id === selectedId);

  // The selection stays in view when the keyboard (or a link) moves it.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = rows.length - 1;
    const at = selectedIndex < 0 ? -1 : selectedIndex;
    const target =
      e.key === 'ArrowDown'
        ? Math.min(last, at + 1)
        : e.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (target === null || last < 0) return;
    e.preventDefault();
    const span = rows[target]?.span;
    if (span) onSelect(span.id);
  };

  const total = Math.max(0, bounds.end - bounds.start);
  return (
    <div className="flex min-h-0 flex-col rounded-lg border bg-card" data-testid="span-waterfall">
      <div className="flex border-b bg-muted text-[11px] text-muted-foreground">
        <span className="w-[45%] shrink-0 px-2 py-1">Span</span>
        <span className="flex flex-1 justify-between px-2 py-1">
          <span>0 ms</span>
          <span>{fmtMs(total)}</span>
        </span>
      </div>
      <div
        ref={scroller}
        role="listbox"
        aria-label="Spans"
        aria-activedescendant={selectedId ? `span-option-${selectedId}` : undefined}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
        data-testid="span-tree"
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { span } = row;
            const bar = barOf(span, bounds.start, bounds.end);
            const selected = span.id === selectedId;
            return (
              <div
                key={item.key}
                id={`span-option-${span.id}`}
                role="option"
                aria-selected={selected}
                aria-level={row.depth + 1}
                data-testid={`span-row-${span.id}`}
                data-depth={row.depth}
                className={cn(
                  'absolute inset-x-0 flex cursor-pointer items-center text-xs hover:bg-muted/60',
                  selected && 'bg-accent',
                )}
                style={{ top: item.start, height: ROW_HEIGHT }}
                onClick={() => onSelect(span.id)}
              >
                <div
                  className="flex w-[45%] shrink-0 items-center gap-1 overflow-hidden px-2"
                  // Deep trees stop indenting at 24 levels, so names stay readable.
                  style={{ paddingLeft: 8 + Math.min(row.depth, 24) * 14 }}
                >
                  {row.childCount > 0 ? (
                    <ChevronRight className="size-3 shrink-0 rotate-90 text-muted-foreground" />
                  ) : (
                    <span className="w-3 shrink-0" />
                  )}
                  <span className="shrink-0 rounded bg-muted px-1 font-mono text-[10px]">
                    {span.kind}
                  </span>
                  <span className="truncate" title={span.name}>
                    {span.name}
                  </span>
                  {span.status === 'error' ? (
                    <AlertTriangle
                      className="size-3 shrink-0 text-destructive"
                      aria-label="error"
                    />
                  ) : null}
                  {row.orphan ? (
                    <span
                      className="shrink-0 text-[10px] text-amber-700 dark:text-amber-400"
                      data-testid="span-orphan"
                      title={`Parent ${span.parentId ?? ''} not received (yet)`}
                    >
                      parent not received
                    </span>
                  ) : null}
                  {row.inCycle ? (
                    <span
                      className="shrink-0 text-[10px] text-destructive"
                      title="Its parent links loop back to it"
                    >
                      parent cycle
                    </span>
                  ) : null}
                </div>
                <div className="relative h-full flex-1 border-l">
                  <div
                    className={cn(
                      'absolute top-1/2 h-3 min-w-[2px] -translate-y-1/2 rounded-sm',
                      span.status === 'error'
                        ? 'bg-destructive/70'
                        : (KIND_COLOR[span.kind] ?? 'bg-muted-foreground/50'),
                    )}
                    style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%` }}
                    data-testid="span-bar"
                    title={`${fmtMs(span.latencyMs)} from +${fmtMs(Math.max(0, Date.parse(span.startedAt) - bounds.start))}`}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
