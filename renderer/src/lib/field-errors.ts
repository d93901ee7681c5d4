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

function isPathMessage(value: unknown): value is { path: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as { path?: unknown; message?: unknown };
  return typeof path === 'string' && typeof message === 'string';
}

/**
 * Like fieldErrorsOf, but each message names where inside the field it applies
 * (`matchers[0].value: give either value…`), for fields that hold a list or an object. The
 * core's `problems` spell paths as written in files; zod's `issues` are the fallback.
 */
export function fieldProblemsOf(error: ClientError): Record<string, string> {
  if (error.code !== 'VALIDATION_FAILED') return {};
  const details = error.details;
  if (typeof details !== 'object' || details === null) return {};
  const { problems, issues } = details as { problems?: unknown; issues?: unknown };
  const list = (Array.isArray(problems) ? problems : Array.isArray(issues) ? issues : []).filter(
    isPathMessage,
  );
  const out: Record<string, string> = {};
  for (const { path, message } of list) {
    const field = path.split(/[.[]/)[0] ?? path;
    out[field] ??= path === field ? message : `${path}: ${message}`;
  }
  return out;
}
