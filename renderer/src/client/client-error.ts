import type { ErrorCode, ErrorPayload } from '../../../shared/errors';

/** A failed call, carrying the coded error the core returned (or INTERNAL for transport faults). */
export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.details = details;
  }

  static fromPayload(payload: ErrorPayload): ClientError {
    return new ClientError(payload.code, payload.message, payload.details);
  }

  /** `CODE: message`, the form shown to users and in toasts. */
  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Anything thrown by a call, as a ClientError; unknown failures become INTERNAL. */
export function toClientError(err: unknown): ClientError {
  if (err instanceof ClientError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ClientError('INTERNAL', message);
}
