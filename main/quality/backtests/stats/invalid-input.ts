import { AssayError } from '../../../../shared/errors';

/**
 * The coded error every function here raises for bad input: VALIDATION_FAILED, a message that
 * names the function and the offending field (`values[3]`, `options.level`), and the field as
 * an issue, in the shape shared/errors.ts's validationError gives zod failures.
 */
export function invalidInput(where: string, path: string, message: string): AssayError {
  return new AssayError('VALIDATION_FAILED', `${where}: invalid "${path}": ${message}`, {
    issues: [{ path, message }],
  });
}
