import type { BacktestRunView } from '../../../../shared/contract/backtests';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { backtestsHref } from './backtests-route';
import { usdText } from './format';
import { VerdictBadge } from './verdict-badge';

/** A set's runs, newest first: status, progress and each candidate's verdict. */
export function RunsTable({ runs }: { runs: readonly BacktestRunView[] }) {
  if (runs.length === 0)
    return (
      <p className="text-xs text-muted-foreground" data-testid="backtest-runs-empty">
        No runs of this set yet.
      </p>
    );
  return (
    <Table data-testid="backtest-runs">
      <TableHeader>
        <TableRow>
          <TableHead>Run</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Progress</TableHead>
          <TableHead>Spent</TableHead>
          <TableHead>Verdicts</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid="backtest-run-row">
            <TableCell>
              <a
                href={`#${backtestsHref.run(run.id)}`}
                className="font-medium text-primary hover:underline"
                data-testid="backtest-run-open"
              >
                {run.name}
              </a>
            </TableCell>
            <TableCell>{run.status}</TableCell>
            <TableCell className="font-mono">{`${run.done}/${run.total}`}</TableCell>
            <TableCell className="font-mono">{usdText(run.spentUsd)}</TableCell>
            <TableCell className="flex flex-wrap gap-1">
              {run.verdicts.map((v) => (
                <span key={v.side} className="flex items-center gap-1 text-xs">
                  {v.label} <VerdictBadge verdict={v.verdict} />
                </span>
              ))}
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">
              {new Date(run.createdAt).toLocaleString()}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
