import { CheckCheck } from 'lucide-react';
import { useState } from 'react';
import { formatPulseValue, type AlertView } from '../../../../shared/contract/pulse';
import { Badge } from '../../components/ui/badge';
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
import { cn } from '../../lib/utils';
import { useChannelMutation, useChannelQuery } from '../../query/channel-query';
import { AlertDetail } from './alert-detail';
import { pulseHref } from './pulse-route';

function goTo(href: string): void {
  window.location.hash = href;
}

/** The alert inbox: newest first, unread in bold, one opened beside the list (and marked read). */
export function AlertInbox({
  selected,
  unreadOnly,
}: {
  selected: string | null;
  unreadOnly: boolean;
}) {
  const list = useChannelQuery('pulse.alerts.list', { unreadOnly, limit: 200 });
  const markRead = useChannelMutation('pulse.alerts.markRead');
  // The alert last opened stays open when marking it read drops it from an unread-only list.
  const [opened, setOpened] = useState<AlertView | null>(null);
  const alerts = list.data?.alerts ?? [];
  const open = alerts.find((a) => a.id === selected) ?? (opened?.id === selected ? opened : null);
  const openAlert = (alert: AlertView) => {
    setOpened(alert);
    goTo(pulseHref.alert(alert.id, unreadOnly));
    if (!alert.read) markRead.mutate({ ids: [alert.id] });
  };
  return (
    <div className="flex min-h-0 flex-1 gap-6 px-8 py-5">
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex items-center gap-4">
          <div className="flex items-center gap-2">
            <Checkbox
              id="pulse-unread-only"
              checked={unreadOnly}
              data-testid="pulse-unread-only"
              onCheckedChange={(v) => goTo(pulseHref.inbox(v === true))}
            />
            <Label htmlFor="pulse-unread-only" className="text-xs">
              Unread only
            </Label>
          </div>
          <span className="text-xs text-muted-foreground" data-testid="pulse-unread-count">
            {list.data ? `${list.data.unread} unread` : ''}
          </span>
          <Button
            size="sm"
            variant="outline"
            className="ml-auto"
            data-testid="pulse-mark-all-read"
            disabled={!list.data || list.data.unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            <CheckCheck />
            Mark all read
          </Button>
        </div>
        {list.data && alerts.length === 0 ? (
          <p
            className="rounded-lg border px-4 py-6 text-sm text-muted-foreground"
            data-testid="pulse-inbox-empty"
          >
            No alerts. Rules on the Rules tab alert here (and on their webhooks) when a window of
            traffic breaks their condition.
          </p>
        ) : (
          <Table data-testid="pulse-inbox">
            <TableHeader>
              <TableRow>
                <TableHead>Rule</TableHead>
                <TableHead>Value</TableHead>
                <TableHead>Window</TableHead>
                <TableHead>Fired</TableHead>
                <TableHead>Webhooks</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {alerts.map((a) => (
                <TableRow
                  key={a.id}
                  data-testid="pulse-alert-row"
                  data-state={a.id === selected ? 'selected' : undefined}
                  className={cn('cursor-pointer', !a.read && 'font-semibold')}
                  onClick={() => openAlert(a)}
                >
                  <TableCell>
                    <a
                      href={`#${pulseHref.alert(a.id, unreadOnly)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        openAlert(a);
                      }}
                    >
                      {a.ruleName}
                    </a>
                  </TableCell>
                  <TableCell className="font-mono text-xs">
                    {formatPulseValue(a.metric, a.value)}
                  </TableCell>
                  <TableCell className="text-xs">
                    {`${new Date(a.window.from).toLocaleTimeString()}–${new Date(a.window.to).toLocaleTimeString()}`}
                  </TableCell>
                  <TableCell className="text-xs">{new Date(a.firedAt).toLocaleString()}</TableCell>
                  <TableCell>
                    {a.deliveries.failed > 0 ? (
                      <Badge variant="destructive">{`${a.deliveries.failed} failed`}</Badge>
                    ) : a.deliveries.pending > 0 ? (
                      <Badge variant="outline">{`${a.deliveries.pending} sending`}</Badge>
                    ) : a.deliveries.delivered > 0 ? (
                      <Badge variant="success">{`${a.deliveries.delivered} delivered`}</Badge>
                    ) : (
                      <span className="text-xs text-muted-foreground">–</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {open ? (
        <aside className="w-[26rem] shrink-0 border-l pl-6">
          <AlertDetail alert={open} />
        </aside>
      ) : null}
    </div>
  );
}
