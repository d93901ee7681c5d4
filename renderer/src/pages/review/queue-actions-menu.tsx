import { Archive, ArchiveRestore, Ellipsis, ListPlus, Users } from 'lucide-react';
import { useState, type SyntheticEvent } from 'react';
import { toast } from 'sonner';
import type { ReviewQueueView } from '../../../../shared/contract';
import { Button } from '../../components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../components/ui/dropdown-menu';
import { useChannelMutation } from '../../query/channel-query';
import { AssignDialog } from './assign-dialog';
import { refillSource } from './queue-actions';

/** The row opens its queue on a click or Enter: what happens in the menu stays in the menu. */
const contain = (e: SyntheticEvent) => e.stopPropagation();

/**
 * A queue's actions, from its row: hand its open items to reviewers, fill it again with the
 * rule or filter it keeps (what is queued already is not added twice), archive or restore it.
 */
export function QueueActionsMenu({
  queue,
  refillLabel,
}: {
  queue: ReviewQueueView;
  /** The kept rule or filter in a few words ("Accuracy ≤ 35"). */
  refillLabel: string;
}) {
  const [assigning, setAssigning] = useState(false);
  const invalidates = ['reviewQueues', 'review'];
  const fill = useChannelMutation('reviewQueues.fill', { invalidates });
  const archive = useChannelMutation('reviewQueues.archive', { invalidates });
  const source = refillSource(queue);

  const refill = () => {
    if (!source) return;
    fill.mutate(
      { queueId: queue.id, source },
      {
        onSuccess: (done) =>
          toast.success(
            `${queue.name}: ${done.added} added of ${done.matched} matching (${done.alreadyQueued} already queued)`,
          ),
        onError: (err) => toast.error(err.toString()),
      },
    );
  };
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: queue.id, archived },
      {
        onSuccess: () => toast.success(`${archived ? 'Archived' : 'Restored'} ${queue.name}`),
        onError: (err) => toast.error(err.toString()),
      },
    );

  return (
    <div onClick={contain} onKeyDown={contain}>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={`Actions of ${queue.name}`}
            data-testid={`queue-actions-${queue.id}`}
          >
            <Ellipsis />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem
            data-testid="queue-assign"
            disabled={queue.archived}
            onSelect={() => setAssigning(true)}
          >
            <Users />
            Assign reviewers…
          </DropdownMenuItem>
          <DropdownMenuItem
            data-testid="queue-refill"
            disabled={source === null || queue.archived || fill.isPending}
            onSelect={refill}
          >
            <ListPlus />
            {source === null ? 'Refill (filled by hand)' : `Refill: ${refillLabel}`}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem
            data-testid="queue-archive"
            disabled={archive.isPending}
            onSelect={() => setArchived(!queue.archived)}
          >
            {queue.archived ? <ArchiveRestore /> : <Archive />}
            {queue.archived ? 'Restore' : 'Archive'}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {assigning ? <AssignDialog queue={queue} onClose={() => setAssigning(false)} /> : null}
    </div>
  );
}
