import type { TraceFilter } from '../../../shared/contract/traces';
import { AssayError } from '../../../shared/errors';

/** The options `assay traces export` and `assay traces tail` share. */
export interface TraceFilterOptions {
  readonly since?: string;
  readonly until?: string;
  readonly filter?: readonly string[];
  readonly search?: string;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `30m`, `24h`, `7d`, `2w` (before `now`), or an ISO time with an offset; else a usage error. */
export function parseTimeOption(flag: string, raw: string, now = Date.now()): string {
  const duration = /^(\d{1,6})([smhdw])$/.exec(raw.trim());
  if (duration)
    return new Date(
      now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS],
    ).toISOString();
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(
    raw.trim(),
  );
  const t = Date.parse(raw.trim());
  if (!iso || Number.isNaN(t))
    throw new AssayError(
      'VALIDATION_FAILED',
      `${flag} must be a duration (30m, 24h, 7d, 2w) or an ISO time (2026-12-06 or 2026-12-06T10:00:00Z), got "${raw}"`,
      { field: flag },
    );
  return new Date(t).toISOString();
}

/** Keys `--filter key=value` accepts, and the field of `traces.list`'s filter each sets. */
export const FILTER_KEYS = [
  'source',
  'provider',
  'model',
  'status',
  'user',
  'session',
  'tag',
  'prompt',
  'min-cost',
  'max-cost',
  'min-latency',
  'max-latency',
] as const;

function number(key: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new AssayError(
      'VALIDATION_FAILED',
      `--filter ${key} must be a number of at least 0, got "${value}"`,
      {
        field: `--filter ${key}`,
      },
    );
  return n;
}

/**
 * The `traces.list` filter the flags describe. Values are checked again by the contract (an
 * unknown status or source is a coded error naming the field); this names the flag first.
 */
export function traceFilterFrom(options: TraceFilterOptions, now = Date.now()): TraceFilter {
  const filter: { -readonly [K in keyof TraceFilter]: TraceFilter[K] } = {};
  const tags: string[] = [];
  if (options.since) filter.from = parseTimeOption('--since', options.since, now);
  if (options.until) filter.to = parseTimeOption('--until', options.until, now);
  if (options.search?.trim()) filter.search = options.search.trim();
  for (const entry of options.filter ?? []) {
    const eq = entry.indexOf('=');
    const key = eq > 0 ? entry.slice(0, eq).trim() : '';
    const value = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!(FILTER_KEYS as readonly string[]).includes(key) || value === '')
      throw new AssayError(
        'VALIDATION_FAILED',
        `--filter takes key=value with key one of ${FILTER_KEYS.join(', ')}; got "${entry}"`,
        { field: '--filter' },
      );
    switch (key as (typeof FILTER_KEYS)[number]) {
      case 'source':
        filter.source = value as TraceFilter['source'];
        break;
      case 'provider':
        filter.provider = value;
        break;
      case 'model':
        filter.model = value;
        break;
      case 'status':
        filter.status = value as TraceFilter['status'];
        break;
      case 'user':
        filter.userId = value;
        break;
      case 'session':
        filter.sessionId = value;
        break;
      case 'tag':
        tags.push(value);
        break;
      case 'prompt':
        filter.promptVersionId = value;
        break;
      case 'min-cost':
        filter.minCostUsd = number(key, value);
        break;
      case 'max-cost':
        filter.maxCostUsd = number(key, value);
        break;
      case 'min-latency':
        filter.minLatencyMs = number(key, value);
        break;
      case 'max-latency':
        filter.maxLatencyMs = number(key, value);
        break;
    }
  }
  if (tags.length) filter.tags = tags;
  return filter;
}

/** Commander collector for a repeatable option. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
