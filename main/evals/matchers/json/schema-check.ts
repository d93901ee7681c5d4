import { formatSchemaErrors, type CompiledSchema } from './json-schema';
import { validateOffThread } from '../workers/off-thread';
import type { Bounded } from '../workers/sandbox-protocol';

/** How long validating against a schema with an unbounded `pattern` may take. */
export const SCHEMA_TIMEOUT_MS = 1000;

/**
 * Validates a value; the answer is its error lines (none: valid). Most schemas validate here;
 * one whose `pattern` could backtrack for minutes (see json-schema.ts) validates on a worker,
 * stopped at SCHEMA_TIMEOUT_MS.
 */
export function checkSchema(
  compiled: Extract<CompiledSchema, { ok: true }>,
  schema: unknown,
  value: unknown,
): Promise<Bounded<string[]>> {
  if (compiled.unbounded) return validateOffThread({ schema, value, timeoutMs: SCHEMA_TIMEOUT_MS });
  const errors = compiled.validate(value) ? [] : formatSchemaErrors(compiled.validate.errors);
  return Promise.resolve({ status: 'done', value: errors });
}

/** Why a validation gave no answer, as a "could not judge" reason. */
export function uncheckedReason(check: Exclude<Bounded<string[]>, { status: 'done' }>): string {
  return check.status === 'timed-out'
    ? `could not judge: schema validation timed out after ${SCHEMA_TIMEOUT_MS} ms (a pattern in the schema backtracks)`
    : `could not judge: schema validation failed: ${check.error}`;
}
