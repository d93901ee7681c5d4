import { z } from 'zod';

/**
 * Every error that crosses a transport (IPC, HTTP, CLI) carries one of these codes.
 * The HTTP status and CLI exit code are derived from the code, so all shells agree.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { http: 400, exit: 2 },
  MALFORMED_REQUEST: { http: 400, exit: 2 },
  UNKNOWN_CHANNEL: { http: 404, exit: 2 },
  NOT_FOUND: { http: 404, exit: 1 },
  CONFLICT: { http: 409, exit: 1 },
  UNAUTHORIZED: { http: 401, exit: 1 },
  FORBIDDEN: { http: 403, exit: 1 },
  PAYLOAD_TOO_LARGE: { http: 413, exit: 2 },
  // Too many attempts (logins): details.retryAfterSeconds says when to try again.
  TOO_MANY_REQUESTS: { http: 429, exit: 1 },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, exit: 2 },
  SECRET_STORE_UNAVAILABLE: { http: 503, exit: 1 },
  STORE_UNAVAILABLE: { http: 503, exit: 1 },
  MIGRATION_FAILED: { http: 500, exit: 1 },
  CONFIG_INVALID: { http: 400, exit: 2 },
  PROVIDER_RATE_LIMITED: { http: 429, exit: 1 },
  PROVIDER_UNAVAILABLE: { http: 502, exit: 1 },
  PROVIDER_TIMEOUT: { http: 504, exit: 1 },
  // The provider refused the request itself (its 400/404/422): fixing the request is the remedy.
  PROVIDER_REJECTED: { http: 422, exit: 1 },
  // The provider refused the key: a 502 keeps it apart from Assay's own 401 for its token.
  PROVIDER_AUTH: { http: 502, exit: 1 },
  CANCELLED: { http: 409, exit: 1 },
  INTERNAL: { http: 500, exit: 1 },
} as const satisfies Record<string, { http: number; exit: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** One problem with one field of an input; `path` is dotted (`providers.openai.baseUrl`). */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/** An error raised inside the core that a transport can report as-is. */
export class AssayError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AssayError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].http;
}

export function exitCodeOf(code: ErrorCode): number {
  return ERROR_CODES[code].exit;
}

/** Turns zod issues into field issues and a message that names the first offending field. */
export function validationError(
  where: string,
  issues: readonly z.core.$ZodIssue[],
  code: ErrorCode = 'VALIDATION_FAILED',
): AssayError {
  const fields: FieldIssue[] = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = fields[0] ?? { path: '(input)', message: 'invalid' };
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new AssayError(code, `${where}: invalid "${first.path}": ${first.message}${more}`, {
    issues: fields,
  });
}

/** Normalises anything thrown into a payload without leaking internals of unknown errors. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AssayError) return err.toPayload();
  const parsed = errorPayloadSchema.safeParse(err);
  if (parsed.success) return parsed.data;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Internal error: ${message}` };
}
