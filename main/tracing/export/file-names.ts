import crypto from 'node:crypto';

/**
 * Names of the files `assay traces export` writes. Span names and ids come from the user's apps
 * (OTLP, the gateway), so nothing of them reaches a path unfiltered: a name becomes a slug of
 * [a-z0-9-] and an id keeps only [A-Za-z0-9_-], so no separator, `..` or drive letter can
 * survive, and every name stays short enough for any file system.
 */

/** A readable, lower-case fragment of `text` (never empty, at most `max` characters). */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return s || 'unnamed';
}

const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An id as a file name fragment: itself when it is already plain (hex and UUID ids, the usual
 * case, stay greppable), else a slug plus a hash of the whole id, so two ids that differ only
 * in the characters cut out still get two folders.
 */
export function safeId(id: string): string {
  if (PLAIN_ID.test(id)) return id;
  const hash = crypto.createHash('sha256').update(id).digest('hex').slice(0, 12);
  return `${slug(id, 32)}-${hash}`;
}

/** `2026-12-06T10-00-00Z`: UTC, sortable as text, no colon (refused on Windows). */
export function timeStamp(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return 'unknown-time';
  return `${t.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/** `<started>_<name>_<traceId>`: sorts by time in a listing, and a trace id greps to its folder. */
export function traceFolderName(trace: {
  readonly id: string;
  readonly name: string;
  readonly startedAt: string;
}): string {
  return `${timeStamp(trace.startedAt)}_${slug(trace.name, 40)}_${safeId(trace.id)}`;
}

/** `NN-<kind>-<name>.md`, numbered in start order (wide enough that names sort as numbers). */
export function spanFileName(
  index: number,
  count: number,
  span: { readonly kind: string; readonly name: string },
): string {
  const width = Math.max(2, String(count).length);
  return `${String(index + 1).padStart(width, '0')}-${slug(span.kind, 16)}-${slug(span.name, 48)}.md`;
}

/** The span files an export writes, so a re-export can remove the ones it wrote before. */
export const SPAN_FILE_PATTERN = /^\d{2,}-[a-z0-9-]+\.md$/;
