import type { CostFilter, CostModel } from '../../../shared/contract/costs';
import { PROVIDER_IDS } from '../../../shared/contract';
import { AssayError } from '../../../shared/errors';
import { parseTimeOption } from './traces-options';

/** Keys `assay costs … --filter key=value` accepts, and the filter field each sets. */
export const COST_FILTER_KEYS = [
  'provider',
  'model',
  'source',
  'prompt',
  'tag',
  'user',
  'session',
] as const;

const usage = (flag: string, message: string): AssayError =>
  new AssayError('VALIDATION_FAILED', `${flag}: ${message}`, {
    issues: [{ path: flag, message }],
  });

export const missingFlag = (flag: string, example: string): AssayError =>
  usage(flag, `is required (${example})`);

/** `PROVIDER:MODEL` (the model may hold colons itself: `bedrock:anthropic.claude…:0`). */
export function parseModelOption(flag: string, raw: string): CostModel {
  const colon = raw.indexOf(':');
  const provider = colon > 0 ? raw.slice(0, colon).trim() : '';
  const model = colon > 0 ? raw.slice(colon + 1).trim() : '';
  if (!(PROVIDER_IDS as readonly string[]).includes(provider) || model === '')
    throw usage(
      flag,
      `must be PROVIDER:MODEL with PROVIDER one of ${PROVIDER_IDS.join(', ')} (openai:gpt-4o-mini), got "${raw}"`,
    );
  return { provider: provider as CostModel['provider'], model };
}

/** The range: `--since` required, `--until` default now; both a duration or an ISO time. */
export function rangeFrom(
  options: { readonly since?: string; readonly until?: string },
  now = Date.now(),
): { from: string; to: string } {
  if (!options.since) throw missingFlag('--since', '30d, 24h or an ISO time');
  return {
    from: parseTimeOption('--since', options.since, now),
    to: options.until
      ? parseTimeOption('--until', options.until, now)
      : new Date(now).toISOString(),
  };
}

export function costFilterFrom(entries: readonly string[] = []): CostFilter {
  const filter: { -readonly [K in keyof CostFilter]: CostFilter[K] } = {};
  const tags: string[] = [];
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const key = eq > 0 ? entry.slice(0, eq).trim() : '';
    const value = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!(COST_FILTER_KEYS as readonly string[]).includes(key) || value === '')
      throw usage(
        '--filter',
        `takes key=value with key one of ${COST_FILTER_KEYS.join(', ')}; got "${entry}"`,
      );
    switch (key as (typeof COST_FILTER_KEYS)[number]) {
      case 'provider':
        filter.provider = value;
        break;
      case 'model':
        filter.model = value;
        break;
      case 'source':
        filter.source = value as CostFilter['source'];
        break;
      case 'prompt':
        filter.promptVersionId = value;
        break;
      case 'tag':
        tags.push(value);
        break;
      case 'user':
        filter.userId = value;
        break;
      case 'session':
        filter.sessionId = value;
        break;
    }
  }
  if (tags.length > 0) filter.tags = tags;
  return filter;
}

/** The flag a contract field came from, for errors the core raises about the input. */
function flagOf(path: string): string {
  if (path === 'from') return '--since';
  if (path === 'to') return '--until';
  if (path.startsWith('target') || path.startsWith('model')) return '--model';
  if (path.startsWith('filter')) return '--filter';
  if (path === 'limit') return '--limit';
  return path;
}

/** A coded error about a contract field, restated to name the flag that set it. */
export function namingFlags(err: unknown, where: string): unknown {
  if (!(err instanceof AssayError)) return err;
  const issues = (err.details as { issues?: { path: string; message: string }[] } | undefined)
    ?.issues;
  const first = issues?.[0];
  if (!first || first.path.startsWith('--')) return err;
  return new AssayError(err.code, `${where}: ${flagOf(first.path)}: ${first.message}`, {
    issues: issues.map((i) => ({ path: flagOf(i.path), message: i.message })),
  });
}
