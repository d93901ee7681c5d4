import { LoaderCircle } from 'lucide-react';
import { useState } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import { backtestsHref } from './backtests-route';
import { shownText } from './format';
import { RunBacktestForm } from './run-backtest-form';
import { RunsTable } from './runs-table';
import { SchedulesTable } from './schedules-table';

const PAGE = 50;

/** One set: what it holds (a page of frozen items), its runs, and the form that starts one. */
export function SetDetail({ setId }: { setId: string }) {
  const [offset, setOffset] = useState(0);
  const got = useChannelQuery('backtests.sets.get', { id: setId, offset, limit: PAGE });
  const runs = useChannelQuery('backtests.runs.list', { set: setId, limit: 50 }).data?.runs;
  if (got.error)
    return (
      <p className="px-8 py-5 text-sm text-destructive" role="alert">
        {got.error.toString()}
      </p>
    );
  if (!got.data) return <LoaderCircle className="m-8 size-4 animate-spin" />;
  const { set, items, nextOffset } = got.data;
  return (
    <div className="flex flex-col gap-5 px-8 py-5" data-testid="backtest-set">
      <div className="flex flex-col gap-1">
        <a href={`#${backtestsHref.sets()}`} className="text-xs text-primary hover:underline">
          ← All sets
        </a>
        <h2 className="text-base font-semibold" data-testid="backtest-set-name">
          {set.name}
        </h2>
        <p className="text-xs text-muted-foreground" data-testid="backtest-set-summary">
          {`${set.itemCount} items from ${set.source} · ${set.calls} LLM calls recorded · ${set.inputTokens} input / ${set.outputTokens} output tokens`}
        </p>
      </div>
      <RunBacktestForm setId={set.id} />
      <SchedulesTable setId={set.id} />
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Runs</h3>
        {runs ? <RunsTable runs={runs} /> : <LoaderCircle className="size-4 animate-spin" />}
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Items</h3>
        <Table data-testid="backtest-items">
          <TableHeader>
            <TableRow>
              <TableHead className="w-12">#</TableHead>
              <TableHead>Stratum</TableHead>
              <TableHead>Input</TableHead>
              <TableHead>Production answer</TableHead>
              <TableHead className="text-right">Calls</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.position} data-testid="backtest-item-row">
                <TableCell className="font-mono text-xs">{item.position + 1}</TableCell>
                <TableCell className="text-xs">{item.stratum}</TableCell>
                <TableCell className="max-w-md truncate font-mono text-xs">
                  {shownText(item.input)}
                </TableCell>
                <TableCell className="max-w-md truncate font-mono text-xs">
                  {item.output ?? <span className="text-muted-foreground">none</span>}
                </TableCell>
                <TableCell className="text-right font-mono">{item.calls}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="outline"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={nextOffset === null}
            onClick={() => nextOffset !== null && setOffset(nextOffset)}
          >
            Next
          </Button>
        </div>
      </section>
    </div>
  );
}
