import type { Calibration } from '../../../../shared/contract';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { cn } from '../../lib/utils';

const CELL = 'px-2.5 py-1 text-right font-mono text-xs tabular-nums';

/** People's labels down, the judge's across; the diagonal is where they agree. */
export function AgreementMatrix({ calibration }: { calibration: Calibration }) {
  const { levels, confusion } = calibration;
  const max = Math.max(1, ...confusion.flat());
  return (
    <div className="w-fit max-w-full overflow-x-auto rounded-lg border bg-card">
      <Table className="w-auto text-xs" data-testid="calibration-matrix">
        <TableHeader className="bg-muted/60">
          <TableRow>
            <TableHead scope="col">reference ↓ / judge →</TableHead>
            {levels.map((l) => (
              <TableHead key={l} scope="col" className="text-right">
                {l}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {confusion.map((row, i) => (
            <TableRow key={levels[i]}>
              <TableHead scope="row" className="font-medium">
                {levels[i]}
              </TableHead>
              {row.map((n, j) => (
                <TableCell
                  key={levels[j]}
                  className={cn(CELL, i === j && 'font-semibold')}
                  // Shade by count: the eye finds the diagonal and the big misses at once.
                  style={{
                    backgroundColor:
                      n === 0
                        ? undefined
                        : `color-mix(in oklab, var(--${i === j ? 'chart-2' : 'destructive'}) ${Math.round((n / max) * 35)}%, transparent)`,
                  }}
                  data-testid={`calibration-cell-${i}-${j}`}
                >
                  {n}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
