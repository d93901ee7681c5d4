import { useCallback } from 'react';
import { useLocation } from 'wouter';

export const EDITOR_TABS = ['edit', 'history', 'diff', 'preview'] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];

const isTab = (value: string | null): value is EditorTab =>
  (EDITOR_TABS as readonly (string | null)[]).includes(value);

/** What the Prompts page shows, as the hash says: `#/prompts/<name>?version=…&tab=…`. */
export interface PromptView {
  readonly name: string | null;
  /** The version the editor starts from; null is the newest. */
  readonly version: string | null;
  readonly tab: EditorTab;
  /** The Diff tab's compared versions; null picks the two newest. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_VIEW: PromptView = { name: null, version: null, tab: 'edit', from: null, to: null };

/** Names hold "/" (`support/system`): each segment is encoded, the slashes stay readable. */
const encodeName = (name: string) => name.split('/').map(encodeURIComponent).join('/');

export function promptHref(view: Partial<PromptView>): string {
  if (!view.name) return '/prompts';
  const params = new URLSearchParams();
  if (view.version) params.set('version', view.version);
  if (view.tab && view.tab !== 'edit') params.set('tab', view.tab);
  if (view.tab === 'diff' && view.from) params.set('from', view.from);
  if (view.tab === 'diff' && view.to) params.set('to', view.to);
  const query = params.toString();
  return `/prompts/${encodeName(view.name)}${query ? `?${query}` : ''}`;
}

/** The view of a hash location; the query is read inside the hash, where links put it. */
export function promptViewOf(location: string): PromptView {
  const at = location.indexOf('?');
  const path = at < 0 ? location : location.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : location.slice(at + 1));
  const match = /^\/prompts\/(.+)$/.exec(path);
  if (!match?.[1]) return NO_VIEW;
  let name: string;
  try {
    name = match[1].split('/').map(decodeURIComponent).join('/');
  } catch {
    return NO_VIEW;
  }
  const tab = params.get('tab');
  return {
    name,
    version: params.get('version') || null,
    tab: isTab(tab) ? tab : 'edit',
    from: params.get('from') || null,
    to: params.get('to') || null,
  };
}

/** The absolute address of a view, for "Copy link". */
export function promptLink(view: Partial<PromptView>): string {
  const url = new URL(window.location.href);
  url.hash = promptHref(view);
  return url.href;
}

/**
 * The page's view and the two ways to change it: `open` adds a history entry (another prompt,
 * another version: Back returns to it), `adjust` replaces the current one (a tab, the compared
 * versions: Back does not step through every tab visited).
 */
export function usePromptView() {
  const [location] = useLocation();
  const view = promptViewOf(location);
  const open = useCallback((next: Partial<PromptView>) => {
    window.location.hash = promptHref(next);
  }, []);
  const adjust = useCallback((next: Partial<PromptView>) => {
    const url = new URL(window.location.href);
    url.hash = promptHref(next);
    if (url.href === window.location.href) return;
    const oldURL = window.location.href;
    history.replaceState(history.state, '', url.href);
    // wouter's hash location listens for hashchange; replaceState does not send one.
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
  }, []);
  return { view, open, adjust };
}
