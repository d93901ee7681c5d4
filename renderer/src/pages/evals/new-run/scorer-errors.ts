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

interface FieldErrorLike {
  readonly message?: unknown;
}

/**
 * The issues a failed Start left on the form's added scorers (showSubmitError puts each on
 * `scorers.add.<i>.<option>`, or on `scorers.add.<i>` when the option is not set yet), in the
 * shape the matcher editors show them in.
 */
export function scorerErrorsOfForm(add: unknown): ScorerErrors {
  if (!Array.isArray(add) && (typeof add !== 'object' || add === null)) return NONE;
  const out = new Map<number, Record<string, string>>();
  for (const [key, entry] of Object.entries(add as Record<string, unknown>)) {
    const index = Number(key);
    if (!Number.isInteger(index) || typeof entry !== 'object' || entry === null) continue;
    const found: Record<string, string> = {};
    const own = (entry as FieldErrorLike).message;
    if (typeof own === 'string') found[''] = own;
    for (const [option, error] of Object.entries(entry as Record<string, unknown>)) {
      const message = (error as FieldErrorLike | null)?.message;
      if (option !== 'message' && option !== 'ref' && typeof message === 'string')
        found[option] = message;
    }
    if (Object.keys(found).length > 0) out.set(index, found);
  }
  return out.size > 0 ? out : NONE;
}
