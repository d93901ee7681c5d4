import type { ClientError } from '../../client';

/** Every field issue of a VALIDATION_FAILED error as `path: message`, for inline display. */
export function issuesOf(error: ClientError): string[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const issues = (details as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  const out: string[] = [];
  for (const issue of issues as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    out.push(typeof path === 'string' && path ? `${path}: ${message}` : message);
  }
  return out;
}
