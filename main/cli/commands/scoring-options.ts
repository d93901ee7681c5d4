import type { ScoringFilter } from '../../../shared/contract/scoring-rules';
import { AssayError } from '../../../shared/errors';

/**
 * The flags of `assay scoring create`, read into the fields of `scoringRules.create`. What the
 * flags cannot say wrongly is left to the contract; its issues come back named by the flag
 * that set the field (flagOfPath).
 */

const usage = (flag: string, message: string): AssayError =>
  new AssayError('VALIDATION_FAILED', `${flag} ${message}`, {
    issues: [{ path: flag, message }],
  });

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * `10%` or a fraction from 0 to 1 (`0.1`). A bare number above 1 is refused, not read as a
 * percentage: `--sampling 5` could mean 5% or a mistake, and a rule must not guess.
 */
export function parseSampling(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const digits = percent ? text.slice(0, -1).trim() : text;
  const n = DECIMAL.test(digits) ? Number(digits) : NaN;
  const rate = percent ? n / 100 : n;
  if (!Number.isFinite(rate) || rate < 0 || rate > 1)
    throw usage(
      '--sampling',
      `must be a percentage (10%) or a fraction from 0 to 1 (0.1), got "${raw}"`,
    );
  return rate;
}

/** US dollars a UTC day (`5`, `$0.50`), or `none` for no limit. */
export function parseBudget(raw: string): number | null {
  const text = raw.trim();
  if (text.toLowerCase() === 'none') return null;
  const digits = text.startsWith('$') ? text.slice(1) : text;
  const n = DECIMAL.test(digits) ? Number(digits) : NaN;
  if (!Number.isFinite(n) || n > 1_000_000)
    throw usage(
      '--daily-budget',
      `must be US dollars a day (5, $0.50, at most 1000000) or none for no limit, got "${raw}"`,
    );
  return n;
}

export interface FilterOptions {
  readonly type?: readonly string[];
  readonly prompt?: readonly string[];
  readonly model?: readonly string[];
  readonly tag?: readonly string[];
  readonly user?: readonly string[];
}

/** Repeatable flags (and comma lists: `--tag a,b`) as the rule's filter; unset fields stay out. */
export function filterFrom(options: FilterOptions): ScoringFilter {
  const list = (values: readonly string[] | undefined) => {
    const items = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
    return items.length === 0 ? undefined : items;
  };
  const filter: ScoringFilter = {
    types: list(options.type),
    prompts: list(options.prompt),
    models: list(options.model),
    tags: list(options.tag),
    users: list(options.user),
  };
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined),
  ) as ScoringFilter;
}

const FLAGS: Record<string, string> = {
  name: '--name',
  scorecardId: '--scorecard',
  sampling: '--sampling',
  dailyBudgetUsd: '--daily-budget',
  'filter.types': '--type',
  'filter.prompts': '--prompt',
  'filter.models': '--model',
  'filter.tags': '--tag',
  'filter.users': '--user',
  id: 'RULE',
};

/** `filter.tags.2` → `--tag` (its third value); a path no flag sets stays as it is. */
export function flagOfPath(path: string): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const flag = FLAGS[parts.slice(0, n).join('.')];
    if (flag === undefined) continue;
    const rest = parts.slice(n);
    return rest.length === 1 && /^\d+$/.test(rest[0]!)
      ? `${flag} (value ${Number(rest[0]) + 1})`
      : [flag, ...rest].join('.');
  }
  return path;
}

/**
 * A refusal that names fields (the contract's issues, a taken name, a scorecard not found),
 * told by the flag that set the field: `scoring create: --sampling: …`. The code stays, so the
 * exit code does (2 for bad input, 1 for a conflict or something missing).
 */
export function withFlagNames(err: unknown, where: string): unknown {
  // Refusals of the command itself already say where, and say it better.
  if (!(err instanceof AssayError) || err.message.startsWith(`${where}:`)) return err;
  const details = err.details as { issues?: { path: string; message: string }[] } | undefined;
  const first = details?.issues?.[0];
  if (!first) return err;
  const more = details!.issues!.length > 1 ? ` (and ${details!.issues!.length - 1} more)` : '';
  return new AssayError(
    err.code,
    `${where}: ${flagOfPath(first.path)}: ${first.message}${more}`,
    err.details,
  );
}
