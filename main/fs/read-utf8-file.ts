import fs from 'node:fs';
import { AssayError, type ErrorCode } from '../../shared/errors';
import { decodeUtf8, invalidUtf8Message } from '../../shared/utf8';

/**
 * A file's bytes as text, refusing invalid UTF-8: `readFileSync(file, 'utf8')` would replace
 * each bad byte with U+FFFD and import the damage silently. The coded error names the file, the
 * line and the byte offset (`cases.csv:3: invalid UTF-8 at byte 41 …`); a byte order mark is
 * dropped. `code`: VALIDATION_FAILED for data files, CONFIG_INVALID for a suite (both exit 2).
 */
export function decodeUtf8File(bytes: Uint8Array, label: string, code: ErrorCode): string {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return decoded.text;
  throw new AssayError(code, invalidUtf8Message(label, decoded), {
    file: label,
    line: decoded.line,
    offset: decoded.offset,
  });
}

/** Reads and decodes `file` (see decodeUtf8File); read errors (missing file…) are thrown as is. */
export function readUtf8File(file: string, label: string, code: ErrorCode): string {
  return decodeUtf8File(fs.readFileSync(file), label, code);
}
