import type { RunTotals } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { cn } from '../../lib/utils';
import { fmtPct } from './format';

type Classification = NonNullable<RunTotals['classification']>;

const CELL = 'px-2.5 py-1 text-right font-mono text-xs tabular-nums';

/** Predicted (rows) by expected (columns), then precision, recall and F1 per class. */
export function ConfusionMatrix({ classification }: { classification: Classification }) {
  const { labels, matrix, perClass } = classification;
  const max = Math.max(1, ...matrix.flat());
  return (
    <section className="flex flex-col gap-2" aria-label="Confusion matrix">
      <h3 className="text-sm font-semibold">Classification</h3>
      <div className="w-fit max-w-full overflow-x-auto rounded-lg border bg-card">
        <Table className="w-auto text-xs" data-testid="confusion-matrix">
          <TableHeader className="bg-muted/60">
            <TableRow>
              <TableHead scope="col">predicted ↓ / expected →</TableHead>
              {labels.map((l) => (
                <TableHead key={l} scope="col" className="text-right font-mono">
                  {l}
                </TableHead>
              ))}
              <TableHead scope="col" className="border-l text-right">
                Precision
              </TableHead>
              <TableHead scope="col" className="text-right">
                Recall
              </TableHead>
              <TableHead scope="col" className="text-right">
                F1
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {labels.map((label, i) => {
              const stats = perClass.find((c) => c.label === label);
              return (
                <TableRow key={label} data-testid={`confusion-row-${label}`}>
                  <TableHead scope="row" className="font-mono text-foreground">
                    {label}
                  </TableHead>
                  {labels.map((expected, j) => {
                    const n = matrix[i]?.[j] ?? 0;
                    return (
                      <TableCell
                        key={expected}
                        className={cn(
                          CELL,
                          n > 0 && (i === j ? 'text-success' : 'text-destructive'),
                        )}
                        style={{
                          backgroundColor:
                            n > 0
                              ? `color-mix(in oklch, var(--${i === j ? 'success' : 'destructive'}) ${Math.round((n / max) * 25)}%, transparent)`
                              : undefined,
                        }}
                      >
                        {n}
                      </TableCell>
                    );
                  })}
                  <TableCell className={cn(CELL, 'border-l')}>
                    {fmtPct(stats?.precision ?? null)}
                  </TableCell>
                  <TableCell className={CELL}>{fmtPct(stats?.recall ?? null)}</TableCell>
                  <TableCell className={CELL}>{fmtPct(stats?.f1 ?? null)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
