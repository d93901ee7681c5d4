import { useState, type FormEvent } from 'react';
import { toClientError } from '../client';
import { fieldErrorsOf } from './field-errors';

/**
 * The submit cycle every dialog form shares: busy while the call runs, then the coded error as
 * one line and the field messages (VALIDATION_FAILED) to mark inputs with.
 */
export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const onSubmit =
    (work: () => Promise<void>) =>
    (event: FormEvent<HTMLFormElement>): void => {
      event.preventDefault();
      setBusy(true);
      setError(null);
      setFieldErrors({});
      work()
        .catch((err: unknown) => {
          const clientError = toClientError(err);
          setError(clientError.toString());
          setFieldErrors(fieldErrorsOf(clientError));
        })
        .finally(() => setBusy(false));
    };

  return { busy, error, fieldErrors, onSubmit };
}
