import type { ClientError } from '../client';

/**
 * Field-level messages from a VALIDATION_FAILED error, keyed by top-level input field, so the
 * form can mark the offending input as well as showing the toast.
 */
export function fieldErrorsOf(error: ClientError): Record<string, string> {
  if (error.code !== 'VALIDATION_FAILED') return {};
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details)) return {};
  const issues = (details as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.split('.')[0] ?? path;
    out[field] ??= message;
  }
  return out;
}
