import type { ClientError } from '../../../client';

/** An added scorer's issues by its index, each by option path (`pattern`; '' for the whole). */
export type ScorerErrors = ReadonlyMap<number, Readonly<Record<string, string>>>;

const NONE: ScorerErrors = new Map();

/**
 * The issues a VALIDATION_FAILED answer names inside `scorers.add`, so each shows next to the
 * option of the matcher it is about rather than as one line for the whole form.
 */
export function scorerErrorsOf(error: ClientError | null | undefined): ScorerErrors {
  if (!error || error.code !== 'VALIDATION_FAILED') return NONE;
  const details = error.details;
  const issues =
    typeof details === 'object' && details !== null && 'issues' in details
      ? (details as { issues: unknown }).issues
      : null;
  if (!Array.isArray(issues)) return NONE;
  const out = new Map<number, Record<string, string>>();
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const match = /^scorers\.add\.(\d+)(?:\.(.*))?$/.exec(path);
    if (!match) continue;
    const index = Number(match[1]);
    out.set(index, { ...out.get(index), [match[2] ?? '']: message });
  }
  return out;
}
