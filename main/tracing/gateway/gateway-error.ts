import { httpStatusOf, type ErrorCode } from '../../../shared/errors';
import type { WholeAnswer } from './gateway-exchange';

/** Which wire format a route speaks: its errors take that provider's shape too. */
export type WireFormat = 'openai' | 'anthropic';

/** OpenAI's `error.type` (and Anthropic's) for the statuses the gateway itself answers with. */
const TYPE_OF_STATUS: Record<number, { openai: string; anthropic: string }> = {
  400: { openai: 'invalid_request_error', anthropic: 'invalid_request_error' },
  401: { openai: 'invalid_api_key', anthropic: 'authentication_error' },
  403: { openai: 'permission_error', anthropic: 'permission_error' },
  404: { openai: 'not_found_error', anthropic: 'not_found_error' },
  413: { openai: 'invalid_request_error', anthropic: 'request_too_large' },
  415: { openai: 'invalid_request_error', anthropic: 'invalid_request_error' },
};

/**
 * An answer the gateway gives itself (nothing was forwarded): Assay's coded error
 * `{ ok: false, error: { code, message } }` whose `error` object also has the fields the
 * provider's SDK reads (`type`, `param`; Anthropic's top-level `type: "error"`), so an app sees
 * the message in the exception its SDK throws, and tools that read Assay's shape see the code.
 */
export function gatewayError(
  format: WireFormat,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): WholeAnswer {
  const status = httpStatusOf(code);
  const type =
    TYPE_OF_STATUS[status]?.[format] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  const error =
    format === 'openai' ? { code, message, type, param: null } : { code, message, type };
  const body = format === 'anthropic' ? { ok: false, type: 'error', error } : { ok: false, error };
  return {
    status,
    headers: { ...headers, 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}
