import { Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { BacktestScheduleView } from '../../../../shared/contract/backtests';
import { Button } from '../../components/ui/button';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { backtestsHref } from './backtests-route';
import { WEEKDAYS } from './run-form';

const when = (s: BacktestScheduleView) =>
  s.cadence === 'weekly' ? `${WEEKDAYS[s.weekday ?? 0]}s at ${s.at} UTC` : `daily at ${s.at} UTC`;

/** A set's schedules: when each runs next, its last run, and a way to stop it. */
export function SchedulesTable({ setId }: { setId: string }) {
  const schedules = (useChannelQuery('backtests.schedules.list', {}).data?.schedules ?? []).filter(
    (s) => s.setId === setId,
  );
  const remove = useChannelMutation('backtests.schedules.delete');
  if (schedules.length === 0) return null;
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Schedules</h3>
      <Table data-testid="backtest-schedules">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Runs</TableHead>
            <TableHead>Alerts below</TableHead>
            <TableHead>Next run</TableHead>
            <TableHead>Last run</TableHead>
            <TableHead className="w-10" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {schedules.map((s) => (
            <TableRow key={s.id} data-testid="backtest-schedule-row">
              <TableCell>{s.name}</TableCell>
              <TableCell className="text-xs">{when(s)}</TableCell>
              <TableCell className="font-mono text-xs">{`-${s.alertBelow}`}</TableCell>
              <TableCell className="font-mono text-xs">{s.nextRunAt ?? '-'}</TableCell>
              <TableCell className="text-xs">
                {s.lastRunId ? (
                  <a
                    href={`#${backtestsHref.run(s.lastRunId)}`}
                    className="text-primary hover:underline"
                  >
                    open
                  </a>
                ) : (
                  <span className="text-muted-foreground">not yet</span>
                )}
              </TableCell>
              <TableCell>
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={`Delete schedule ${s.name}`}
                  data-testid="backtest-schedule-delete"
                  onClick={() =>
                    remove.mutate({ id: s.id }, { onError: (err) => toast.error(err.toString()) })
                  }
                >
                  <Trash2 />
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
