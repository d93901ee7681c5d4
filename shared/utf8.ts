/**
 * Strict UTF-8 decoding for files and request bodies. A lenient decoder (`readFileSync(f,
 * 'utf8')`, `File.text()`, `Request.text()`) silently turns every invalid byte into U+FFFD, so a
 * Latin-1 file imports with its accents replaced and nobody is told. Here invalid input is refused
 * and the first bad byte is named, with its line, so the file can be fixed or re-saved as UTF-8.
 * Pure (TextDecoder exists in Node and in browsers): the workbench uses it before it sends a file.
 */

export type Utf8Outcome =
  | { readonly ok: true; readonly text: string }
  /** `offset`: 0-based byte index of the first byte that starts no valid sequence; `line`: 1-based. */
  | { readonly ok: false; readonly offset: number; readonly line: number };

const isContinuation = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/**
 * Length of the well-formed sequence starting at `i`, or 0 when there is none (Unicode table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return isContinuation(bytes[i + 1]) ? 2 : 0;
  const b1 = bytes[i + 1];
  if (b1 === undefined) return 0;
  if (b >= 0xe0 && b <= 0xef) {
    // E0 must not encode what two bytes can (overlong); ED must not encode a surrogate.
    const low = b === 0xe0 ? 0xa0 : 0x80;
    const high = b === 0xed ? 0x9f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    // F0 must not be overlong; F4 must stay at or below U+10FFFF.
    const low = b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xf4 ? 0x8f : 0xbf;
    return b1 >= low && b1 <= high && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3])
      ? 4
      : 0;
  }
  return 0;
}

/** Offset of the first byte that starts no well-formed UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** 1-based line of byte `offset`: one more than the line feeds before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * Decodes UTF-8, refusing invalid bytes; a leading byte order mark is accepted and dropped.
 * The native fatal decoder does the work; the byte-by-byte scan runs only to locate a failure.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Outcome {
  try {
    // ignoreBOM false (the default): a leading EF BB BF is consumed, not returned as U+FEFF.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    // The native decoder and the scan agree on what is valid; -1 cannot happen, but a refusal
    // must still name a place.
    const at = offset === -1 ? 0 : offset;
    return { ok: false, offset: at, line: lineAt(bytes, at) };
  }
}

/** `FILE:LINE: invalid UTF-8 at byte N …`, the one wording the CLI, server and workbench use. */
export function invalidUtf8Message(
  where: string,
  failure: { readonly offset: number; readonly line: number },
): string {
  return `${where}:${failure.line}: invalid UTF-8 at byte ${failure.offset} (save the file as UTF-8)`;
}
