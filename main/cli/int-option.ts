import { AssayError } from '../../shared/errors';

/** An integer flag (`--limit 20`) within bounds; anything else is a usage error naming the flag. */
export function intOption(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new AssayError(
      'VALIDATION_FAILED',
      `${flag} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
  return n;
}
