import { decodeUtf8 } from '../../shared/utf8';
import { findJsonTooDeep, MAX_NESTING_DEPTH, TOO_DEEP } from '../kit/nesting-depth';

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly details?: Record<string, unknown> };

/**
 * A request body as JSON: strict UTF-8 (Hono's `text()` would turn bad bytes into U+FFFD and
 * the call would store them), nesting checked on the text before JSON.parse builds anything,
 * then parsed. An empty body is no input. Every refusal names where in the body it is.
 */
export function readJsonBody(bytes: Uint8Array): JsonBody {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      message: `Body is not valid UTF-8: invalid byte at offset ${decoded.offset} (line ${decoded.line})`,
      details: { offset: decoded.offset, line: decoded.line },
    };
  const text = decoded.text;
  if (text.trim() === '') return { ok: true, value: undefined };
  const deep = findJsonTooDeep(text);
  if (deep)
    return {
      ok: false,
      message: `Body: "${deep.path}" ${TOO_DEEP}`,
      details: { path: deep.path, offset: deep.offset, limit: MAX_NESTING_DEPTH },
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `Body is not valid JSON: ${(err as Error).message}` };
  }
}
