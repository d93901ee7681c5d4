import { useLocation, useSearch } from 'wouter';
import { PageHeader } from '../page-header';
import { QueueList } from './queue-list';
import { reviewViewOf } from './review-route';
import { ReviewScreen } from './review-screen';

const DESCRIPTION =
  "People score interactions with a grader's scale, by keyboard: queues filled by hand, by a filter or by a score rule.";

/** The Review page: the queues, or one queue's review screen, as the hash says. */
export function ReviewPage() {
  const [location] = useLocation();
  const view = reviewViewOf(location, useSearch());
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="page-review">
      <PageHeader title="Review" description={DESCRIPTION} />
      {view.kind === 'queues' ? (
        <QueueList archived={view.archived} />
      ) : (
        <ReviewScreen
          key={`${view.queueId}\u0000${view.reviewer ?? ''}`}
          queueId={view.queueId}
          reviewerParam={view.reviewer}
          itemId={view.item}
        />
      )}
    </div>
  );
}
