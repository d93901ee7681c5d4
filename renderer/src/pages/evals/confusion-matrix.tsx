import type { RunTotals } from '../../../../shared/contract';
import { cn } from '../../lib/utils';
import { fmtPct } from './format';

type Classification = NonNullable<RunTotals['classification']>;

const CELL = 'px-2.5 py-1 text-right font-mono tabular-nums';

/** Predicted (rows) by expected (columns), then precision, recall and F1 per class. */
export function ConfusionMatrix({ classification }: { classification: Classification }) {
  const { labels, matrix, perClass } = classification;
  const max = Math.max(1, ...matrix.flat());
  return (
    <section className="flex flex-col gap-2" aria-label="Confusion matrix">
      <h3 className="text-sm font-semibold">Classification</h3>
      <div className="w-fit max-w-full overflow-x-auto rounded-lg border bg-card">
        <table className="text-xs" data-testid="confusion-matrix">
          <thead className="bg-muted/60 text-muted-foreground">
            <tr>
              <th scope="col" className="px-2.5 py-1 text-left font-medium">
                predicted ↓ / expected →
              </th>
              {labels.map((l) => (
                <th key={l} scope="col" className="px-2.5 py-1 text-right font-mono font-medium">
                  {l}
                </th>
              ))}
              <th scope="col" className="border-l px-2.5 py-1 text-right font-medium">
                Precision
              </th>
              <th scope="col" className="px-2.5 py-1 text-right font-medium">
                Recall
              </th>
              <th scope="col" className="px-2.5 py-1 text-right font-medium">
                F1
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => {
              const stats = perClass.find((c) => c.label === label);
              return (
                <tr key={label} className="border-t" data-testid={`confusion-row-${label}`}>
                  <th scope="row" className="px-2.5 py-1 text-left font-mono font-medium">
                    {label}
                  </th>
                  {labels.map((expected, j) => {
                    const n = matrix[i]?.[j] ?? 0;
                    return (
                      <td
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
                      </td>
                    );
                  })}
                  <td className={cn(CELL, 'border-l')}>{fmtPct(stats?.precision ?? null)}</td>
                  <td className={CELL}>{fmtPct(stats?.recall ?? null)}</td>
                  <td className={CELL}>{fmtPct(stats?.f1 ?? null)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
