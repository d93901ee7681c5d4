import type { CoreServices } from '../core-services';
import type { Handlers } from '../dispatcher';

type ReviewChannel =
  | 'reviewQueues.list'
  | 'reviewQueues.create'
  | 'reviewQueues.get'
  | 'reviewQueues.archive'
  | 'reviewQueues.fill'
  | 'reviewQueues.assign'
  | 'reviewQueues.agreement'
  | 'review.items'
  | 'review.next'
  | 'review.item'
  | 'review.submit'
  | 'review.skip';

export function reviewHandlers(services: CoreServices): Pick<Handlers, ReviewChannel> {
  const review = services.review;
  return {
    'reviewQueues.list': async (input) => ({ queues: await review.listQueues(input) }),
    'reviewQueues.create': (input) => review.createQueue(input),
    'reviewQueues.get': ({ id }) => review.getQueue(id),
    'reviewQueues.archive': (input) => review.archiveQueue(input),
    'reviewQueues.fill': (input) => review.fill(input),
    'reviewQueues.assign': (input) => review.assign(input),
    'reviewQueues.agreement': ({ id }) => review.agreement(id),
    'review.items': async (input) => ({ items: await review.reviewerItems(input) }),
    'review.next': async (input) => ({ item: await review.next(input) }),
    'review.item': ({ id }) => review.item(id),
    'review.submit': (input) => review.submit(input),
    'review.skip': async (input) => ({ item: await review.skip(input) }),
  };
}
