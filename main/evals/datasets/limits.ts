import { AssayError } from '../../../shared/errors';

/** Largest import accepted, in UTF-8 bytes: bigger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Most live cases one dataset may hold: runs, exports and pages stay workable below it. */
export const MAX_CASES = 100_000;

/**
 * Most text an import may store, all cases together. A file within MAX_IMPORT_BYTES can still
 * ask for far more: a promptfoo var list expands into one case per value, each carrying the
 * test's assertions, and `defaultTest` is copied into every case (43,000 values × a 170 kB
 * assertion would be 7 GB, and took the server half a minute before this bound).
 */
export const MAX_STORED_BYTES = 4 * MAX_IMPORT_BYTES;

export function storedTooLarge(where: string, bytes: number): AssayError {
  return new AssayError(
    'PAYLOAD_TOO_LARGE',
    `${where}: the cases would store more than ${bytes} bytes (expanded var lists and shared assertions are copied into each case); the limit is ${MAX_STORED_BYTES} bytes (200 MB)`,
    { bytes, limit: MAX_STORED_BYTES },
  );
}

export function checkImportSize(where: string, content: string): void {
  // Cheap bound first: a UTF-8 byte is at most one UTF-16 unit, a unit at most 3 bytes.
  if (content.length * 3 <= MAX_IMPORT_BYTES) return;
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) throw importTooLarge(where, bytes);
}

export function importTooLarge(where: string, bytes: number): AssayError {
  return new AssayError(
    'PAYLOAD_TOO_LARGE',
    `${where}: the input is ${bytes} bytes; the limit is ${MAX_IMPORT_BYTES} bytes (50 MB)`,
    { bytes, limit: MAX_IMPORT_BYTES },
  );
}

/** `count` undefined: a streaming parser stopped as soon as it passed the limit. */
export function tooManyCases(where: string, count?: number, existing = 0): AssayError {
  const already = existing > 0 ? ` on top of the ${existing} it holds` : '';
  const many = count === undefined ? `more than ${MAX_CASES}` : String(count);
  return new AssayError(
    'PAYLOAD_TOO_LARGE',
    `${where}: ${many} cases${already} would exceed the limit of ${MAX_CASES} cases per dataset`,
    { ...(count === undefined ? {} : { cases: count }), existing, limit: MAX_CASES },
  );
}
