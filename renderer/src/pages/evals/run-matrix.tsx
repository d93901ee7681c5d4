import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowLeft, LoaderCircle } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { Table, TableCell, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { ToggleGroup, ToggleGroupItem } from '../../components/ui/toggle-group';
import { WithTooltip } from '../../components/ui/tooltip';
import { evalHref, goTo, MATRIX_FILTERS, type MatrixFilter } from './eval-route';
import { fmtCount } from './format';
import { caseRowsOf, MATRIX_ROW_FILTERS } from './matrix-grid';
import { MatrixCell } from './matrix-cell';
import { MatrixColumnHead } from './matrix-column-head';
import { expectedText } from './result-columns';
import { useMatrixRuns } from './use-matrix-runs';
import { useRunResults } from './use-result-pages';

interface RunMatrixProps {
  groupId: string | null;
  dataset: string | null;
  runIds: readonly string[];
  filter: MatrixFilter;
}

const FILTER_LABELS: Record<MatrixFilter, string> = {
  all: 'All',
  failures: 'Failures',
  different: 'Different',
};

const FILTER_HINTS: Record<MatrixFilter, string> = {
  all: 'Every case',
  failures: 'Cases that failed or errored in at least one run',
  different: 'Cases whose runs disagree: one passes where another does not, or the outputs differ',
};

const varsLine = (vars: Readonly<Record<string, string>>) => {
  const entries = Object.entries(vars);
  if (entries.length === 1 && entries[0]?.[0] === 'input') return entries[0][1];
  return entries.map(([k, v]) => `${k}=${v}`).join('  ');
};

/**
 * Cases down, runs across (each a prompt version × model): every cell the output with its
 * verdict and the matchers' reasons, as promptfoo shows a run. Filtered to failures or to the
 * cases where the runs disagree; the filter is in the address.
 */
export function RunMatrix({ groupId, dataset, runIds, filter }: RunMatrixProps) {
  const { runs, error } = useMatrixRuns({ groupId, dataset, runIds });
  const { byRun, loading } = useRunResults(
    (runs ?? []).map((run) => ({ runId: run.id, count: run.totals.results })),
  );
  const allRows = useMemo(() => caseRowsOf(runs ?? [], byRun), [runs, byRun]);
  const counts = useMemo(
    () =>
      Object.fromEntries(
        MATRIX_FILTERS.map((f) => [f, allRows.filter(MATRIX_ROW_FILTERS[f]).length]),
      ) as Record<MatrixFilter, number>,
    [allRows],
  );
  const rows = useMemo(() => allRows.filter(MATRIX_ROW_FILTERS[filter]), [allRows, filter]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const title =
    runIds.length > 0
      ? 'Picked runs'
      : groupId
        ? 'Run group'
        : `Runs of ${dataset ?? 'every dataset'}`;
  const datasetName = dataset ?? runs?.[0]?.dataset ?? null;
  const setFilter = (next: MatrixFilter) =>
    goTo(evalHref.matrix({ groupId, dataset, runIds, filter: next }));

  return (
    <div className="flex flex-col gap-4 px-8 py-6" data-testid="matrix-view">
      <div className="flex flex-col gap-1">
        <a
          href={`#${evalHref.list(datasetName)}`}
          className="flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-3" />
          Runs
        </a>
        <h2 className="text-base font-semibold">{title}</h2>
        <p className="text-xs text-muted-foreground">
          Each case down, each prompt version × model across (the newest run of each pair; a prompt
          run with other component versions is a column of its own). Click a cell for its full
          output and every matcher&apos;s reason; click a column&apos;s head to open its run.
        </p>
      </div>
      {!runs ? (
        error ? (
          <p className="text-sm text-destructive">{error.toString()}</p>
        ) : (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin" />
            Loading runs…
          </p>
        )
      ) : runs.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="run-matrix">
          No runs.
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <ToggleGroup
              type="single"
              aria-label="Which cases"
              value={filter}
              onValueChange={(value) => value && setFilter(value as MatrixFilter)}
            >
              {MATRIX_FILTERS.map((f) => (
                <ToggleGroupItem
                  key={f}
                  value={f}
                  title={FILTER_HINTS[f]}
                  data-testid={`matrix-filter-${f}`}
                >
                  {`${FILTER_LABELS[f]} ${fmtCount(counts[f])}`}
                </ToggleGroupItem>
              ))}
            </ToggleGroup>
            <span className="ml-auto text-xs text-muted-foreground" data-testid="matrix-count">
              {loading && allRows.length === 0 ? 'Loading…' : `${fmtCount(rows.length)} cases`}
            </span>
          </div>
          <div
            ref={scroller}
            // The kit's Table scrolls sideways by itself; this box scrolls both ways instead, so
            // the column heads stick to its top.
            className="max-h-[min(70vh,48rem)] overflow-auto rounded-lg border bg-card [&>div]:overflow-visible"
          >
            <Table
              className="table-fixed text-[13px]"
              style={{ minWidth: `calc(3.5rem + 14rem + 10rem + ${runs.length} * 18rem)` }}
              data-testid="run-matrix"
            >
              <colgroup>
                <col style={{ width: '3.5rem' }} />
                <col style={{ width: '14rem' }} />
                <col style={{ width: '10rem' }} />
                {runs.map((run) => (
                  <col key={run.id} style={{ width: '18rem' }} />
                ))}
              </colgroup>
              <TableHeader className="sticky top-0 z-10 bg-muted">
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col" className="bg-muted align-bottom">
                    #
                  </TableHead>
                  <TableHead scope="col" className="bg-muted align-bottom">
                    Variables
                  </TableHead>
                  <TableHead scope="col" className="bg-muted align-bottom">
                    Expected
                  </TableHead>
                  {runs.map((run, j) => (
                    <MatrixColumnHead key={run.id} run={run} testId={`matrix-column-${j}`} />
                  ))}
                </TableRow>
              </TableHeader>
              {before > 0 ? (
                <tbody aria-hidden>
                  <tr style={{ height: before }} />
                </tbody>
              ) : null}
              <tbody>
                {items.map((item) => {
                  const row = rows[item.index];
                  if (!row) return null;
                  const vars = varsLine(row.vars);
                  const expected = expectedText(row.expected);
                  return (
                    <TableRow
                      key={item.key}
                      ref={virtualizer.measureElement}
                      data-index={item.index}
                      data-testid={`matrix-row-${row.position}${row.repeatIndex > 0 ? `-${row.repeatIndex}` : ''}`}
                      className="hover:bg-transparent"
                    >
                      <TableCell className="align-top font-mono text-xs text-muted-foreground tabular-nums">
                        {row.position}
                        {row.repeatIndex > 0 ? <sup>{`×${row.repeatIndex + 1}`}</sup> : null}
                      </TableCell>
                      <TableCell className="align-top">
                        <WithTooltip content={vars}>
                          <span className="line-clamp-4 font-mono text-xs break-words whitespace-pre-wrap">
                            {vars}
                          </span>
                        </WithTooltip>
                      </TableCell>
                      <TableCell className="align-top">
                        {expected === '' ? (
                          <span className="text-xs text-muted-foreground">-</span>
                        ) : (
                          <WithTooltip content={expected}>
                            <span className="line-clamp-4 font-mono text-xs break-words whitespace-pre-wrap">
                              {expected}
                            </span>
                          </WithTooltip>
                        )}
                      </TableCell>
                      {row.cells.map((result, j) => (
                        <MatrixCell
                          key={runs[j]?.id ?? j}
                          result={result}
                          column={j}
                          expanded={expanded.has(`${row.key}|${j}`)}
                          onToggle={() => toggle(`${row.key}|${j}`)}
                        />
                      ))}
                    </TableRow>
                  );
                })}
              </tbody>
              {after > 0 ? (
                <tbody aria-hidden>
                  <tr style={{ height: after }} />
                </tbody>
              ) : null}
            </Table>
            {rows.length === 0 && !loading ? (
              <p
                className="px-3 py-6 text-center text-sm text-muted-foreground"
                data-testid="matrix-empty"
              >
                {filter === 'all' ? 'No results yet.' : 'No case matches this filter.'}
              </p>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
