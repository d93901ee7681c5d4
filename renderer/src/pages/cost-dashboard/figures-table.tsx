import type { StatsFigures, TraceStats } from '../../../../shared/contract/trace-insights';
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { fmtCount, fmtMs } from '../../lib/format';
import { costText } from './cost-text';
import { groupLabel } from './dashboard-data';

const GROUP_TITLE = { model: 'Model', provider: 'Provider', prompt: 'Prompt version' } as const;

function Cells({ f }: { f: StatsFigures }) {
  return (
    <>
      <TableCell className="text-right" data-testid="figure-cost">
        {costText(f)}
      </TableCell>
      <TableCell className="text-right" data-testid="figure-calls">
        {fmtCount(f.calls)}
      </TableCell>
      <TableCell className="text-right">{fmtCount(f.inputTokens)}</TableCell>
      <TableCell className="text-right">{fmtCount(f.outputTokens)}</TableCell>
      <TableCell className="text-right" data-testid="figure-error-rate">
        {(f.errorRate * 100).toFixed(1)}%
      </TableCell>
      <TableCell className="text-right">{fmtMs(f.p95LatencyMs)}</TableCell>
    </>
  );
}

/** One row per group over the whole range, and the totals underneath. */
export function FiguresTable({ stats }: { stats: TraceStats }) {
  return (
    <Table data-testid="dashboard-groups">
      <TableHeader>
        <TableRow>
          <TableHead>{GROUP_TITLE[stats.groupBy]}</TableHead>
          <TableHead className="text-right">Cost</TableHead>
          <TableHead className="text-right">Calls</TableHead>
          <TableHead className="text-right">Input tokens</TableHead>
          <TableHead className="text-right">Output tokens</TableHead>
          <TableHead className="text-right">Error rate</TableHead>
          <TableHead className="text-right">p95 latency</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {stats.groups.map((g) => (
          <TableRow
            key={g.group ?? ''}
            data-testid="dashboard-group-row"
            data-group={g.group ?? ''}
          >
            <TableCell className="font-medium">{groupLabel(g.group)}</TableCell>
            <Cells f={g} />
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow data-testid="dashboard-totals-row">
          <TableCell>
            Total
            {stats.groupsOmitted > 0 ? (
              <span className="ml-1 text-xs text-muted-foreground">
                ({stats.groupsOmitted} more groups not listed)
              </span>
            ) : null}
          </TableCell>
          <Cells f={stats.totals} />
        </TableRow>
      </TableFooter>
    </Table>
  );
}
