import { PROVIDER_IDS, type ProviderId } from '../../../../shared/contract';
import { MAX_COLUMNS } from './types';

/** A column as the URL names it: `provider:model` (the model may hold colons, the provider not). */
export interface ColumnRef {
  readonly provider: ProviderId;
  readonly model: string;
}

/** What the playground's URL holds: `#/playground?prompt=…&version=…&columns=openai:gpt-4o,…`. */
export interface PlaygroundUrl {
  readonly prompt: string | null;
  /** A version (`v1.2`) or a label; null takes what `prompts.get` takes (production, else latest). */
  readonly version: string | null;
  /** Null when the URL names no columns (the last used ones are taken). */
  readonly columns: readonly ColumnRef[] | null;
}

function isProvider(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

export function parseColumns(text: string | null): ColumnRef[] | null {
  if (!text) return null;
  const refs = text.split(',').flatMap((part) => {
    const at = part.indexOf(':');
    const provider = at < 0 ? part : part.slice(0, at);
    // An unknown provider in a hand-edited link is dropped rather than guessed.
    return isProvider(provider) ? [{ provider, model: at < 0 ? '' : part.slice(at + 1) }] : [];
  });
  return refs.length > 0 ? refs.slice(0, MAX_COLUMNS) : null;
}

export function columnsParam(columns: readonly ColumnRef[]): string {
  return columns.map((c) => `${c.provider}:${c.model.trim()}`).join(',');
}

/**
 * The playground's state from the hash location (`/playground?…`, as links and this page write
 * it) or else the page's query (as wouter's navigate would write it).
 */
export function parsePlaygroundUrl(hashLocation: string, search: string): PlaygroundUrl {
  const at = hashLocation.indexOf('?');
  const params = new URLSearchParams(at < 0 ? search : hashLocation.slice(at + 1));
  return {
    prompt: params.get('prompt') || null,
    version: params.get('version') || params.get('label') || null,
    columns: parseColumns(params.get('columns')),
  };
}

/** `/playground?prompt=…&version=…&columns=…`, leaving out what is unset. */
export function playgroundHref(url: PlaygroundUrl): string {
  const params = new URLSearchParams();
  if (url.prompt) params.set('prompt', url.prompt);
  if (url.prompt && url.version) params.set('version', url.version);
  if (url.columns) params.set('columns', columnsParam(url.columns));
  const query = params.toString();
  // Readable links: colons and commas need no escaping inside a hash.
  return `/playground${query ? `?${query.replace(/%3A/g, ':').replace(/%2C/g, ',')}` : ''}`;
}
