import { LoaderCircle } from 'lucide-react';
import { Button } from '../../components/ui/button';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { fmtCount, fmtUsd } from '../../lib/format';
import { useChannelQuery } from '../../query/channel-query';
import { goTo, interactionsHref } from './interactions-route';
import { fmtTime } from './interactions-table';

const PAGE_SIZE = 50;

/** Sessions seen in traces and interactions, most recently active first. */
export function SessionsList({ user, offset }: { user: string | null; offset: number }) {
  const list = useChannelQuery('sessions.list', {
    ...(user ? { userId: user } : {}),
    offset,
    limit: PAGE_SIZE,
  });
  if (list.error)
    return <p className="px-8 py-5 text-sm text-destructive">{list.error.toString()}</p>;
  if (!list.data) return <LoaderCircle className="mx-8 my-5 size-4 animate-spin" />;
  if (list.data.items.length === 0)
    return (
      <div
        className="mx-8 my-5 rounded-md border border-dashed p-6 text-sm"
        data-testid="sessions-empty"
      >
        No sessions yet. Tag calls with the <code>x-assay-session</code> header on the gateway, or
        give interactions a <code>sessionId</code>, and each conversation shows here as one thread.
      </div>
    );
  return (
    <div className="flex flex-col gap-3 px-8 py-5">
      <Table data-testid="sessions-list">
        <TableHeader>
          <TableRow>
            <TableHead>Session</TableHead>
            <TableHead>User</TableHead>
            <TableHead className="text-right">Interactions</TableHead>
            <TableHead className="text-right">Traces</TableHead>
            <TableHead className="text-right">Cost</TableHead>
            <TableHead>First</TableHead>
            <TableHead>Last</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.data.items.map((s) => (
            <TableRow key={s.id} data-testid={`session-row-${s.id}`}>
              <TableCell>
                <a
                  href={`#${interactionsHref.session(s.id)}`}
                  className="font-medium hover:underline"
                >
                  {s.id}
                </a>
              </TableCell>
              <TableCell className="text-xs">{s.userId ?? '-'}</TableCell>
              <TableCell className="text-right">{fmtCount(s.interactionCount)}</TableCell>
              <TableCell className="text-right">{fmtCount(s.traceCount)}</TableCell>
              <TableCell className="text-right" data-testid="session-cost">
                {fmtUsd(s.costUsd)}
                {s.unpricedCount > 0 ? ` + ${s.unpricedCount} unpriced` : ''}
              </TableCell>
              <TableCell className="text-xs text-muted-foreground">{fmtTime(s.firstAt)}</TableCell>
              <TableCell className="text-xs text-muted-foreground">{fmtTime(s.lastAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="flex gap-2">
        <Button
          variant="outline"
          size="xs"
          disabled={offset === 0}
          onClick={() => goTo(interactionsHref.sessions(user, Math.max(0, offset - PAGE_SIZE)))}
        >
          Previous
        </Button>
        <Button
          variant="outline"
          size="xs"
          disabled={list.data.nextOffset === null}
          onClick={() => goTo(interactionsHref.sessions(user, list.data.nextOffset ?? offset))}
        >
          Next
        </Button>
      </div>
    </div>
  );
}
