import { ArrowLeft, LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { useSettings } from '../../app/settings-context';
import { Button } from '../../components/ui/button';
import { useChannelQuery } from '../../query/channel-query';
import { useQueryTransport } from '../../query/query-transport';
import { QueueHeader } from './queue-header';
import { ReviewerName } from './reviewer-name';
import { ReviewItemPanel } from './review-item-panel';
import { goTo, reviewHref } from './review-route';
import { useReviewKeys } from './use-review-keys';

const NO_TEXT_BOXES: readonly [] = [];

interface ScreenProps {
  readonly queueId: string;
  /** The reviewer the address names; null: the one in preferences. */
  readonly reviewerParam: string | null;
  /** The item the address names; null: the reviewer's next pending one. */
  readonly itemId: string | null;
}

/** One queue under review: the item the address names, or the reviewer's next pending one. */
export function ReviewScreen({ queueId, reviewerParam, itemId }: ScreenProps) {
  const settings = useSettings();
  const reviewer = reviewerParam ?? settings.view?.preferences.reviewerName ?? null;
  const transport = useQueryTransport();
  const href = (item: string | null) => reviewHref.queue(queueId, reviewerParam, item);
  const items = useChannelQuery('review.items', reviewer ? { queueId, reviewer } : null);
  // Always asked afresh: what is next changes with every review, anyone's.
  const next = useChannelQuery(
    'review.next',
    reviewer && itemId === null ? { queueId, reviewer } : null,
    { staleTime: 0 },
  );
  const detail = useChannelQuery('review.item', itemId === null ? null : { id: itemId });

  // The queue's own address opens on the next pending item: the address names it from then on.
  // An answer cached from an earlier visit is shown while the fresh one loads: never follow it.
  const nextId = next.isFetching ? null : (next.data?.item?.item.id ?? null);
  useEffect(() => {
    if (itemId === null && nextId !== null) goTo(href(nextId), true);
  });

  const mine = items.data?.items ?? [];
  const at = itemId === null ? -1 : mine.findIndex((i) => i.id === itemId);
  const move = (step: 1 | -1) => {
    // From the "all done" view (no item), K goes back to the last item.
    const target = at < 0 ? (step < 0 ? mine.length - 1 : -1) : at + step;
    const item = mine[target];
    if (item) goTo(href(item.id));
  };
  const done = async () => {
    if (!reviewer || itemId === null) return;
    const answer = await transport.invoke('review.next', { queueId, reviewer, after: itemId });
    goTo(href(answer.item?.item.id ?? null));
  };

  const back = (
    <Button variant="ghost" size="xs" onClick={() => goTo(reviewHref.queues())}>
      <ArrowLeft /> Queues
    </Button>
  );
  if (!reviewer)
    return (
      <div className="flex flex-col gap-4 px-8 py-5">
        {back}
        <p className="text-sm">Set your reviewer name to start reviewing.</p>
        <ReviewerName />
      </div>
    );
  const error = items.error ?? next.error ?? detail.error;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="review-screen">
      <QueueHeader
        queueId={queueId}
        reviewer={reviewer}
        position={at < 0 ? null : at + 1}
        mine={mine}
        back={back}
      />
      {error ? (
        <p className="px-8 py-5 text-sm text-destructive" role="alert">
          {error.toString()}
        </p>
      ) : itemId === null && !next.isFetching && next.data?.item === null ? (
        <AllDone onBack={() => move(-1)} />
      ) : detail.data && detail.data.item.id === itemId ? (
        <ReviewItemPanel
          key={`${detail.data.item.id}:${detail.data.item.state}`}
          detail={detail.data}
          reviewer={reviewer}
          onMove={move}
          onDone={() => void done()}
        />
      ) : (
        <LoaderCircle className="m-8 size-4 animate-spin" />
      )}
    </div>
  );
}

function AllDone({ onBack }: { onBack: () => void }) {
  useReviewKeys(null, NO_TEXT_BOXES, (action) => {
    if (action.type === 'previous') onBack();
  });
  return (
    <div className="flex flex-col items-start gap-2 px-8 py-5 text-sm" data-testid="review-done">
      <p className="font-medium">Nothing left to review in this queue.</p>
      <Button variant="outline" size="sm" onClick={onBack}>
        Back to the last item (K)
      </Button>
    </div>
  );
}
