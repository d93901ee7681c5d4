import { LoaderCircle, Plus } from 'lucide-react';
import { useState } from 'react';
import type { ReviewQueueView } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
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
import { useChannelQuery } from '../../query/channel-query';
import { NewQueueDialog } from './new-queue-dialog';
import { QueueActionsMenu } from './queue-actions-menu';
import { ReviewerName } from './reviewer-name';
import { goTo, reviewHref } from './review-route';

const FILLED_BY: Record<NonNullable<ReviewQueueView['filledBy']>, string> = {
  hand: 'by hand',
  filter: 'by filter',
  rule: 'by rule',
};

/** What the queue was last filled with, in a few words ("Accuracy ≤ 35"). */
function fillText(queue: ReviewQueueView, graderNames: ReadonlyMap<string, string>): string {
  if (queue.filledBy === null) return 'empty';
  const rule = queue.rule;
  if (rule?.kind === 'rule') {
    const op = { lte: '≤', lt: '<', gte: '≥', gt: '>', eq: '=' }[rule.rule.op];
    return `${graderNames.get(rule.rule.graderId) ?? 'score'} ${op} ${rule.rule.value}`;
  }
  return FILLED_BY[queue.filledBy];
}

function QueueRow({
  queue,
  reviewer,
  graderNames,
}: {
  queue: ReviewQueueView;
  reviewer: string | null;
  graderNames: ReadonlyMap<string, string>;
}) {
  const mine = reviewer ? queue.reviewers.find((r) => r.reviewer === reviewer) : undefined;
  const open = () => goTo(reviewHref.queue(queue.id));
  return (
    <TableRow
      className="cursor-pointer"
      data-testid={`queue-row-${queue.id}`}
      tabIndex={0}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter') open();
      }}
    >
      <TableCell className="font-medium">
        {queue.name}
        {queue.archived ? (
          <Badge variant="outline" className="ml-2">
            archived
          </Badge>
        ) : null}
      </TableCell>
      <TableCell>{queue.graderName}</TableCell>
      <TableCell className="text-muted-foreground">{fillText(queue, graderNames)}</TableCell>
      <TableCell className="tabular-nums">
        <span data-testid="queue-pending">{queue.counts.pending}</span>
        {queue.counts.unassigned > 0 ? (
          <span className="text-muted-foreground"> ({queue.counts.unassigned} open to anyone)</span>
        ) : null}
      </TableCell>
      <TableCell className="tabular-nums" data-testid="queue-completed">
        {queue.counts.completed} / {queue.counts.total}
      </TableCell>
      <TableCell className="tabular-nums">
        {mine ? `${mine.completed} done, ${mine.pending} to go` : '—'}
      </TableCell>
      <TableCell className="text-muted-foreground" data-testid="queue-reviewers">
        {queue.reviewers.map((r) => r.reviewer).join(', ') || '—'}
      </TableCell>
      <TableCell className="w-10 text-right">
        <QueueActionsMenu
          queue={queue}
          refillLabel={queue.rule?.kind === 'filter' ? 'its filter' : fillText(queue, graderNames)}
        />
      </TableCell>
    </TableRow>
  );
}

/** The review queues, newest first, with the way to a new one and the reviewer's name. */
export function QueueList({ archived }: { archived: boolean }) {
  const list = useChannelQuery('reviewQueues.list', { includeArchived: archived });
  const reviewer = useSettings().view?.preferences.reviewerName ?? null;
  const graders = useChannelQuery('graders.list', { includeArchived: true }).data?.graders;
  const graderNames = new Map((graders ?? []).map((g) => [g.id, g.name]));
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex flex-col gap-4 px-8 py-5" data-testid="review-queues">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ReviewerName />
        <div className="flex items-center gap-4">
          <div className="flex items-center gap-2">
            <Checkbox
              id="review-archived"
              checked={archived}
              onCheckedChange={(on) => goTo(reviewHref.queues(on === true))}
            />
            <Label htmlFor="review-archived" className="text-xs">
              Show archived
            </Label>
          </div>
          <Button size="sm" data-testid="new-queue" onClick={() => setCreating(true)}>
            <Plus /> New queue
          </Button>
        </div>
      </div>
      {list.error ? (
        <p className="text-sm text-destructive">{list.error.toString()}</p>
      ) : !list.data ? (
        <LoaderCircle className="size-4 animate-spin" />
      ) : list.data.queues.length === 0 ? (
        <div className="rounded-md border border-dashed p-6 text-sm" data-testid="queues-empty">
          <p className="font-medium">No review queues yet.</p>
          <p className="mt-1 text-muted-foreground">
            A queue holds interactions for people to score with one grader: pick them by hand, by a
            filter, or by a rule such as “Accuracy at or below 35”.
          </p>
        </div>
      ) : (
        <Table data-testid="queues-table">
          <TableHeader>
            <TableRow>
              <TableHead>Queue</TableHead>
              <TableHead>Grader</TableHead>
              <TableHead>Filled</TableHead>
              <TableHead>Pending</TableHead>
              <TableHead>Completed</TableHead>
              <TableHead>{reviewer ? `You (${reviewer})` : 'You'}</TableHead>
              <TableHead>Reviewers</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.queues.map((queue) => (
              <QueueRow
                key={queue.id}
                queue={queue}
                reviewer={reviewer}
                graderNames={graderNames}
              />
            ))}
          </TableBody>
        </Table>
      )}
      <NewQueueDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(id) => {
          setCreating(false);
          goTo(reviewHref.queue(id));
        }}
      />
    </div>
  );
}
