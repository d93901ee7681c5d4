import { alertRoute } from '../../../../shared/app-routes';

/**
 * The parts of the Pulse page:
 *  `#/pulse`, `#/pulse/rules`, `#/pulse/webhooks`.
 */
export type PulseTab = 'inbox' | 'rules' | 'webhooks';

export interface PulseView {
  readonly tab: PulseTab;
  /** The inbox alert opened beside the list (`#/pulse?alert=<id>`). */
  readonly alert: string | null;
  /** `#/pulse?unread=1`: only unread alerts. */
  readonly unreadOnly: boolean;
}

const q = encodeURIComponent;

export const pulseHref = {
  inbox: (unreadOnly = false) => `/pulse${unreadOnly ? '?unread=1' : ''}`,
  alert: (id: string, unreadOnly = false) => `${alertRoute(id)}${unreadOnly ? '&unread=1' : ''}`,
  rules: () => '/pulse/rules',
  webhooks: () => '/pulse/webhooks',
  interaction: (id: string) => `/interactions/${q(id)}`,
  trace: (id: string) => `/traces/${q(id)}`,
};

/** The view of a hash location; the query is read inside the hash, else from the page's. */
export function pulseViewOf(location: string, search: string): PulseView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? search : location.slice(at + 1));
  const tab: PulseTab =
    path === '/pulse/rules' ? 'rules' : path === '/pulse/webhooks' ? 'webhooks' : 'inbox';
  return {
    tab,
    alert: tab === 'inbox' ? params.get('alert')?.trim() || null : null,
    unreadOnly: tab === 'inbox' && params.get('unread') === '1',
  };
}
