import { ArrowDown, ArrowUp } from 'lucide-react';
import type { BoardRowView, BoardSortKeyName } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { fmtCount, fmtMs, fmtUsd } from '../../lib/format';
import { cn } from '../../lib/utils';
import { defaultDirection, type LeaderboardView } from './leaderboard-route';

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const score = (v: number | null) => (v === null ? 'unscored' : v.toFixed(3));

const COLUMNS: readonly { key: BoardSortKeyName; title: string; numeric: boolean }[] = [
  { key: 'prompt', title: 'Prompt version', numeric: false },
  { key: 'model', title: 'Model', numeric: false },
  { key: 'score', title: 'Score', numeric: true },
  { key: 'passRate', title: 'Pass rate', numeric: true },
  { key: 'costPer1k', title: 'Cost / 1,000', numeric: true },
  { key: 'latencyP50', title: 'p50', numeric: true },
  { key: 'latencyP95', title: 'p95', numeric: true },
  { key: 'results', title: 'Results', numeric: true },
  { key: 'at', title: 'Completed', numeric: false },
];

interface BoardTableProps {
  readonly rows: readonly BoardRowView[];
  readonly sort: LeaderboardView['sort'];
  readonly onSort: (sort: LeaderboardView['sort']) => void;
  readonly runHref: (row: BoardRowView) => string | null;
}

/**
 * The board: one row per prompt version x model, sortable by a click on a column head (again
 * to turn the order round). Rows on the score/cost frontier are marked; unscored results and
 * unpriced calls are shown beside the figures they stay out of.
 */
export function BoardTable({ rows, sort, onSort, runHref }: BoardTableProps) {
  return (
    <Table data-testid="leaderboard-table">
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => {
            const active = sort.key === c.key;
            const next = active
              ? sort.direction === 'asc'
                ? 'desc'
                : 'asc'
              : defaultDirection(c.key);
            return (
              <TableHead
                key={c.key}
                className={cn(c.numeric && 'text-right')}
                aria-sort={
                  active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                }
              >
                <button
                  type="button"
                  className={cn('inline-flex items-center gap-1', active && 'text-foreground')}
                  onClick={() => onSort({ key: c.key, direction: next })}
                  data-testid={`leaderboard-sort-${c.key}`}
                >
                  {c.title}
                  {active ? (
                    sort.direction === 'asc' ? (
                      <ArrowUp className="size-3" />
                    ) : (
                      <ArrowDown className="size-3" />
                    )
                  ) : null}
                </button>
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => {
          const href = runHref(r);
          return (
            <TableRow
              key={r.key}
              data-testid="leaderboard-row"
              data-frontier={
                r.frontier.cost === true ? 'yes' : r.frontier.cost === false ? 'no' : 'unknown'
              }
              className={cn(r.frontier.cost === false && 'text-muted-foreground')}
            >
              <TableCell>
                <div className="flex items-center gap-2">
                  {href ? (
                    <a href={`#${href}`} className="hover:underline">
                      {r.label}
                    </a>
                  ) : (
                    r.label
                  )}
                  {r.frontier.cost === true ? (
                    <Badge variant="secondary" data-testid="leaderboard-frontier-badge">
                      frontier
                    </Badge>
                  ) : null}
                </div>
                {r.author ? (
                  <div className="text-xs text-muted-foreground">by {r.author}</div>
                ) : null}
              </TableCell>
              <TableCell className="font-mono text-xs">
                {r.provider}:{r.model}
              </TableCell>
              <TableCell className="text-right tabular-nums" data-testid="leaderboard-score">
                {score(r.meanScore)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{pct(r.passRate)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {fmtUsd(r.costPer1kUsd)}
                {r.unpricedResults > 0 && r.costPer1kUsd !== null ? (
                  <div className="text-xs text-muted-foreground">
                    {fmtCount(r.unpricedResults)} unpriced
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{fmtMs(r.latencyP50Ms)}</TableCell>
              <TableCell className="text-right tabular-nums">{fmtMs(r.latencyP95Ms)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {fmtCount(r.results)}
                {r.unscored > 0 ? (
                  <div className="text-xs text-muted-foreground" data-testid="leaderboard-unscored">
                    {fmtCount(r.unscored)} unscored
                    {r.errors > 0 ? ` (${fmtCount(r.errors)} errors)` : ''}
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">
                {new Date(r.at).toLocaleString()}
                {r.entries > 1 ? <div>latest of {r.entries} runs</div> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
