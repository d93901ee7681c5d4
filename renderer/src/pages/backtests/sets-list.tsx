import { LoaderCircle, Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Checkbox } from '../../components/ui/checkbox';
import { Label } from '../../components/ui/label';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { useChannelQuery } from '../../query/channel-query';
import { backtestsHref } from './backtests-route';

/** Every set, newest first: open one to see its items and run backtests on it. */
export function SetsList({ onNew }: { onNew: () => void }) {
  const [archived, setArchived] = useState(false);
  const list = useChannelQuery('backtests.sets.list', { includeArchived: archived });
  const sets = list.data?.sets;
  return (
    <div className="flex flex-col gap-4 px-8 py-5">
      <div className="flex items-center justify-end gap-4">
        <div className="flex items-center gap-2">
          <Checkbox
            id="backtests-show-archived"
            checked={archived}
            onCheckedChange={(on) => setArchived(on === true)}
          />
          <Label htmlFor="backtests-show-archived" className="text-xs">
            Show archived
          </Label>
        </div>
        <Button size="sm" data-testid="new-backtest-set" onClick={onNew}>
          <Plus /> New set
        </Button>
      </div>
      {list.error ? (
        <p className="text-sm text-destructive">{list.error.toString()}</p>
      ) : !sets ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : sets.length === 0 ? (
        <div
          className="flex max-w-2xl flex-col gap-2 rounded-lg border border-dashed p-6 text-sm"
          data-testid="backtests-empty"
        >
          <h2 className="font-semibold">No backtest sets yet</h2>
          <p className="text-muted-foreground">
            A backtest replays real traffic on a candidate prompt or model and grades both sides
            with one scorecard, so you see what a change would do before it ships. Start with a set:
            a frozen sample of production interactions (or a dataset&apos;s cases). The Traces page
            makes one from its current filters.
          </p>
        </div>
      ) : (
        <Table data-testid="backtest-sets">
          <TableHeader>
            <TableRow>
              <TableHead>Set</TableHead>
              <TableHead>Source</TableHead>
              <TableHead className="text-right">Items</TableHead>
              <TableHead className="text-right">LLM calls</TableHead>
              <TableHead>Strata</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sets.map((set) => (
              <TableRow key={set.id} data-testid="backtest-set-row">
                <TableCell>
                  <a
                    href={`#${backtestsHref.set(set.id)}`}
                    className="font-medium text-primary hover:underline"
                    data-testid="backtest-set-open"
                  >
                    {set.name}
                  </a>
                  {set.archived ? (
                    <span className="ml-2 text-xs text-muted-foreground">archived</span>
                  ) : null}
                </TableCell>
                <TableCell>{set.source}</TableCell>
                <TableCell className="text-right font-mono">{set.itemCount}</TableCell>
                <TableCell className="text-right font-mono">{set.calls}</TableCell>
                <TableCell className="text-xs text-muted-foreground">
                  {Object.entries(set.strata)
                    .map(([k, n]) => `${k} ${n}`)
                    .join(' · ')}
                </TableCell>
                <TableCell className="text-xs text-muted-foreground">
                  {new Date(set.createdAt).toLocaleString()}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
