import type { FieldValues } from 'react-hook-form';
import { ClientError, toClientError } from '../../client';
import { showSubmitError, type SubmitErrorTarget } from '../../query/contract-form';

/**
 * showSubmitError, also for the refusals that name a field without being validation errors:
 * a name a live grader or scorecard has (CONFLICT), a grader or pinned version that is gone
 * (NOT_FOUND). Each is shown at its field like a validation issue, and only once.
 */
export function showServerError<T extends FieldValues>(
  form: SubmitErrorTarget<T>,
  err: unknown,
): string[] {
  const error = toClientError(err);
  const details = error.details as { issues?: unknown } | undefined;
  const named =
    (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') && Array.isArray(details?.issues);
  return showSubmitError(
    form,
    named ? new ClientError('VALIDATION_FAILED', error.message, error.details) : error,
  );
}
