import { Badge } from '../../../components/ui/badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../components/ui/table';
import { useChannelQuery } from '../../../query/channel-query';
import { Pager } from '../../datasets/pager';
import { fmtWhen } from './team-format';
import { AUDIT_PAGE_SIZE, teamHref } from './team-route';

/** The audit log of writes, newest first, a page at a time (the page is in the address). */
export function AuditPanel({ offset }: { offset: number }) {
  const audit = useChannelQuery('auth.audit.list', { offset, limit: AUDIT_PAGE_SIZE });
  const entries = audit.data?.entries ?? [];
  return (
    <div className="flex flex-col gap-3" data-testid="team-audit">
      <div className="flex items-center justify-between gap-4">
        <p className="text-xs text-muted-foreground">
          Every write, by whom and through what; inputs are never kept, only the id they named.
        </p>
        <Pager
          offset={offset}
          limit={AUDIT_PAGE_SIZE}
          total={audit.data?.total ?? 0}
          onOffsetChange={(next) => {
            window.location.hash = `#${teamHref({ tab: 'audit', offset: next })}`;
          }}
        />
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Who</TableHead>
            <TableHead>Via</TableHead>
            <TableHead>Channel</TableHead>
            <TableHead>Target</TableHead>
            <TableHead>Outcome</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="text-xs text-muted-foreground">
                {audit.isPending ? 'Loading…' : 'No writes recorded.'}
              </TableCell>
            </TableRow>
          ) : null}
          {entries.map((entry) => (
            <TableRow key={entry.id} data-testid="audit-row">
              <TableCell className="text-xs whitespace-nowrap">{fmtWhen(entry.at)}</TableCell>
              <TableCell className="text-xs">{entry.userEmail ?? '—'}</TableCell>
              <TableCell className="text-xs">{entry.via}</TableCell>
              <TableCell className="font-mono text-xs" data-testid="audit-channel">
                {entry.channel}
              </TableCell>
              <TableCell className="max-w-48 truncate font-mono text-xs">
                {entry.target ?? ''}
              </TableCell>
              <TableCell>
                {entry.ok ? (
                  <Badge variant="success">ok</Badge>
                ) : (
                  <Badge variant="destructive">{entry.errorCode ?? 'failed'}</Badge>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
