import type { InteractionView } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import { cn } from '../../lib/utils';
import { FeedbackList } from './feedback-chips';
import { interactionsHref, type InteractionsQuery } from './interactions-route';
import { previewText } from './payload-text';

export const fmtTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The interactions of one page, newest first; a row opens its detail beside the list. */
export function InteractionsTable({
  items,
  query,
  selected,
}: {
  items: readonly InteractionView[];
  query: InteractionsQuery;
  selected: string | null;
}) {
  return (
    <Table data-testid="interactions-table">
      <TableHeader>
        <TableRow>
          <TableHead>Type</TableHead>
          <TableHead>Input</TableHead>
          <TableHead>Output</TableHead>
          <TableHead>User</TableHead>
          <TableHead>Session</TableHead>
          <TableHead>Tags</TableHead>
          <TableHead>Feedback</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow
            key={item.id}
            data-testid={`interaction-row-${item.id}`}
            data-type={item.type}
            data-state={item.id === selected ? 'selected' : undefined}
            className={cn('cursor-pointer', item.id === selected && 'bg-muted')}
            onClick={() => {
              window.location.hash = interactionsHref.detail(item.id, query);
            }}
          >
            <TableCell>
              <a
                href={`#${interactionsHref.detail(item.id, query)}`}
                className="font-medium hover:underline"
                data-testid="interaction-open"
              >
                {item.type}
              </a>
            </TableCell>
            <TableCell className="max-w-64 truncate" title={previewText(item.input, 500)}>
              {previewText(item.input)}
            </TableCell>
            <TableCell className="max-w-64 truncate" title={previewText(item.output, 500)}>
              {previewText(item.output)}
            </TableCell>
            <TableCell className="text-xs">{item.userId ?? '-'}</TableCell>
            <TableCell className="text-xs">
              {item.sessionId ? (
                <a
                  href={`#${interactionsHref.session(item.sessionId)}`}
                  className="hover:underline"
                  onClick={(e) => e.stopPropagation()}
                >
                  {item.sessionId}
                </a>
              ) : (
                '-'
              )}
            </TableCell>
            <TableCell>
              <span className="inline-flex flex-wrap gap-1">
                {item.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
              </span>
            </TableCell>
            <TableCell>
              <FeedbackList feedback={item.feedback} />
            </TableCell>
            <TableCell className="text-xs whitespace-nowrap text-muted-foreground">
              {fmtTime(item.createdAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
