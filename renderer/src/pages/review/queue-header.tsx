import type { ReactNode } from 'react';
import type { ReviewItemView } from '../../../../shared/contract';
import { useChannelQuery } from '../../query/channel-query';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What the agreement figures say, in one line. */
function AgreementText({ queueId }: { queueId: string }) {
  const agreement = useChannelQuery('reviewQueues.agreement', { id: queueId }).data;
  if (!agreement) return null;
  if (agreement.pairableItems === 0)
    return <span>Agreement: no item scored by two reviewers yet</span>;
  return (
    <span data-testid="review-agreement">
      Agreement: α {agreement.alpha === null ? '—' : agreement.alpha.toFixed(2)} · exact{' '}
      {agreement.exactAgreement === null ? '—' : percent(agreement.exactAgreement)} over{' '}
      {agreement.pairableItems} items, {agreement.reviewers.length} reviewers
    </span>
  );
}

/** The queue under review: its name and grader, where the reviewer is in it, and agreement. */
export function QueueHeader({
  queueId,
  reviewer,
  position,
  mine,
  back,
}: {
  queueId: string;
  reviewer: string;
  /** 1-based place of the open item among the reviewer's; null when none is open. */
  position: number | null;
  mine: readonly ReviewItemView[];
  back: ReactNode;
}) {
  const queue = useChannelQuery('reviewQueues.get', { id: queueId }).data;
  const completed = mine.filter((i) => i.state === 'completed').length;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b px-8 py-2.5 text-xs">
      {back}
      <span className="text-sm font-medium" data-testid="review-queue-name">
        {queue?.name ?? '…'}
      </span>
      {queue ? <span className="text-muted-foreground">{queue.graderName}</span> : null}
      <span className="tabular-nums" data-testid="review-progress">
        {position === null ? '—' : `Item ${position} of ${mine.length}`} · {completed} done
      </span>
      <span className="text-muted-foreground">
        Reviewing as <span className="font-medium text-foreground">{reviewer}</span>
      </span>
      <span className="ml-auto text-muted-foreground">
        <AgreementText queueId={queueId} />
      </span>
    </div>
  );
}
