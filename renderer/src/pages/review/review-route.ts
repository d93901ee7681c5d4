/** Which part of the Review page the hash names. */
export type ReviewView =
  | { kind: 'queues'; archived: boolean }
  | {
      kind: 'queue';
      queueId: string;
      /** Null: the reviewer name kept in preferences. */
      reviewer: string | null;
      /** Null: the reviewer's next pending item. */
      item: string | null;
    };

const q = encodeURIComponent;

export const reviewHref = {
  queues: (archived = false) => (archived ? '/review?archived=1' : '/review'),
  queue: (queueId: string, reviewer: string | null = null, item: string | null = null) => {
    const params = new URLSearchParams();
    if (reviewer) params.set('reviewer', reviewer);
    if (item) params.set('item', item);
    const text = params.toString();
    return `/review/${q(queueId)}${text ? `?${text}` : ''}`;
  },
};

/**
 * The view of a hash location (`/review`, `/review/<queue>?reviewer=ann&item=<id>`). The query
 * is read inside the hash, where links put it, else from the page's query string.
 */
export function reviewViewOf(location: string, search: string): ReviewView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const get = (name: string) => params.get(name)?.trim() || null;
  const queue = /^\/review\/([^/]+)$/.exec(path);
  if (queue?.[1])
    return {
      kind: 'queue',
      queueId: decodeURIComponent(queue[1]),
      reviewer: get('reviewer'),
      item: get('item'),
    };
  return { kind: 'queues', archived: get('archived') === '1' };
}

/**
 * Opens a view. `replace` swaps the address instead of adding a history entry (the queue's own
 * address becoming that of the item it opened on: Back should not land on a bare queue).
 */
export function goTo(href: string, replace = false): void {
  if (!replace) {
    window.location.hash = href;
    return;
  }
  const oldURL = window.location.href;
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}#${href}`,
  );
  // wouter listens to hashchange; replaceState does not send one.
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}
